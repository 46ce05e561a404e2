import { useRef } from 'react';
import { useRostrum } from '../../app/store';
import { useI18n } from '../../i18n/i18n';
import { presetText } from '../../../shared/i18n/presets';
import { useFitMessage } from './use-fit-message';

/**
 * The moderator's message, over the top of the monitor while the timer stays visible below it. A
 * preset shows in this monitor's language. Asked to flash, it flashes once a second for five
 * seconds (WCAG 2.3.1 and 2.2.2), then stays; a new message starts again. The text takes the
 * largest size that fits the box (use-fit-message.ts): 500 characters fit, nothing is clipped.
 */
export function SpeakerMessage() {
  const { t, lang } = useI18n();
  const message = useRostrum((s) => s.snapshot?.messages.speaker ?? null);
  const box = useRef<HTMLDivElement>(null);
  const text = message === null ? '' : message.preset ? presetText(message.preset, lang) : message.text;
  useFitMessage(box, `${message?.sentAt ?? ''}|${text}`);
  if (message === null) return null;
  return (
    <div
      key={message.sentAt}
      className="speaker__message"
      data-testid="speaker-message"
      data-flash={message.flash}
      ref={box}
      role="alert"
      aria-label={t('speaker.message')}
    >
      <p className="speaker__message-text">{text}</p>
    </div>
  );
}
