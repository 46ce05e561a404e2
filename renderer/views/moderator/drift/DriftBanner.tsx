import { useMemo } from 'react';
import { findItem } from '../../../../shared/agenda/agenda-queries';
import { useRostrum } from '../../../app/store';
import { useI18n } from '../../../i18n/i18n';
import { agendaZones } from '../../../../shared/time/agenda-zones';
import { useSchedule } from '../../../app/schedule';
import { driftText } from './drift-text';
import { RecoveryControls } from './RecoveryControls';
import { ScheduleOptions } from './ScheduleOptions';

/**
 * How the event is running against its plan: "Running 6 min late · projected end 16:36 Beijing /
 * 09:36 CET · this session ends 15:26 (+6:00)", with the recovery hint beside it.
 */
export function DriftBanner() {
  const { t, lang } = useI18n();
  const schedule = useSchedule((s) => s.schedule);
  const agenda = useRostrum((s) => s.snapshot?.agenda);
  const ended = useRostrum((s) => s.snapshot?.clock.status === 'ended');
  const started = useRostrum((s) => Object.values(s.snapshot?.report ?? {}).some((r) => r.actualStart !== null));
  const currentItemId = useRostrum((s) => s.snapshot?.clock.currentItemId ?? null);
  const zones = useMemo(() => (agenda ? agendaZones(agenda) : []), [agenda]);
  const currentSessionId = useMemo(
    () => (agenda ? (findItem(agenda, currentItemId)?.session.id ?? null) : null),
    [agenda, currentItemId],
  );
  const text = useMemo(
    () => (schedule ? driftText(schedule, { zones, ended, started, currentSessionId, t, lang }) : null),
    [schedule, zones, ended, started, currentSessionId, t, lang],
  );

  return (
    <section className="drift-strip" data-state={text?.state ?? 'none'} aria-label={t('moderator.drift.label')}>
      {text && (
        <p className="drift" data-testid="drift" data-state={text.state} data-drift-ms={text.driftMs} title={text.planned}>
          <strong className="drift__headline">{text.headline}</strong>
          <span className="drift__sep" aria-hidden="true">
            {' · '}
          </span>
          <span className="drift__end">{text.end}</span>
          {text.session && (
            <>
              <span className="drift__sep" aria-hidden="true">
                {' · '}
              </span>
              <span className="drift__session" data-testid="drift-session">
                {text.session}
              </span>
            </>
          )}
        </p>
      )}
      <RecoveryControls />
      <ScheduleOptions />
    </section>
  );
}
