import { useI18n } from '../../../i18n/i18n';
import { answerConfirm, useDialogs } from '../state/dialogs';
import { Dialog } from './Dialog';

/**
 * Shows the pending confirmation, if any (askConfirm). For a destructive action Cancel has the
 * focus, so Enter never confirms it by accident; otherwise Enter confirms (one hand is enough).
 */
export function ConfirmHost() {
  const { t } = useI18n();
  const request = useDialogs((s) => s.confirm);
  if (!request) return null;
  return (
    <Dialog
      title={request.title}
      testId="confirm-dialog"
      onCancel={() => answerConfirm(false)}
      footer={
        <>
          <button type="button" className="mod-btn" data-testid="btn-cancel" data-autofocus={request.danger ? true : undefined} onClick={() => answerConfirm(false)}>
            {t('moderator.button.cancel')}
          </button>
          <button
            type="button"
            className={`mod-btn ${request.danger ? 'mod-btn--danger' : 'mod-btn--primary'}`}
            data-testid="btn-confirm"
            data-autofocus={request.danger ? undefined : true}
            onClick={() => answerConfirm(true)}
          >
            {request.confirmLabel}
          </button>
        </>
      }
    >
      {typeof request.body === 'string' ? <p>{request.body}</p> : request.body}
    </Dialog>
  );
}
