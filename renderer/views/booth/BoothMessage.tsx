import { instant } from '../../../shared/time/instant';
import { timeOfDayIn } from '../../../shared/time/zoned-time';
import { useRostrum } from '../../app/store';
import { useI18n } from '../../i18n/i18n';

/**
 * The moderator's message to the booth, until the moderator clears it. A new one flashes briefly
 * (the `key` restarts the animation) so a glance catches it.
 */
export function BoothMessage({ timezone }: { timezone: string }) {
  const { t } = useI18n();
  const message = useRostrum((s) => s.snapshot?.messages.booth ?? null);
  if (!message) {
    return (
      <section className="panel booth-message booth-message--none" aria-label={t('booth.message.title')}>
        <span className="panel__label">{t('booth.message.title')}</span> <span className="muted">{t('booth.message.none')}</span>
      </section>
    );
  }
  return (
    <section key={message.sentAt} className="panel booth-message booth-message--new" role="alert" aria-label={t('booth.message.title')}>
      <div className="panel__head">
        <span className="panel__label">{t('booth.message.title')}</span>
        <span className="panel__aside">{t('booth.message.sentAt', { time: timeOfDayIn(instant(message.sentAt), timezone) })}</span>
      </div>
      <p className="booth-message__text" data-testid="booth-message">
        {message.text}
      </p>
    </section>
  );
}
