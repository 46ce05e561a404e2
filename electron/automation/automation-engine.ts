import { createSocket, type Socket } from 'node:dgram';
import { findItem } from '../../shared/agenda/agenda-queries';
import { crossingAt, currentRun, stillMeaningful, thresholdMs } from '../../shared/automation/crossings';
import { matchesWhere, templateValues } from '../../shared/automation/rule-context';
import type { TemplateValues } from '../../shared/automation/templates';
import { transitionsOf, type Transition } from '../../shared/automation/transitions';
import { isTimedTrigger, ruleRoom, type AutomationRule, type RuleStatus, type TimedTrigger } from '../../shared/contract/automation';
import type { ConnectedDisplay } from '../../shared/contract/presence';
import { MAIN_ROOM } from '../../shared/contract/rooms';
import type { RostrumState } from '../../shared/contract/state';
import type { Instant } from '../../shared/time/instant';
import { RateLimitedLog } from '../osc/rate-limited-log';
import type { RostrumCore } from '../server/core';
import { ActionQueue, type Outcome } from './action-queue';
import type { FiredRecord } from './fired-record';
import type { EngineRooms } from './rule-rooms';
import { laneOf, runAction } from './run-action';
import { targetRefusal } from './target-policy';

export interface AutomationEngineOptions {
  /** `main`'s core. */
  core: RostrumCore;
  /** Every room (docs/rooms.md): each rule follows its own room's core. Without: `main` only. */
  rooms?: EngineRooms;
  rules: () => readonly AutomationRule[];
  lan: () => boolean;
  allow: () => readonly string[];
  record: FiredRecord;
  log: (line: string) => void;
  queue?: ActionQueue;
}

interface Firing {
  rule: AutomationRule;
  key: string;
  values: TemplateValues;
  /** The rule's room's core: a Rostrum command acts there. */
  core: RostrumCore;
}

/** One room followed: its patches and clock, its displays. */
interface Follower {
  rulesChanged(): void;
  displayOffline(display: ConnectedDisplay): void;
  stop(): void;
}

export interface AutomationEngine {
  /** Starts following the core, with a first look at the clock (late firings): once the server is up and LAN mode known. */
  start(): void;
  /** The rules were replaced: their time-driven triggers are looked at again (none fires for the past). */
  rulesChanged(): void;
  /** A display of `room` (absent: `main`) went away. */
  displayOffline(display: ConnectedDisplay, room?: string): void;
  /** Fires `rule` now with the current item (its trigger, `enabled` and `where` aside); resolves when it ran. */
  test(rule: AutomationRule): Promise<Outcome>;
  status(): Record<string, RuleStatus>;
  close(): void;
}

/**
 * Runs the rules (docs/automation.md). Triggers come from one place each: transitions from the
 * core's patch stream (shared/automation/transitions.ts, comparing the state before and after),
 * time-driven ones from the anchored clock (shared/automation/crossings.ts: one timer armed at the
 * next crossing, re-armed on every patch, nothing per frame), display.offline from presence.
 *
 * The core's listeners are synchronous and on the command's path, so this one only decides and
 * collects; the record of what fired is written and the actions are queued after the command
 * (setImmediate), and they run in the ActionQueue, one lane per target, each with a timeout.
 *
 * Once per transition, at most: a firing is recorded (fired-record.ts) before it is sent, and a
 * recorded one is never sent again. Transition triggers are only derived from live patches, so a
 * restart never replays them and one that happened while the server was down never fires. A
 * time-driven trigger crossed while the server was down fires once, late, at start, only if its
 * phase is still on (warning still showing, still in danger, still over time); else never.
 *
 * Rooms: each rule follows its own room's core (`room`, absent = `main`): one follower per room, with
 * its own previous state and timer, made as a room is added and dropped as it is removed. A rule
 * naming a room that is not there (removed since it was saved) never fires.
 */
export function startAutomationEngine(o: AutomationEngineOptions): AutomationEngine {
  const queue = o.queue ?? new ActionQueue();
  const problems = new RateLimitedLog(o.log, Date.now, 10_000, 'Automation');
  const errors = new Map<string, { lastError: string; lastErrorAt: number }>();
  const sockets = new Map<boolean, Socket>();
  const followers = new Map<string, Follower>();
  const unsubscribeRooms: (() => void)[] = [];
  let pending: Firing[] = [];
  let flushing = false;
  let closed = false;

  const coreOf = (room: string): RostrumCore | undefined => (o.rooms ? o.rooms.core(room) : room === MAIN_ROOM ? o.core : undefined);
  const rulesOf = (room: string): AutomationRule[] => o.rules().filter((rule) => ruleRoom(rule) === room);
  const udp = (ipv6: boolean): Socket => {
    let socket = sockets.get(ipv6);
    if (!socket) {
      socket = createSocket({ type: ipv6 ? 'udp6' : 'udp4' });
      socket.on('error', (error) => problems.log('OSC socket', error.message));
      socket.unref();
      sockets.set(ipv6, socket);
    }
    return socket;
  };

  const settle = (rule: AutomationRule, outcome: Outcome) => {
    if (outcome.ok) return void errors.delete(rule.id);
    errors.set(rule.id, { lastError: outcome.error, lastErrorAt: Date.now() });
    problems.log(`rule ${rule.id}`, outcome.error);
  };

  const send = (rule: AutomationRule, values: TemplateValues, core: RostrumCore): Promise<Outcome> => {
    const refusal = targetRefusal(rule.then, o.lan(), o.allow());
    if (refusal !== null) return Promise.resolve({ ok: false, error: `refused: ${refusal}` });
    return queue.enqueue(laneOf(rule.then), (signal) => runAction(rule.then, { values, core, udp, signal }));
  };

  const flush = () => {
    flushing = false;
    const batch = pending;
    pending = [];
    if (closed || batch.length === 0) return;
    // Recorded before anything is sent: killed in between, a firing is lost rather than repeated.
    try {
      o.record.add(batch.map((f) => ({ ruleId: f.rule.id, key: f.key })), o.core.clock.now());
    } catch (error) {
      problems.log('record', `could not write automations-fired.json: ${(error as Error).message}`);
    }
    for (const f of batch) void send(f.rule, f.values, f.core).then((outcome) => settle(f.rule, outcome));
  };

  const fire = (firing: Firing) => {
    pending.push(firing);
    if (!flushing) {
      flushing = true;
      setImmediate(flush);
    }
  };

  /** One room's triggers: its patches, its clock's crossings, its displays. */
  const follow = (room: string, core: RostrumCore, atStart: boolean): Follower => {
    /** Rule × item run seen before its threshold: crossing it now is a transition. */
    const above = new Set<string>();
    let prev: RostrumState = core.state;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const now = (): Instant => core.clock.now();
    // `main` keeps today's keys in automations-fired.json; another room's are its own (a rule moved
    // between rooms with the same agenda does not take the other room's firings for its own).
    const keyOf = (key: string): string => (room === MAIN_ROOM ? key : `${room}/${key}`);

    const onTransition = (t: Transition, before: RostrumState, after: RostrumState) => {
      const state = t.from === 'prev' ? before : after;
      const item = findItem(state.agenda, t.itemId)?.item;
      const key = keyOf(t.key);
      for (const rule of rulesOf(room)) {
        if (!rule.enabled || rule.when !== t.when || !matchesWhere(rule.where, item) || o.record.has(rule.id, key)) continue;
        fire({ rule, key, core, values: templateValues(state, t.itemId, t.when, now(), t.extra) });
      }
    };

    /** Time-driven triggers as of now; arms the timer for the next crossing. `first`: the first look after a start. */
    const lookAtClock = (state: RostrumState, first: boolean) => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      const t = now();
      const run = currentRun(state, t);
      if (run === null || run.remaining === null || closed) return;
      const item = findItem(state.agenda, run.itemId)?.item;
      let nextAt: number | null = null;
      for (const rule of rulesOf(room)) {
        if (!rule.enabled || !isTimedTrigger(rule.when) || !matchesWhere(rule.where, item)) continue;
        const when: TimedTrigger = rule.when;
        const threshold = thresholdMs({ when, ...(rule.overtimeSec !== undefined ? { overtimeSec: rule.overtimeSec } : {}) }, item);
        if (threshold === null) continue;
        const seen = `${rule.id}|${run.runKey}|${threshold}`;
        const key = keyOf(`${run.runKey}<${threshold}`);
        if (run.remaining > threshold) {
          above.add(seen);
          const at = crossingAt(run, threshold, t);
          if (at !== null && (nextAt === null || at < nextAt)) nextAt = at;
          continue;
        }
        if (o.record.has(rule.id, key)) continue;
        const crossedNow = above.delete(seen);
        if (crossedNow || (first && stillMeaningful(when, run.remaining, state))) {
          fire({ rule, key, core, values: templateValues(state, run.itemId, when, t) });
        }
      }
      if (nextAt !== null) {
        timer = setTimeout(() => lookAtClock(core.state, false), Math.max(1, nextAt - t));
        timer.unref();
      }
    };

    // Subscribed once the server is up, so this listener comes after the broadcast to clients.
    const unsubscribe = core.onPatch((_patch, next) => {
      const before = prev;
      prev = next;
      for (const t of transitionsOf(before, next)) onTransition(t, before, next);
      lookAtClock(next, false);
    });
    lookAtClock(prev, atStart);
    return {
      rulesChanged: () => lookAtClock(core.state, false),
      displayOffline: (display) => {
        const state = core.state;
        const itemId = state.clock.status === 'ended' ? null : state.clock.currentItemId;
        onTransition(
          { when: 'display.offline', itemId, from: 'next', key: `${display.id}@${display.connectedAt}`, extra: { 'display.name': display.name, 'display.view': display.view } },
          state,
          state,
        );
      },
      stop: () => {
        unsubscribe();
        if (timer !== null) clearTimeout(timer);
        timer = null;
      },
    };
  };

  const unfollow = (room: string) => {
    followers.get(room)?.stop();
    followers.delete(room);
  };

  return {
    start: () => {
      if (!o.rooms) return void followers.set(MAIN_ROOM, follow(MAIN_ROOM, o.core, true));
      o.rooms.forEach((room) => followers.set(room.info.id, follow(room.info.id, room.core, true)));
      // A room added later is followed at once (no restart); a removed room's rules fall silent.
      unsubscribeRooms.push(
        o.rooms.onAdded((room) => {
          unfollow(room.info.id);
          if (!closed) followers.set(room.info.id, follow(room.info.id, room.core, false));
        }),
        o.rooms.onRemoved((room) => unfollow(room.info.id)),
      );
    },
    rulesChanged: () => followers.forEach((f) => f.rulesChanged()),
    displayOffline: (display, room = MAIN_ROOM) => followers.get(room)?.displayOffline(display),
    test: async (rule) => {
      const room = ruleRoom(rule);
      const core = coreOf(room);
      if (!core) return { ok: false, error: `room: no room "${room}"` };
      const state = core.state;
      const itemId = state.clock.status === 'ended' ? null : state.clock.currentItemId;
      const outcome = await send(rule, templateValues(state, itemId, rule.when, core.clock.now()), core);
      settle(rule, outcome);
      return outcome;
    },
    status: () => {
      const out: Record<string, RuleStatus> = {};
      for (const rule of o.rules()) {
        const e = errors.get(rule.id);
        out[rule.id] = { lastFiredAt: o.record.lastAt(rule.id), lastError: e?.lastError ?? null, lastErrorAt: e?.lastErrorAt ?? null };
      }
      return out;
    },
    close: () => {
      closed = true;
      for (const off of unsubscribeRooms.splice(0)) off();
      for (const room of [...followers.keys()]) unfollow(room);
      queue.close();
      for (const socket of sockets.values()) socket.close();
      o.record.flush();
    },
  };
}
