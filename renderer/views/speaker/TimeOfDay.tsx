import { useMemo } from 'react';
import { instant, type Instant } from '../../../shared/time/instant';
import { zoneLabel } from '../../../shared/time/zone-labels';
import { timeOfDayIn } from '../../../shared/time/zoned-time';
import { serverNow } from '../../app/server-clock';
import { useRostrum } from '../../app/store';
import { useServerValue } from '../../app/use-server-value';
import { OwnTime } from '../../components/OwnTime';
import { useI18n } from '../../i18n/i18n';

const MINUTE_MS = 60_000;
const minuteOf = (now: Instant) => Math.floor(now / MINUTE_MS);

/** The time of day in the event's primary zone, by the server's clock; re-renders once a minute. */
export function TimeOfDay() {
  const { t, lang } = useI18n();
  const timezone = useRostrum((s) => s.snapshot?.agenda.timezone);
  // Every zone's offset is whole minutes: nothing to format until the minute turns.
  const minute = useServerValue(minuteOf);
  const text = useMemo(() => (timezone === undefined ? '' : timeOfDayIn(instant(minute * MINUTE_MS), timezone)), [timezone, minute]);
  // The zone's one label (as on the console, the booth and the report); again each hour for CET/CEST.
  const hour = text.slice(0, 2);
  const label = useMemo(() => (timezone === undefined || hour === '' ? '' : zoneLabel(timezone, lang, serverNow())), [timezone, lang, hour]);

  if (timezone === undefined || text === '') return null;
  return (
    <div className="speaker__time">
      <time data-testid="time-of-day" aria-label={t('speaker.timeOfDay')}>
        {text}
      </time>
      <span className="speaker__zone" data-testid="time-of-day-zone">
        {label}
      </span>
      <OwnTime className="speaker__zone speaker__own-time" />
    </div>
  );
}
