import { findItem, nextPlayable } from '../../shared/agenda/agenda-queries';
import type { CommandOf } from '../../shared/contract/commands';
import { CommandError } from '../../shared/contract/errors';
import { REMOVE_DURATION } from '../../shared/agenda/patch-removals';
import type { RostrumState } from '../../shared/contract/state';
import { advanceKey, startKey } from '../../shared/timing/next-transition';
import { durationMs, type Instant } from '../../shared/time/instant';
import { checkExpected, loadItem, start } from './clock-commands';
import { updateRecord } from './item-records';
import { elapsedMs } from '../../shared/clock/clock-math';
import { projectSchedule } from '../../shared/schedule/projection';
import { endByOf } from '../../shared/timing/end-by';
import { endsAtOf } from '../../shared/timing/ends-at';

/** Automatic transitions (docs/schedule.md "Automatic transitions"): each marks itself fired and automatic in the report. */

const fired = (state: RostrumState, key: string): RostrumState => ({
  ...state,
  timing: { ...state.timing, fired: [...state.timing.fired, key] },
});

function requireSession(state: RostrumState, sessionId: string) {
  const session = state.agenda.sessions.find((s) => s.id === sessionId);
  if (!session) throw new CommandError('unknown-session', `sessionId: no session "${sessionId}"`, 'sessionId');
  return session;
}

/** A session's scheduled start: its first playable item loaded (if it is not) and started. */
export function autoStart(state: RostrumState, cmd: CommandOf<'auto.start'>, now: Instant): RostrumState {
  const session = requireSession(state, cmd.sessionId);
  const key = startKey(session.id);
  if (state.timing.fired.includes(key) || state.clock.status === 'running') return state;
  const first = session.items.find((i) => !i.skipped);
  if (!first) return state;
  const loaded = state.clock.currentItemId === first.id ? state : loadItem(state, first.id, now);
  const started = start(loaded, now);
  return fired({ ...started, report: updateRecord(started.report, first.id, (r) => ({ ...r, startedAutomatically: true })) }, key);
}

/**
 * Time up (plus grace) on an auto-advance item: the next playable item loads and runs on. Across a
 * session boundary it is loaded and waits: its session starts by itself at its planned time if it
 * has `autoStart`, or when the moderator starts it.
 */
export function autoAdvance(state: RostrumState, cmd: CommandOf<'auto.advance'>, now: Instant): RostrumState {
  checkExpected(state, cmd.itemId);
  const key = advanceKey(cmd.itemId);
  const from = findItem(state.agenda, cmd.itemId);
  const target = nextPlayable(state.agenda, cmd.itemId);
  if (state.timing.fired.includes(key) || state.clock.status !== 'running' || !from || !target) return state;
  const runsOn = target.session.id === from.session.id;
  // Stopped where it stands (no pause recorded: the item is left at this instant).
  const stopped: RostrumState = runsOn
    ? state
    : { ...state, clock: { ...state.clock, status: 'paused', runningSince: null, accumulatedMs: elapsedMs(state.clock, now) } };
  const moved = loadItem(stopped, target.item.id, now);
  let report = updateRecord(moved.report, cmd.itemId, (r) => ({ ...r, endedAutomatically: true }));
  if (runsOn) report = updateRecord(report, target.item.id, (r) => ({ ...r, startedAutomatically: r.startedAutomatically ?? true }));
  return fired({ ...moved, report }, key);
}

/**
 * A session's own fields (today its end-by). "none" removes the end-by; a new one must come after
 * the session's planned start, as on import.
 */
export function updateSession(state: RostrumState, cmd: CommandOf<'session.update'>): RostrumState {
  const session = requireSession(state, cmd.sessionId);
  const { endAt } = cmd.patch;
  if (endAt === undefined || endAt === (session.endAt ?? REMOVE_DURATION)) return state;
  if (endAt !== REMOVE_DURATION && endAt <= session.plannedStart) {
    throw new CommandError('invalid', `patch.endAt: ${endAt} must be after the session's planned start (${session.plannedStart})`, 'patch.endAt');
  }
  const { endAt: _old, ...rest } = session;
  const updated = endAt === REMOVE_DURATION ? rest : { ...rest, endAt };
  return { ...state, agenda: { ...state.agenda, sessions: state.agenda.sessions.map((s) => (s.id === session.id ? updated : s)) } };
}

/** The moderator holds (cancels) a session's automatic start, or lets it start by itself again. */
export function holdSession(state: RostrumState, cmd: CommandOf<'session.hold'>): RostrumState {
  requireSession(state, cmd.sessionId);
  const isHeld = state.timing.held.includes(cmd.sessionId);
  if (isHeld === cmd.held) return state;
  const held = cmd.held ? [...state.timing.held, cmd.sessionId] : state.timing.held.filter((id) => id !== cmd.sessionId);
  return { ...state, timing: { ...state.timing, held } };
}

/**
 * An end-by item's time is its time of day: adding or taking time is refused; move its end instead.
 * In an end-by session the last item is such an item (its session's end); an earlier item may be
 * given time while it still fits: refused once the last item would start after the session's end.
 */
export function refuseAdjustOnEndBy(state: RostrumState, seconds: number, now: Instant): void {
  const located = findItem(state.agenda, state.clock.currentItemId);
  if (!located) return;
  const { item, session } = located;
  const endAt = endByOf(session, item);
  if (endAt !== undefined) {
    const whose = item.endAt === undefined ? ` (the end of "${session.title}")` : '';
    throw new CommandError(
      'end-by-item',
      `seconds: "${item.title}" ends by ${endAt}${whose}; its time cannot be changed by adding or taking away. Move its end instead (${item.endAt === undefined ? 'session endAt' : 'item.update with patch.endAt'})`,
      'seconds',
    );
  }
  if (session.endAt === undefined || seconds <= 0) return;
  const last = session.items.findLast((i) => !i.skipped);
  if (!last) return;
  const after = { ...state.clock, addedMs: durationMs(state.clock.addedMs + seconds * 1000) };
  const lastStart = projectSchedule({ agenda: state.agenda, clock: after, report: state.report }, now).items.find((i) => i.itemId === last.id)?.projectedStart;
  const sessionEnd = endsAtOf(state.agenda, state.report, last);
  if (lastStart == null || sessionEnd === null || lastStart <= sessionEnd) return;
  throw new CommandError(
    'end-by-item',
    `seconds: "${session.title}" ends by ${session.endAt}; ${seconds} s more for "${item.title}" would push "${last.title}" past it. Add less, or move the session's end`,
    'seconds',
  );
}
