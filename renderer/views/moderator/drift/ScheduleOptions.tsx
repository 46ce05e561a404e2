import { dateIn } from '../../../../shared/time/zoned-time';
import { useRostrum } from '../../../app/store';
import { useI18n } from '../../../i18n/i18n';
import { useSchedule } from '../../../app/schedule';
import { runCommand } from '../state/run-command';

async function setPullForward(on: boolean): Promise<void> {
  await runCommand({ type: 'settings.update', sessionsPullForward: on }, 'moderator.action.settings');
}

/**
 * Beside the drift: the event's setting for how sessions start (pulled forward as soon as the
 * previous one ends, or at their planned start: docs/schedule.md), and a note when the plan has
 * been re-anchored to another day (a rehearsal), so nobody reads the shifted times as the event's.
 */
export function ScheduleOptions() {
  const { t } = useI18n();
  const agenda = useRostrum((s) => s.snapshot?.agenda);
  const shiftedTo = useSchedule((s) => {
    const first = s.schedule?.items[0];
    return s.schedule && s.schedule.anchorOffsetMs !== 0 && first && agenda ? dateIn(first.plannedStart, agenda.timezone) : null;
  });
  if (!agenda) return null;
  return (
    <div className="schedule-options">
      {shiftedTo !== null && (
        <span
          className="schedule-options__rehearsal"
          data-testid="rehearsal-note"
          title={t('moderator.rehearsal.shiftedHint', { date: shiftedTo, eventDate: agenda.date })}
        >
          {t('moderator.rehearsal.shifted')}
        </span>
      )}
      <label className="check" title={t('moderator.settings.pullForwardHint')}>
        <input
          type="checkbox"
          checked={agenda.sessionsPullForward !== false}
          onChange={(e) => void setPullForward(e.target.checked)}
          data-testid="sessions-pull-forward"
        />{' '}
        {t('moderator.settings.pullForward')}
      </label>
    </div>
  );
}
