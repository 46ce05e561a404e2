import { useRostrum } from '../../app/store';
import { useI18n } from '../../i18n/i18n';
import { presetText } from '../../i18n/presets';

/** Longer messages get a smaller size, so that 500 characters still fit. */
const sizeOf = (text: string) => (text.length <= 40 ? 'short' : text.length <= 120 ? 'medium' : 'long');

/**
 * The moderator's message, over the top of the monitor while the timer stays visible below it. A
 * preset shows in this monitor's language. Asked to flash, it flashes once a second for five
 * seconds (WCAG 2.3.1 and 2.2.2), then stays; a new message starts again.
 */
export function SpeakerMessage() {
  const { t, lang } = useI18n();
  const message = useRostrum((s) => s.snapshot?.messages.speaker ?? null);
  if (message === null) return null;
  const text = message.preset ? presetText(message.preset, lang) : message.text;
  return (
    <div
      key={message.sentAt}
      className="speaker__message"
      data-testid="speaker-message"
      data-flash={message.flash}
      data-size={sizeOf(text)}
      role="alert"
      aria-label={t('speaker.message')}
    >
      <p className="speaker__message-text">{text}</p>
    </div>
  );
}
