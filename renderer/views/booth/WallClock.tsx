import { useMemo } from 'react';
import { zoneLabel } from '../../../shared/time/zone-labels';
import { timeOfDayIn } from '../../../shared/time/zoned-time';
import { serverNow } from '../../app/server-clock';
import { useServerValue } from '../../app/use-server-value';
import { OwnTime } from '../../components/OwnTime';
import { useI18n } from '../../i18n/i18n';

const same = (a: string, b: string) => a === b;

/** The time of day in the event's primary zone: the zone every time on this screen is in. */
export function WallClock({ timezone }: { timezone: string }) {
  const { lang } = useI18n();
  const time = useServerValue((now) => timeOfDayIn(now, timezone), same);
  // The same label as the console and the report; looked at again each hour (CET turns CEST on one).
  const hour = time.slice(0, 2);
  const label = useMemo(() => (hour === '' ? '' : zoneLabel(timezone, lang, serverNow())), [timezone, lang, hour]);
  return (
    <span className="wall-clock" data-testid="booth-time" title={timezone}>
      {time}{' '}
      <span className="wall-clock__zone" data-testid="booth-time-zone">
        {label}
      </span>{' '}
      <OwnTime className="wall-clock__zone wall-clock__own" />
    </span>
  );
}
