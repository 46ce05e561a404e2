import { useI18n } from '../../../i18n/i18n';
import { setRequestChime, useRequestChime } from './chime-setting';

/** Mutes (or unmutes) the booth-request chime on this console; remembered across reloads. */
export function ChimeToggle() {
  const { t } = useI18n();
  const on = useRequestChime((s) => s.on);
  return (
    <button
      type="button"
      className="chime-toggle"
      data-testid="request-chime-toggle"
      data-state={on ? 'on' : 'off'}
      aria-pressed={on}
      title={t('moderator.requests.chime.hint')}
      onClick={() => setRequestChime(!on)}
    >
      {t(on ? 'moderator.requests.chime.on' : 'moderator.requests.chime.off')}
    </button>
  );
}
