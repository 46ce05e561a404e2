import { useClockPhase, useLineup } from '../../app/hooks';
import { translateError, useI18n } from '../../i18n/i18n';
import { useCommand } from './use-command';

/**
 * Start (or resume), pause and next. Only the button that applies is enabled, judged from the
 * last known state — so while offline a click still happens and says, in words, that it failed.
 * Every command names the current item: a stale click is refused, never applied to the wrong item.
 */
export function ClockControls() {
  const { t } = useI18n();
  const { status } = useClockPhase();
  const { current } = useLineup();
  const { send, busy, error } = useCommand();
  const expectedItemId = current?.item.id;

  const canStart = current !== undefined && (status === 'idle' || status === 'paused');
  const canPause = current !== undefined && status === 'running';
  const canNext = current !== undefined;

  return (
    <section className="controls" aria-label={t('label.controls')}>
      <div className="controls__buttons">
        <button
          type="button"
          className="btn btn--start"
          data-testid="btn-start"
          disabled={busy || !canStart}
          onClick={() => void send({ type: status === 'paused' ? 'resume' : 'start', expectedItemId })}
        >
          {t(status === 'paused' ? 'button.resume' : 'button.start')}
        </button>
        <button
          type="button"
          className="btn btn--pause"
          data-testid="btn-pause"
          disabled={busy || !canPause}
          onClick={() => void send({ type: 'pause', expectedItemId })}
        >
          {t('button.pause')}
        </button>
        <button
          type="button"
          className="btn btn--next"
          data-testid="btn-next"
          disabled={busy || !canNext}
          onClick={() => void send({ type: 'next', expectedItemId })}
        >
          {t('button.next')}
        </button>
      </div>
      <p className="controls__error" data-testid="command-error" role="alert" data-code={error?.code ?? ''}>
        {error ? translateError(t, error) : ''}
      </p>
    </section>
  );
}
