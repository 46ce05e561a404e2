import { useMemo } from 'react';
import { useRostrum } from '../../../app/store';
import { useServerValue } from '../../../app/use-server-value';
import { useI18n } from '../../../i18n/i18n';
import { agendaZones, timesInZones, type ZonedTime } from '../../../../shared/time/agenda-zones';

/** The time of day in every zone of the event, primary first. Re-renders once a minute. */
export function ZoneClocks() {
  const { t, lang } = useI18n();
  const timezone = useRostrum((s) => s.snapshot?.agenda.timezone);
  const extra = useRostrum((s) => s.snapshot?.agenda.extraTimezones);
  const zones = useMemo(() => (timezone ? agendaZones({ timezone, extraTimezones: extra ?? [] }) : []), [timezone, extra]);
  // Checked once a second and compared as text: a new render only when a shown minute (or label) changes.
  const json = useServerValue((now) => JSON.stringify(timesInZones(now, zones, lang)), Object.is, 1000);
  const times = useMemo(() => JSON.parse(json) as ZonedTime[], [json]);
  if (times.length === 0) return null;
  return (
    <div className="zone-clocks" data-testid="zone-clocks" aria-label={t('moderator.clock.zones')}>
      {times.map((z, i) => (
        <span className={`zone-clocks__zone${i === 0 ? ' zone-clocks__zone--primary' : ''}`} key={z.zone} data-zone={z.zone}>
          <span className="zone-clocks__time">{z.time}</span> <span className="zone-clocks__label">{z.label}</span>
        </span>
      ))}
    </div>
  );
}
