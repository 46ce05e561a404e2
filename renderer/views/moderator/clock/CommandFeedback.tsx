import { useI18n, translateError } from '../../../i18n/i18n';
import { clearFeedback, useFeedback } from '../state/feedback';

/**
 * The console's one feedback line: the last refused command from any panel, translated, with
 * what was being attempted; or a neutral notice. Cleared by the next attempt.
 */
export function CommandFeedback() {
  const { t } = useI18n();
  const error = useFeedback((s) => s.error);
  const notice = useFeedback((s) => s.notice);
  return (
    <div className="feedback" data-state={error ? 'error' : notice ? 'notice' : 'empty'}>
      {error && <span className="feedback__action">{t(error.action)}</span>}
      <p className="feedback__error" data-testid="command-error" role="alert" data-code={error?.code ?? ''}>
        {error ? translateError(t, error) : ''}
      </p>
      <p className="feedback__notice" data-testid="command-notice" role="status">
        {!error && notice ? t(notice) : ''}
      </p>
      {(error || notice) && (
        <button type="button" className="feedback__dismiss" aria-label={t('moderator.button.dismiss')} onClick={clearFeedback}>
          ×
        </button>
      )}
    </div>
  );
}
