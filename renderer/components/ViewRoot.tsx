import type { ReactNode } from 'react';
import type { PageView as View } from '../../shared/contract/http';
import { useClockPhase, useLink } from '../app/hooks';
import { useDocumentLanguage } from '../i18n/use-document-language';

/**
 * The root of every view. `data-phase` and `data-status` drive the colours (styles/base.css) and
 * let tests and tools read the state; `data-link` dims nothing but lets styles mark offline.
 * `alerts`, when above 0, leads the window title (see useDocumentLanguage).
 */
export function ViewRoot({ view, alerts = 0, children }: { view: View; alerts?: number; children: ReactNode }) {
  const { phase, status } = useClockPhase();
  const link = useLink();
  useDocumentLanguage(view, alerts);
  return (
    <div className={`view view--${view}`} data-testid="view-root" data-phase={phase} data-status={status} data-link={link}>
      {children}
    </div>
  );
}
