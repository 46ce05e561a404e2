import { useState } from 'react';
import { useRostrum } from '../../../app/store';
import { useI18n } from '../../../i18n/i18n';

/**
 * What the server had to do at start-up that the operator must know, e.g. a corrupt state file
 * moved aside and the last good copy or the sample loaded (`Snapshot.startupWarning`). The detail
 * is the server's English message (it names the file); it can be dismissed in this window.
 */
export function StartupWarning() {
  const { t } = useI18n();
  const warning = useRostrum((s) => s.snapshot?.startupWarning ?? null);
  const [dismissed, setDismissed] = useState<string | null>(null);
  if (warning === null || warning === dismissed) return null;
  return (
    <section className="startup-warning" role="alert" data-testid="startup-warning" aria-label={t('moderator.startupWarning.title')}>
      <strong className="startup-warning__title">{t('moderator.startupWarning.title')}</strong>
      <span className="startup-warning__detail">{warning}</span>
      <button type="button" className="startup-warning__dismiss" onClick={() => setDismissed(warning)}>
        {t('moderator.startupWarning.dismiss')}
      </button>
    </section>
  );
}
