import { useEffect, useRef, useState } from 'react';
import { primaryLanguage } from '../../../shared/agenda/language';
import { languageName } from '../../app/speaker-label';
import { useI18n } from '../../i18n/i18n';
import { directionCode, MAX_BOOTH_NAME, parseDirection, saveBoothSettings, useBoothSettings } from './booth-settings';
import { langCode } from './direction';
import { KeyHint } from './KeyHint';

/**
 * This display's booth name and direction: `both` follows the floor, `into:<lang>` always works
 * into one language. Saved on this display; the console sees them in its list of displays.
 */
export function BoothSettingsDialog({ open, onClose, languages }: { open: boolean; onClose: () => void; languages: readonly string[] }) {
  const { t, lang } = useI18n();
  const settings = useBoothSettings();
  const dialog = useRef<HTMLDialogElement>(null);
  const [name, setName] = useState(settings.name);
  const [direction, setDirection] = useState(directionCode(settings.direction));

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      setName(useBoothSettings.getState().name);
      setDirection(directionCode(useBoothSettings.getState().direction));
      d.showModal();
    } else if (!open && d.open) {
      d.close();
    }
  }, [open]);

  const options = ['both', ...[...new Set(languages.map(primaryLanguage))].map((l) => `into:${l}`)];
  if (!options.includes(direction)) options.push(direction);

  return (
    <dialog ref={dialog} className="booth-dialog" data-testid="booth-settings" onClose={onClose} aria-labelledby="booth-settings-title">
      <form
        method="dialog"
        onSubmit={() => {
          const parsed = parseDirection(direction);
          if (parsed) saveBoothSettings(name, parsed);
        }}
      >
        <h2 id="booth-settings-title" className="booth-dialog__title">
          {t('booth.settings.title')}
        </h2>
        <label className="booth-dialog__field">
          <span>{t('booth.settings.name')}</span>
          <input
            className="field"
            data-testid="booth-name-input"
            value={name}
            maxLength={MAX_BOOTH_NAME}
            required
            autoFocus
            onChange={(e) => setName(e.target.value)}
          />
          <small className="muted">{t('booth.settings.nameHelp')}</small>
        </label>
        <fieldset className="booth-dialog__field">
          <legend>{t('booth.settings.direction')}</legend>
          {options.map((code) => {
            const parsed = parseDirection(code);
            const label =
              parsed?.kind === 'into'
                ? t('booth.settings.into', { language: languageName(parsed.lang, lang), code: langCode(parsed.lang) })
                : t('booth.settings.both');
            return (
              <label key={code} className="booth-dialog__choice">
                <input type="radio" name="direction" value={code} data-testid={`booth-direction-${code}`} checked={direction === code} onChange={() => setDirection(code)} />
                {label}
              </label>
            );
          })}
        </fieldset>
        <div className="button-row">
          <button type="submit" className="bbtn bbtn--primary" data-testid="booth-settings-save">
            {t('booth.save')} <KeyHint label="Enter" />
          </button>
          <button type="button" className="bbtn" onClick={() => dialog.current?.close()}>
            {t('booth.cancel')} <KeyHint label="Esc" />
          </button>
        </div>
      </form>
    </dialog>
  );
}
