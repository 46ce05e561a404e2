import { Fragment } from 'react';
import { useI18n } from '../../../i18n/i18n';
import { Dialog } from '../dialogs/Dialog';
import { ROW_SHORTCUTS, SHORTCUTS } from './shortcut-keys';

function Caps({ caps, or }: { caps: readonly string[]; or: string }) {
  return (
    <>
      {caps.map((cap, i) => (
        <Fragment key={cap}>
          {i > 0 && <span className="keys__or"> {or} </span>}
          <kbd className="kbd">{cap}</kbd>
        </Fragment>
      ))}
    </>
  );
}

/** The `?` sheet: every key of the console, in the console's language. */
export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const or = t('moderator.shortcuts.or');
  return (
    <Dialog
      title={t('moderator.shortcuts.title')}
      testId="shortcuts-sheet"
      onCancel={onClose}
      footer={
        <button type="button" className="mod-btn mod-btn--primary" data-autofocus onClick={onClose}>
          {t('moderator.button.close')}
        </button>
      }
    >
      <dl className="keys">
        {SHORTCUTS.map((s) => (
          <div className="keys__row" key={s.action} data-action={s.action}>
            <dt>
              <Caps caps={s.caps} or={or} />
            </dt>
            <dd>{t(s.label)}</dd>
          </div>
        ))}
      </dl>
      <h3 className="keys__heading">{t('moderator.shortcuts.rows')}</h3>
      <dl className="keys">
        {ROW_SHORTCUTS.map((s) => (
          <div className="keys__row" key={s.label}>
            <dt>
              <Caps caps={s.caps} or={or} />
            </dt>
            <dd>{t(s.label)}</dd>
          </div>
        ))}
      </dl>
      <p className="keys__note">{t('moderator.shortcuts.note')}</p>
    </Dialog>
  );
}
