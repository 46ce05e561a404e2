/**
 * Triggered actions (issue 20, docs/automation.md): "when TRIGGER [where FIELD = VALUE] then ACTION".
 * Types and constants only, so the console can import them; the zod schemas that check a rule live
 * in automation-schemas.ts (the views' CSP refuses the eval probe zod makes when a schema is built).
 */
import type { Attendance, ItemKind } from '../agenda/agenda-constants';
import { MAIN_ROOM } from './rooms';

export const AUTOMATIONS_PATH = '/api/v1/automations';
export const AUTOMATIONS_TEST_PATH = '/api/v1/automations/test';

/** The triggers, as the rules name them (fixed by the contract). */
export const TRIGGERS = [
  'item.loaded',
  'item.started',
  'item.paused',
  'item.resumed',
  'item.warning',
  'item.danger',
  'item.timeUp',
  'item.overtime',
  'item.finished',
  'session.started',
  'session.ended',
  'booth.request',
  'display.offline',
] as const;
export type Trigger = (typeof TRIGGERS)[number];

/** Triggers reached by the running clock (a crossing instant), not by a command. */
export const TIMED_TRIGGERS = ['item.warning', 'item.danger', 'item.timeUp', 'item.overtime'] as const satisfies readonly Trigger[];
export type TimedTrigger = (typeof TIMED_TRIGGERS)[number];
export const isTimedTrigger = (t: Trigger): t is TimedTrigger => (TIMED_TRIGGERS as readonly Trigger[]).includes(t);

/** Item fields a rule may filter on; every given field must match. */
export interface RuleWhere {
  kind?: ItemKind;
  language?: string;
  attendance?: Attendance;
}

/** An OSC argument: a string (templates allowed), a number (whole: int32, else float32), or typed explicitly. */
export type OscArg = string | number | { type: 'int' | 'float' | 'string'; value: string | number };

export interface OscAction {
  type: 'osc';
  host: string;
  port: number;
  address: string;
  args?: OscArg[];
}

export interface HttpAction {
  type: 'http';
  method: 'GET' | 'POST';
  /** http:// or https://; templates only after the host (path, query), filled URL-encoded. */
  url: string;
  /** POST only; templates allowed. Sent as application/json when it parses as JSON, else text/plain. */
  body?: string;
}

export interface MessageAction {
  type: 'message';
  /** Shown on the speaker monitors (templates allowed). */
  text: string;
}

export interface LowerThirdAction {
  type: 'lowerThird';
  /** true: `lowerThird.show` (in, naming the current item, for the hold time); false: `lowerThird.hide`. */
  show: boolean;
}

/**
 * What a rule does. One entry per type: adding a type is one interface here, one schema in
 * automation-schemas.ts and one runner in electron/automation/run-action.ts; the compiler asks for
 * the last two once the first exists.
 */
export type RuleAction = OscAction | HttpAction | MessageAction | LowerThirdAction;
export type ActionType = RuleAction['type'];

export interface AutomationRule {
  id: string;
  enabled: boolean;
  /**
   * The room whose clock the rule follows and where a Rostrum command acts (docs/rooms.md); absent:
   * `main`. A room that does not exist is refused at save; a saved rule whose room was removed since
   * is kept and never fires.
   */
  room?: string;
  when: Trigger;
  /** `item.overtime` only: seconds over time at which it fires (0 = at time up). */
  overtimeSec?: number;
  where?: RuleWhere;
  then: RuleAction;
}

/** The room a rule follows: its `room`, or `main`. */
export const ruleRoom = (rule: Pick<AutomationRule, 'room'>): string => rule.room ?? MAIN_ROOM;

/** What is kept in settings.json as `automations`. */
export interface AutomationSettings {
  rules: AutomationRule[];
  /**
   * Hosts (IP addresses or names, as written in the rules) that rules may reach beyond this
   * machine; only while LAN mode is on. Loopback targets need neither.
   */
  allow: string[];
}

export const DEFAULT_AUTOMATION_SETTINGS: AutomationSettings = { rules: [], allow: [] };

/** `PUT /api/v1/automations`: the whole set of rules (and, optionally, the allow list). */
export interface AutomationsBody {
  rules: AutomationRule[];
  allow?: string[];
}

/** How a rule last went, since this start of the server (errors) or ever (last firing). */
export interface RuleStatus {
  /** Epoch ms of the last firing, or null. */
  lastFiredAt: number | null;
  /** The last failure ("timed out after 5 s", "refused: …") and when, or null after a success. */
  lastError: string | null;
  lastErrorAt: number | null;
}

/** `GET` and `PUT /api/v1/automations`. */
export interface AutomationsAnswer {
  rules: AutomationRule[];
  allow: string[];
  /** LAN mode is on: targets on the allow list may be reached. */
  lan: boolean;
  /** By rule id. */
  status: Record<string, RuleStatus>;
}

/** `POST /api/v1/automations/test`: fire this rule now (ignoring `enabled`, `where` and its trigger). */
export interface AutomationTestBody {
  rule: AutomationRule;
}

export type AutomationTestAnswer = { ok: true; firedAt: number } | { ok: false; error: string };

/** Per action, then given up on (an unreachable or hanging target). */
export const ACTION_TIMEOUT_MS = 5000;
/** Actions waiting per target beyond the one in flight; more are dropped and the rule shows the error. */
export const QUEUE_PER_TARGET = 16;
export const MAX_RULES = 100;
