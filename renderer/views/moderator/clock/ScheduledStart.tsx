import { useMemo } from 'react';
import { holdTarget } from '../../../../shared/timing/next-transition';
import { timeOfDayIn } from '../../../../shared/time/zoned-time';
import { useRostrum } from '../../../app/store';
import { StartsIn } from '../../../components/StartsIn';
import { useI18n } from '../../../i18n/i18n';
import { capsOf } from '../keyboard/shortcut-keys';
import { toggleHold } from '../state/timing-actions';

/**
 * The next session's automatic start, on the console: "Starts by itself at 14:00 · Starts in 4:12"
 * with a button (and H) to hold it; once held, "Automatic start held" and the button lets it start by
 * itself again. Starting early is the Start button as ever.
 */
export function ScheduledStart() {
  const { t } = useI18n();
  const agenda = useRostrum((s) => s.snapshot?.agenda ?? null);
  const clock = useRostrum((s) => s.snapshot?.clock ?? null);
  const report = useRostrum((s) => s.snapshot?.report ?? null);
  const timing = useRostrum((s) => s.snapshot?.timing ?? null);
  const target = useMemo(
    () => (agenda && clock && report && timing ? holdTarget({ agenda, clock, report, timing }) : null),
    [agenda, clock, report, timing],
  );
  if (target === null || agenda === null) return null;
  const session = agenda.sessions.find((s) => s.id === target.sessionId)?.title ?? '';
  const time = timeOfDayIn(target.at, agenda.timezone);
  const caps = capsOf('hold');
  return (
    <div className="scheduled-start" data-testid="scheduled-start" data-held={!target.held}>
      <span className="scheduled-start__what">{target.held ? t('timing.startsAt', { time }) : t('timing.held')}</span>
      {target.held && <StartsIn />}
      <button
        type="button"
        className="ctl ctl--quiet"
        data-testid="btn-hold-start"
        data-key={caps[0]}
        aria-keyshortcuts={caps.join(' ')}
        title={t(target.held ? 'timing.holdHint' : 'timing.releaseHint', { session, time })}
        onClick={(e) => {
          if (e.detail > 0) e.currentTarget.blur();
          void toggleHold();
        }}
      >
        {t(target.held ? 'timing.hold' : 'timing.release')}
      </button>
    </div>
  );
}
