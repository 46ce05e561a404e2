import { useVenueLink } from '../app/venue-link';
import { useI18n } from '../i18n/i18n';
import './venue-link.css';

/**
 * Beside the connection indicator, on a relay only: loud while the venue's link is down (the clock
 * keeps counting from the last state), an empty marker while it is up, nothing at the venue.
 */
export function VenueLinkState() {
  const state = useVenueLink((s) => s.state);
  const { t } = useI18n();
  if (state === null) return null;
  if (state === 'linked') return <span data-testid="link-state" data-state="venue-linked" hidden />;
  return (
    <div className="venue-link" data-testid="link-state" data-state="venue-lost" role="status" aria-live="polite" title={t('relay.venueLostHint')}>
      <span className="venue-link__dot" aria-hidden="true" />
      <span>{t('relay.venueLost')}</span>
    </div>
  );
}
