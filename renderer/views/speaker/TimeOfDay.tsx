import { useEffect, useMemo, useState } from 'react';
import { instant } from '../../../shared/time/instant';
import { zoneLabel } from '../../../shared/time/zone-labels';
import { timeOfDayIn } from '../../../shared/time/zoned-time';
import { onEveryFrame } from '../../app/frame-loop';
import { serverNow } from '../../app/server-clock';
import { useRostrum } from '../../app/store';
import { useI18n } from '../../i18n/i18n';

const MINUTE_MS = 60_000;

/** The time of day in the event's primary zone, by the server's clock; re-renders once a minute. */
export function TimeOfDay() {
  const { t, lang } = useI18n();
  const timezone = useRostrum((s) => s.snapshot?.agenda.timezone);
  const [text, setText] = useState('');
  // The zone's one label (as on the console, the booth and the report); again each hour for CET/CEST.
  const hour = text.slice(0, 2);
  const label = useMemo(() => (timezone === undefined || hour === '' ? '' : zoneLabel(timezone, lang, instant(serverNow()))), [timezone, lang, hour]);

  useEffect(() => {
    if (timezone === undefined) return;
    let minute = NaN;
    const update = () => {
      const now = serverNow();
      // Every zone's offset is whole minutes: nothing to format until the minute turns.
      if (Math.floor(now / MINUTE_MS) === minute) return;
      minute = Math.floor(now / MINUTE_MS);
      setText(timeOfDayIn(instant(now), timezone));
    };
    update();
    return onEveryFrame(update);
  }, [timezone]);

  if (timezone === undefined || text === '') return null;
  return (
    <div className="speaker__time">
      <time data-testid="time-of-day" aria-label={t('speaker.timeOfDay')}>
        {text}
      </time>
      <span className="speaker__zone" data-testid="time-of-day-zone">
        {label}
      </span>
    </div>
  );
}
