import type { AutoAdvance } from '../agenda/agenda-schema';
import { findItem, nextPlayable } from '../agenda/agenda-queries';
import type { RostrumState } from '../contract/state';
import { recordOf } from '../report/report-types';
import { anchorOffsetMs } from '../schedule/anchor';
import { buildPlan } from '../schedule/plan';
import { instant, type Instant } from '../time/instant';
import { endAtInstant, endByOf } from './end-by';

/** The commands only the server's scheduler sends, with the principal `automatic`. */
export type AutomaticCommand = { type: 'auto.start'; sessionId: string } | { type: 'auto.advance'; itemId: string };

export interface AutomaticTransition {
  /** The instant of the anchored clock at which it applies. */
  at: Instant;
  command: AutomaticCommand;
  /** Its key in `timing.fired` once applied: it never fires again. */
  key: string;
}

export const startKey = (sessionId: string) => `start:${sessionId}`;
export const advanceKey = (itemId: string) => `advance:${itemId}`;

type TimingInput = Pick<RostrumState, 'agenda' | 'clock' | 'report' | 'timing' | 'changedAt'>;

/**
 * The next automatic transition and when, or null: the ONE place that decides it
 * (docs/schedule.md "Automatic transitions"). A pure function of the state: the server arms one
 * timer for `at` and applies `command` at exactly `at`, so the anchored clock reads as if a person
 * had pressed the key on that millisecond, however late the timer or the restart.
 *
 * - Auto-advance: the running item's time up (its end-by instant, or runningSince + what was left
 *   when it started running) plus the grace; `roll` with no grace, and an item without a duration
 *   rolls at the end of its planned share. Not while paused; not from the last item. Within a
 *   session the next item starts; across a session boundary it is only loaded (engine: autoAdvance).
 * - Scheduled start: a session with `autoStart` at its planned start (shifted like the plan), while
 *   the clock is idle on an item no later than the session, none of its items has started, and it is
 *   not held. A planned start that passed before the state it depends on was set (`changedAt`: an
 *   agenda loaded at 15:00 with a 14:00 session) is not a start any more: it never fires.
 * - Never a key already in `timing.fired`; never before `changedAt` (a transition made due by a
 *   change, such as taking time away, applies at that change's instant).
 */
export function nextAutomaticTransition(state: TimingInput): AutomaticTransition | null {
  const since = state.changedAt ?? null;
  const advance = advanceTransition(state);
  const start = startTransition(state, since);
  const first = advance === null ? start : start === null || advance.at <= start.at ? advance : start;
  if (first === null || since === null || first.at >= since) return first;
  return { ...first, at: since };
}

export function autoAdvanceOf(state: Pick<RostrumState, 'agenda'>, itemId: string): AutoAdvance | undefined {
  const located = findItem(state.agenda, itemId);
  return located?.item.autoAdvance ?? located?.session.autoAdvance;
}

function advanceTransition(state: TimingInput): AutomaticTransition | null {
  const { agenda, clock, report, timing } = state;
  if (clock.status !== 'running' || clock.runningSince === null || clock.currentItemId === null) return null;
  const located = findItem(agenda, clock.currentItemId);
  if (!located) return null;
  const mode = located.item.autoAdvance ?? located.session.autoAdvance;
  const key = advanceKey(located.item.id);
  if (mode === undefined || timing.fired.includes(key) || !nextPlayable(agenda, located.item.id)) return null;
  const offset = anchorOffsetMs(agenda, report);
  const { item } = located;
  const endAt = endByOf(located.session, item);
  let timeUp: number;
  if (endAt !== undefined) timeUp = endAtInstant(agenda, endAt, offset);
  else {
    const allotted =
      item.durationSec !== undefined
        ? item.durationSec * 1000
        : mode === 'roll'
          ? buildPlan(agenda, offset).items.find((p) => p.itemId === item.id)?.plannedDurationMs
          : undefined;
    if (allotted === undefined) return null;
    timeUp = clock.runningSince + allotted + clock.addedMs - clock.accumulatedMs;
  }
  const graceMs = mode === 'roll' ? 0 : mode.graceSec * 1000;
  return { at: instant(timeUp + graceMs), command: { type: 'auto.advance', itemId: item.id }, key };
}

/**
 * The session that will start by itself next and when, as the displays show it ("Starts in 4:12"):
 * the same rule as the scheduler's, read from a snapshot (which has no `changedAt`; a display shows
 * it only while `at` is still ahead).
 */
export function pendingScheduledStart(state: Omit<TimingInput, 'changedAt'>): { sessionId: string; at: Instant } | null {
  const start = startTransition(state, null);
  return start === null || start.command.type !== 'auto.start' ? null : { sessionId: start.command.sessionId, at: start.at };
}

function startTransition(state: Omit<TimingInput, 'changedAt'>, since: Instant | null): AutomaticTransition | null {
  const { agenda, clock, report, timing } = state;
  if (clock.status !== 'idle') return null;
  const current = findItem(agenda, clock.currentItemId);
  const currentSession = current ? agenda.sessions.indexOf(current.session) : 0;
  const plan = buildPlan(agenda, anchorOffsetMs(agenda, report));
  for (const [index, session] of agenda.sessions.entries()) {
    if (index < currentSession || session.autoStart !== true) continue;
    const key = startKey(session.id);
    if (timing.held.includes(session.id) || timing.fired.includes(key)) continue;
    if (session.items.some((i) => recordOf(report, i.id)?.actualStart != null)) continue;
    if (!session.items.some((i) => !i.skipped)) continue;
    const at = plan.sessions[index]?.plannedStart;
    if (at === undefined || (since !== null && at < since)) continue;
    return { at, command: { type: 'auto.start', sessionId: session.id }, key };
  }
  return null;
}

/**
 * What the moderator's hold key acts on: the session waiting to start by itself (hold it), or else
 * the first held session not yet started (let it start by itself again); null when neither.
 */
export function holdTarget(state: Omit<TimingInput, 'changedAt'>): { sessionId: string; held: boolean; at: Instant } | null {
  const pending = pendingScheduledStart(state);
  if (pending !== null) return { ...pending, held: true };
  if (state.timing.held.length === 0) return null;
  const released = { ...state, timing: { ...state.timing, held: [] } };
  const next = pendingScheduledStart(released);
  return next !== null && state.timing.held.includes(next.sessionId) ? { ...next, held: false } : null;
}
