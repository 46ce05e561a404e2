import { ATTENDANCE, ITEM_KINDS } from '../../../../shared/agenda/agenda-constants';
import { ruleRoom, type AutomationRule, type OscArg, type Trigger } from '../../../../shared/contract/automation';
import { MAIN_ROOM } from '../../../../shared/contract/rooms';

/** A rule as the form edits it: every field a string, whatever the action type. */
export interface RuleForm {
  id: string;
  enabled: boolean;
  /** The room the rule follows (`main`: no `room` field, as before rooms). */
  room: string;
  when: Trigger;
  overtimeSec: string;
  kind: string;
  language: string;
  attendance: string;
  type: AutomationRule['then']['type'];
  host: string;
  port: string;
  address: string;
  args: string;
  method: 'GET' | 'POST';
  url: string;
  body: string;
  text: string;
  /** The lower third: 'show' or 'hide'. */
  lowerThird: 'show' | 'hide';
}

export const KIND_CHOICES = ITEM_KINDS;
export const ATTENDANCE_CHOICES = ATTENDANCE;

/** A new rule, named after the rules `taken`, following `room` (the console's own room). */
export const blankForm = (taken: readonly string[], room: string = MAIN_ROOM): RuleForm => {
  let n = taken.length + 1;
  while (taken.includes(`rule-${n}`)) n += 1;
  return {
    id: `rule-${n}`,
    enabled: true,
    room,
    when: 'item.started',
    overtimeSec: '60',
    kind: '',
    language: '',
    attendance: '',
    type: 'http',
    host: '127.0.0.1',
    port: '9000',
    address: '/rostrum/started',
    args: '["{{item.speaker}}"]',
    method: 'POST',
    url: 'http://127.0.0.1:8000/',
    body: '',
    text: '',
    lowerThird: 'show',
  };
};

export function formOf(rule: AutomationRule): RuleForm {
  const base = blankForm([]);
  const then = rule.then;
  return {
    ...base,
    id: rule.id,
    enabled: rule.enabled,
    room: ruleRoom(rule),
    when: rule.when,
    overtimeSec: String(rule.overtimeSec ?? base.overtimeSec),
    kind: rule.where?.kind ?? '',
    language: rule.where?.language ?? '',
    attendance: rule.where?.attendance ?? '',
    type: then.type,
    ...(then.type === 'osc' ? { host: then.host, port: String(then.port), address: then.address, args: JSON.stringify(then.args ?? []) } : {}),
    ...(then.type === 'http' ? { method: then.method, url: then.url, body: then.body ?? '' } : {}),
    ...(then.type === 'message' ? { text: then.text } : {}),
    ...(then.type === 'lowerThird' ? { lowerThird: then.show ? 'show' : 'hide' } : {}),
  };
}

/**
 * The form as a rule. Only the arguments' JSON can be wrong here (null); everything else is sent
 * as typed, and the server names what is wrong, by rule index and field.
 */
export function ruleOf(f: RuleForm): AutomationRule | null {
  let then: AutomationRule['then'];
  if (f.type === 'osc') {
    let args: unknown;
    try {
      args = JSON.parse(f.args.trim() === '' ? '[]' : f.args);
    } catch {
      return null;
    }
    if (!Array.isArray(args)) return null;
    then = { type: 'osc', host: f.host.trim(), port: Number(f.port), address: f.address.trim(), args: args as OscArg[] };
  } else if (f.type === 'http') {
    then = { type: 'http', method: f.method, url: f.url.trim(), ...(f.method === 'POST' && f.body !== '' ? { body: f.body } : {}) };
  } else if (f.type === 'lowerThird') {
    then = { type: 'lowerThird', show: f.lowerThird === 'show' };
  } else {
    then = { type: 'message', text: f.text };
  }
  const where = {
    ...(f.kind !== '' ? { kind: f.kind as (typeof ITEM_KINDS)[number] } : {}),
    ...(f.language.trim() !== '' ? { language: f.language.trim() } : {}),
    ...(f.attendance !== '' ? { attendance: f.attendance as (typeof ATTENDANCE)[number] } : {}),
  };
  return {
    id: f.id.trim(),
    enabled: f.enabled,
    ...(f.room !== MAIN_ROOM ? { room: f.room } : {}),
    when: f.when,
    ...(f.when === 'item.overtime' ? { overtimeSec: Number(f.overtimeSec) } : {}),
    ...(Object.keys(where).length > 0 ? { where } : {}),
    then,
  };
}

/** Rules from an imported file: `{ "rules": [...] }` (an export) or a bare list. */
export function rulesFromJson(text: string): { rules: AutomationRule[]; allow?: string[] } {
  const value: unknown = JSON.parse(text);
  if (Array.isArray(value)) return { rules: value as AutomationRule[] };
  if (typeof value === 'object' && value !== null && Array.isArray((value as { rules?: unknown }).rules)) {
    const { rules, allow } = value as { rules: AutomationRule[]; allow?: unknown };
    return Array.isArray(allow) ? { rules, allow: allow as string[] } : { rules };
  }
  throw new Error('expected {"rules": [ … ]} or a list of rules');
}
