import { useLink } from '../app/hooks';
import { useI18n } from '../i18n/i18n';
import { VenueLinkState } from './VenueLinkState';

/** A dot and a word; anything but "online" is loud on purpose. On a relay, the venue's link beside it. */
export function ConnectionIndicator() {
  const link = useLink();
  const { t } = useI18n();
  return (
    <>
      <div
        className="connection"
        data-testid="connection"
        data-link={link}
        role="status"
        aria-live="polite"
        aria-label={t('label.connection')}
      >
        <span className="connection__dot" aria-hidden="true" />
        <span className="connection__text">{t(`link.${link}`)}</span>
      </div>
      <VenueLinkState />
    </>
  );
}
