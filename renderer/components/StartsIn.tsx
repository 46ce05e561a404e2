import { useMemo } from 'react';
import { formatSeconds } from '../../shared/clock/format';
import { pendingScheduledStart } from '../../shared/timing/next-transition';
import { useRostrum } from '../app/store';
import { useServerValue } from '../app/use-server-value';
import { useI18n } from '../i18n/i18n';
import type { Instant } from '../../shared/time/instant';
import './timing.css';

/** When the next session starts by itself (shared/timing/next-transition.ts), or null. */
export function useScheduledStart(): { sessionId: string; at: Instant } | null {
  const agenda = useRostrum((s) => s.snapshot?.agenda ?? null);
  const clock = useRostrum((s) => s.snapshot?.clock ?? null);
  const report = useRostrum((s) => s.snapshot?.report ?? null);
  const timing = useRostrum((s) => s.snapshot?.timing ?? null);
  return useMemo(
    () => (agenda && clock && report && timing ? pendingScheduledStart({ agenda, clock, report, timing }) : null),
    [agenda, clock, report, timing],
  );
}

/** Whole seconds until `at`, counted like the clock's digits (ceil); null once it has passed. */
const secondsUntil = (at: Instant | null, now: Instant): number | null => (at === null || at <= now ? null : Math.ceil((at - now) / 1000));

/**
 * "Starts in 4:12" (the booth: "Interpretation starts in 4:12") while a session waits to start by
 * itself; nothing otherwise.
 */
export function StartsIn({ booth = false, className = '' }: { booth?: boolean; className?: string }) {
  const { t } = useI18n();
  const pending = useScheduledStart();
  const seconds = useServerValue((now) => secondsUntil(pending?.at ?? null, now));
  if (seconds === null) return null;
  const time = formatSeconds(seconds);
  return (
    <p className={`starts-in ${className}`} data-testid="starts-in" role="timer" aria-live="off">
      {t(booth ? 'timing.boothStartsIn' : 'timing.startsIn', { time })}
    </p>
  );
}
