import { allottedMs, thresholdsOf, type TimedItem } from '../../../shared/clock/clock-math';
import { durationMs } from '../../../shared/time/instant';
import { useRostrum } from '../../app/store';
import { useI18n } from '../../i18n/i18n';

/**
 * How much of the allotted time is left, as a bar that shrinks towards the left, with a mark where
 * wrap-up and the final seconds begin. Nothing while the clock counts up (the space stays, so the
 * digits do not jump).
 */
export function ProgressBar({ left, item }: { left: number | null; item: TimedItem | undefined }) {
  const addedMs = useRostrum((s) => s.snapshot?.clock.addedMs ?? durationMs(0));
  const { t } = useI18n();
  const allotted = allottedMs(item, addedMs);
  if (left === null || allotted === null) {
    return <div className="speaker-progress speaker-progress--none" aria-hidden="true" />;
  }
  const { warningMs, dangerMs } = thresholdsOf(item);
  // More time taken away than the slot had leaves nothing to mark (and nothing left: `left` is 0).
  const marks = [...new Set([warningMs, dangerMs])].filter((ms) => ms > 0 && ms < allotted);
  return (
    <div
      className="speaker-progress"
      data-testid="speaker-progress"
      role="progressbar"
      aria-label={t('speaker.progress')}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(left * 100)}
    >
      <div className="speaker-progress__fill" style={{ transform: `scaleX(${left})` }} />
      {marks.map((ms) => (
        <div key={ms} className="speaker-progress__mark" style={{ left: `${(ms / allotted) * 100}%` }} />
      ))}
    </div>
  );
}
