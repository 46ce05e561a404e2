import type { AutomationRule, AutomationsAnswer, AutomationsBody, AutomationSettings, AutomationTestAnswer } from '../../shared/contract/automation';
import { apiError, type ApiError } from '../../shared/contract/errors';
import type { ConnectedDisplay } from '../../shared/contract/presence';
import { MAIN_ROOM } from '../../shared/contract/rooms';
import type { SettingsStore } from '../persistence/state-store';
import type { RostrumCore } from '../server/core';
import type { ActionQueue } from './action-queue';
import type { AutomationEngine } from './automation-engine';
import { FiredRecord } from './fired-record';
import { roomRefusal, type EngineRooms } from './rule-rooms';
import { targetRefusal } from './target-policy';

export interface AutomationsOptions {
  core: RostrumCore;
  /** The event's rooms: a rule follows its own (`room`, absent = `main`). Without: `main` only. */
  rooms?: EngineRooms;
  settings: SettingsStore;
  dataDir: string;
  /** LAN mode now. */
  lan: () => boolean;
  log: (line: string) => void;
  queue?: ActionQueue;
}

export interface Automations {
  answer(): AutomationsAnswer;
  /** Checks the targets, keeps the rules in settings.json, then puts them in force (in force when it resolves). */
  replace(body: AutomationsBody): Promise<{ ok: true; answer: AutomationsAnswer } | { ok: false; error: ApiError }>;
  test(rule: AutomationRule): Promise<AutomationTestAnswer>;
  /** A display of `room` (absent: `main`) went away. */
  displayOffline(display: ConnectedDisplay, room?: string): void;
  /** Once the server listens and LAN mode is as saved: time-driven rules crossed while it was down may fire late. */
  start(): Promise<void>;
  /** Start-up notices (e.g. the record of firings could not be read). */
  notices: string[];
  close(): void;
}

const SETTING = 'automations' as const;
const targetField = (rule: AutomationRule): string => (rule.then.type === 'http' ? 'url' : 'host');

/**
 * The rules as a console setting (`GET`/`PUT /api/v1/automations`) and the engine that runs them.
 * The engine (and its HTTP and OSC senders) is loaded only once there is a rule or a test: at start
 * when settings.json has rules, else on the first `PUT` with rules (before it is answered) or test.
 * Without it, nothing fires and every rule's status is empty, as the engine would say with no rules.
 */
export function createAutomations(o: AutomationsOptions): Automations {
  let current: AutomationSettings = o.settings.get(SETTING);
  const record = new FiredRecord(o.dataDir, (error) => o.log(`Automation: could not sync automations-fired.json: ${error.message}`));
  record.keepOnly(new Set(current.rules.map((r) => r.id)));
  let engine: AutomationEngine | null = null;
  let loading: Promise<AutomationEngine> | null = null;
  /** 'waiting' until the server is up, then 'started' (and 'closed' at the end). */
  let phase: 'waiting' | 'started' | 'closed' = 'waiting';
  const loadEngine = (): Promise<AutomationEngine> =>
    (loading ??= import('./automation-engine').then(({ startAutomationEngine }) => {
      const made = startAutomationEngine({
        core: o.core,
        ...(o.rooms ? { rooms: o.rooms } : {}),
        rules: () => current.rules,
        lan: o.lan,
        allow: () => current.allow,
        record,
        log: o.log,
        ...(o.queue ? { queue: o.queue } : {}),
      });
      // Made once the server is up (a PUT's rules or a test): it follows the core from now on. Its first
      // look at the clock has no rule yet: a PUT sets its rules after the load, then rulesChanged, so
      // that, as before, none fires for the past.
      if (phase === 'started') made.start();
      else if (phase === 'closed') made.close();
      engine = made;
      return made;
    }));
  const answer = (): AutomationsAnswer => ({ rules: current.rules, allow: current.allow, lan: o.lan(), status: engine?.status() ?? {} });

  return {
    answer,
    replace: async (body) => {
      const allow = body.allow ?? current.allow;
      const noRoom = roomRefusal(body.rules, current.rules, (id) => (o.rooms ? o.rooms.core(id) !== undefined : id === MAIN_ROOM));
      if (noRoom !== null) return { ok: false, error: noRoom };
      for (const [i, rule] of body.rules.entries()) {
        const refusal = targetRefusal(rule.then, o.lan(), allow);
        if (refusal !== null) {
          const path = `rules.${i}.then.${targetField(rule)}`;
          return { ok: false, error: apiError('invalid', `${path}: rule "${rule.id}": ${refusal}`, path) };
        }
      }
      const next: AutomationSettings = { rules: body.rules, allow };
      // Listening before the rules are saved, so that they are in force from the answer on.
      if (next.rules.length > 0) await loadEngine();
      try {
        o.settings.set(SETTING, next);
      } catch (error) {
        return { ok: false, error: apiError('persist-failed', `the rules could not be saved: ${(error as Error).message}`) };
      }
      current = next;
      record.keepOnly(new Set(current.rules.map((r) => r.id)));
      engine?.rulesChanged();
      return { ok: true, answer: answer() };
    },
    test: async (rule) => {
      const outcome = await (await loadEngine()).test(rule);
      return outcome.ok ? { ok: true, firedAt: Date.now() } : { ok: false, error: outcome.error };
    },
    displayOffline: (display, room) => engine?.displayOffline(display, room),
    start: async () => {
      if (current.rules.length > 0) await loadEngine();
      phase = 'started';
      engine?.start();
    },
    notices: record.problem === null ? [] : [`WARNING: ${record.problem}`],
    close: () => {
      phase = 'closed';
      if (engine) engine.close();
      else record.flush();
    },
  };
}
