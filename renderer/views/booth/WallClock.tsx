import { instant } from '../../../shared/time/instant';
import { timeOfDayIn } from '../../../shared/time/zoned-time';
import { useFrameValue } from './use-frame-value';

const same = (a: string, b: string) => a === b;

/** The time of day in the event's primary zone: the zone every time on this screen is in. */
export function WallClock({ timezone }: { timezone: string }) {
  const time = useFrameValue((now) => timeOfDayIn(instant(now), timezone), same);
  const city = timezone.split('/').pop()?.replace(/_/g, ' ') ?? timezone;
  return (
    <span className="wall-clock" data-testid="booth-time" title={timezone}>
      {time} <span className="wall-clock__zone">{city}</span>
    </span>
  );
}
