import { useI18n } from '../../i18n/i18n';
import { useBoothSettings } from './booth-settings';
import { langCode } from './direction';
import { KeyHint } from './KeyHint';

/** The booth's name and direction in the top bar; opens the settings (B). */
export function BoothIdentity({ onOpen }: { onOpen: () => void }) {
  const { t } = useI18n();
  const { name, direction, named } = useBoothSettings();
  const dir = direction.kind === 'both' ? t('booth.settings.bothShort') : t('booth.settings.intoShort', { code: langCode(direction.lang) });
  return (
    <button type="button" className="booth-identity" data-testid="booth-identity" data-direction={direction.kind === 'both' ? 'both' : `into:${direction.lang}`} onClick={onOpen} aria-keyshortcuts="B">
      <span className="booth-identity__name" data-testid="booth-name">
        {name}
      </span>
      <span className="booth-identity__direction">{dir}</span>
      {!named && <span className="booth-identity__unset">{t('booth.settings.unset')}</span>}
      <KeyHint label="B" />
    </button>
  );
}
