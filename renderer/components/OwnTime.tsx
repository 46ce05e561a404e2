import { useMemo, useState } from 'react';
import { timeOfDayIn } from '../../shared/time/zoned-time';
import { viewerZone } from '../app/personal-item';
import { useRostrum } from '../app/store';
import { useServerValue } from '../app/use-server-value';
import { useVenueLink } from '../app/venue-link';
import { useI18n } from '../i18n/i18n';
import { agendaZones } from '../../shared/time/agenda-zones';

const MINUTE_MS = 60_000;

/**
 * On a remote view (through a relay), the viewer's own time of day beside the event's — "your time
 * 23:35" — when their zone shows another time than every zone of the event. Never at the venue.
 */
export function OwnTime({ className }: { className?: string }) {
  const { t } = useI18n();
  const remote = useVenueLink((s) => s.state !== null);
  const agenda = useRostrum((s) => s.snapshot?.agenda ?? null);
  const zones = useMemo(() => (agenda === null ? [] : agendaZones(agenda)), [agenda]);
  const [own] = useState(viewerZone);
  const text = useServerValue(
    (now) => {
      if (!remote || zones.length === 0) return '';
      const mine = timeOfDayIn(now, own);
      return zones.some((z) => timeOfDayIn(now, z) === mine) ? '' : mine;
    },
    Object.is,
    MINUTE_MS / 60,
  );
  if (text === '') return null;
  return (
    <span className={className} data-testid="own-time" title={own}>
      {t('speaker.personal.yourTime', { time: text })}
    </span>
  );
}
