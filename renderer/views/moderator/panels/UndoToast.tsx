import { useEffect } from 'react';
import { speakerName } from '../../../app/speaker-label';
import { useI18n } from '../../../i18n/i18n';
import { undoRemove } from '../state/agenda-actions';
import { setRemoved, useFeedback } from '../state/feedback';

/** A removal can be undone for this long. */
const UNDO_FOR_MS = 20_000;

/** "Removed “…”. Undo" after an item is removed: the undo puts it back where it was. */
export function UndoToast() {
  const { t, lang } = useI18n();
  const removed = useFeedback((s) => s.removed);
  useEffect(() => {
    if (!removed) return;
    const timer = setTimeout(() => {
      if (useFeedback.getState().removed === removed) setRemoved(null);
    }, UNDO_FOR_MS);
    return () => clearTimeout(timer);
  }, [removed]);
  if (!removed) return null;
  return (
    <div className="toast" role="status" data-testid="undo-toast">
      <span>{t('moderator.undo.removed', { title: speakerName(removed.item, lang) })}</span>
      <button type="button" className="mod-btn mod-btn--small mod-btn--primary" data-testid="btn-undo-remove" onClick={() => void undoRemove()}>
        {t('moderator.button.undo')}
      </button>
      <button type="button" className="toast__close" aria-label={t('moderator.button.close')} onClick={() => setRemoved(null)}>
        ×
      </button>
    </div>
  );
}
