import { useMemo } from 'react';
import type { Instant } from '../../../shared/time/instant';
import { timeOfDayIn } from '../../../shared/time/zoned-time';
import { viewerZone } from '../../app/personal-item';
import { useRostrum } from '../../app/store';
import { useServerValue } from '../../app/use-server-value';
import { useI18n } from '../../i18n/i18n';
import { agendaZones, timesInZones } from '../../../shared/time/agenda-zones';
import { minutesUntil } from './personal-phase';

/** "You are on in 12 min — 15:35 Beijing · 08:35 CET · your time 08:35", minute by minute. */
export function PersonalWait({ start }: { start: Instant | null }) {
  const { t, lang } = useI18n();
  const agenda = useRostrum((s) => s.snapshot?.agenda ?? null);
  const minutes = useServerValue((now) => (start === null ? null : minutesUntil(start, now)), Object.is, 1000);
  const times = useMemo(() => {
    if (start === null || agenda === null) return '';
    const event = timesInZones(start, agendaZones(agenda), lang).map((z) => `${z.time} ${z.label}`);
    return [...event, t('speaker.personal.yourTime', { time: timeOfDayIn(start, viewerZone()) })].join(' · ');
  }, [start, agenda, lang, t]);
  return (
    <div className="speaker__personal" data-testid="personal-state" data-state="before">
      {minutes !== null && (
        <p className="speaker__personal-wait" data-testid="personal-wait">
          {minutes <= 0
            ? t('speaker.personal.due')
            : minutes < 60
              ? t('speaker.personal.before', { minutes: String(minutes) })
              : t('speaker.personal.beforeHours', { hours: String(Math.floor(minutes / 60)), minutes: String(minutes % 60) })}
        </p>
      )}
      <p className="speaker__personal-times" data-testid="personal-start">{times}</p>
    </div>
  );
}

/** After the item: thanks; or a link to an item no longer on the agenda. */
export function PersonalNote({ state }: { state: 'after' | 'unknown' }) {
  const { t } = useI18n();
  return (
    <div className="speaker__personal" data-testid="personal-state" data-state={state}>
      <p className="speaker__personal-wait">{t(state === 'after' ? 'speaker.personal.after' : 'speaker.personal.unknown')}</p>
    </div>
  );
}
