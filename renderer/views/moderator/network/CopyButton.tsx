import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n/i18n';

/**
 * Copies a link to the clipboard and says so for a moment; says so too when the browser refuses
 * (the link stays selectable beside it).
 */
export function CopyButton({ text, testId }: { text: string; testId: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2_000);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = () => {
    const done = navigator.clipboard?.writeText(text);
    if (!done) return setState('failed');
    done.then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };
  return (
    <button type="button" className="mod-btn mod-btn--small network__copy" data-testid={testId} data-state={state} onClick={copy}>
      {t(state === 'copied' ? 'network.copy.done' : state === 'failed' ? 'network.copy.failed' : 'network.copy.button')}
    </button>
  );
}
