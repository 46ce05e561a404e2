import { useId, useState } from 'react';
import { REMOVE_DURATION } from '../../../../shared/agenda/patch-removals';
import type { ApiError } from '../../../../shared/contract/errors';
import { sendCommand } from '../../../app/send-command';
import { useRostrum } from '../../../app/store';
import { translateError, useI18n } from '../../../i18n/i18n';
import { Dialog } from '../dialogs/Dialog';

/**
 * Edits a session's own fields: today its end-by time (docs/schedule.md "End by for a session").
 * Sends `session.update` only when the end changed; empty removes it. A refusal stays in the dialog.
 */
export function SessionEditDialog({ sessionId, onClose }: { sessionId: string; onClose: () => void }) {
  const { t } = useI18n();
  const session = useRostrum((s) => s.snapshot?.agenda.sessions.find((x) => x.id === sessionId));
  const [opened] = useState(() => session?.endAt ?? '');
  const [endAt, setEndAt] = useState(opened);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldId = useId();

  const save = async () => {
    if (busy) return;
    if (endAt === opened) return onClose();
    setBusy(true);
    setError(null);
    const ack = await sendCommand({ type: 'session.update', sessionId, patch: { endAt: endAt === '' ? REMOVE_DURATION : endAt } }).finally(() => setBusy(false));
    if (ack.ok) onClose();
    else setError(ack.error);
  };

  return (
    <Dialog
      title={session ? t('timing.session.dialogTitle', { session: session.title }) : t('timing.session.title')}
      testId="session-edit-dialog"
      onCancel={onClose}
      footer={
        <>
          <button type="button" className="mod-btn" data-testid="btn-session-edit-cancel" onClick={onClose}>
            {t('moderator.button.cancel')}
          </button>
          {session && (
            <button type="button" className="mod-btn mod-btn--primary" data-testid="btn-session-edit-save" disabled={busy} onClick={() => void save()}>
              {t('moderator.button.save')}
            </button>
          )}
        </>
      }
    >
      {!session ? (
        <p className="mod-dialog__error">{t('error.unknown-session')}</p>
      ) : (
        <form
          className="edit-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <div className="field field--wide">
            <label htmlFor={fieldId} className="field__label">
              {t('timing.session.endAt')}
            </label>
            <input id={fieldId} type="time" value={endAt} onChange={(e) => setEndAt(e.target.value)} data-testid="edit-session-end-at" data-autofocus />
            <p className="field__hint">{t('timing.session.endAtHint')}</p>
          </div>
          {error && (
            <p className="mod-dialog__error" role="alert" data-testid="session-edit-error" data-code={error.code}>
              {translateError(t, error)}
              {error.code === 'invalid' && <span className="mod-dialog__detail"> {error.message}</span>}
            </p>
          )}
          <button type="submit" hidden />
        </form>
      )}
    </Dialog>
  );
}
