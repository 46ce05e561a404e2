import { z } from 'zod';
import { ATTENDANCE, ITEM_KINDS, LIMITS } from '../agenda/agenda-constants';
import { idSchema, languageSchema } from '../agenda/agenda-schema';
import { unknownPlaceholders } from '../automation/templates';
import { ROOM_ID_PATTERN } from './rooms';
import { MAX_RULES, TRIGGERS, type AutomationRule, type AutomationSettings, type AutomationsBody, type AutomationTestBody, type RuleAction } from './automation';

/**
 * The checks of a rule (types in automation.ts; server side only). A refusal names the rule's index
 * and the field: `rules.2.then.port: must be a port from 1 to 65535`. Placeholders are checked
 * against the documented list (shared/automation/templates.ts) here, so a typo is refused at save.
 */

const templated = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .superRefine((text, ctx) => {
      const unknown = unknownPlaceholders(text);
      if (unknown.length > 0) {
        ctx.addIssue({ code: 'custom', message: `unknown placeholder${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `{{${u}}}`).join(', ')} (see docs/automation.md for the list)` });
      }
    });

/** A host name or an IP address, written without a scheme or port (IPv6 without brackets). */
export const hostSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(253, 'must be at most 253 characters')
  .refine((h) => /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/.test(h) || /^[0-9a-fA-F:]+$/.test(h), 'must be a host name or an IP address, such as 127.0.0.1 (no scheme, no port)');

const port = z.number().int('must be a whole number').min(1, 'must be a port from 1 to 65535').max(65535, 'must be a port from 1 to 65535');

const oscArg = z.union(
  [
    templated(500),
    z.number().refine(Number.isFinite, 'must be a finite number'),
    z.strictObject({ type: z.enum(['int', 'float', 'string']), value: z.union([templated(500), z.number().refine(Number.isFinite, 'must be a finite number')]) }),
  ],
  { error: 'must be a string, a number, or {"type": "int"|"float"|"string", "value": …}' },
);

/** http(s), and no placeholder before the path: the host a rule reaches is checked when it is saved. */
const urlSchema = templated(2000).superRefine((url, ctx) => {
  const m = /^(https?):\/\/([^/?#{}\s]+)([/?#][^\s]*)?$/i.exec(url);
  if (!m) {
    ctx.addIssue({ code: 'custom', message: 'must be an http:// or https:// URL with a fixed host (placeholders only in the path or query)' });
    return;
  }
  try {
    new URL(url.replace(/\{\{[^{}]*\}\}/g, 'x'));
  } catch {
    ctx.addIssue({ code: 'custom', message: 'is not a valid URL' });
  }
});

/** One schema per action type: a new type is one more entry (and its runner). */
export const ACTION_SCHEMAS = {
  osc: z.strictObject({
    type: z.literal('osc'),
    host: hostSchema,
    port,
    address: templated(300).refine((a) => a.startsWith('/'), 'must start with / (an OSC address, such as /rec/start)'),
    args: z.array(oscArg).max(16, 'at most 16 arguments').optional(),
  }),
  http: z
    .strictObject({
      type: z.literal('http'),
      method: z.enum(['GET', 'POST'], { error: 'must be GET or POST' }),
      url: urlSchema,
      body: templated(10_000).optional(),
    })
    .refine((a) => a.method === 'POST' || a.body === undefined || a.body === '', { message: 'a GET request has no body (use POST)', path: ['body'] }),
  message: z.strictObject({ type: z.literal('message'), text: templated(LIMITS.messageLength).min(1, 'must not be empty') }),
  lowerThird: z.strictObject({ type: z.literal('lowerThird'), show: z.boolean({ error: 'must be true (show) or false (hide)' }) }),
} satisfies { [K in RuleAction['type']]: z.ZodType<Extract<RuleAction, { type: K }>> };

const actionSchema = z.discriminatedUnion('type', [ACTION_SCHEMAS.osc, ACTION_SCHEMAS.http, ACTION_SCHEMAS.message, ACTION_SCHEMAS.lowerThird], {
  error: `type: must be one of ${Object.keys(ACTION_SCHEMAS).join(', ')}`,
});

export const ruleSchema = z
  .strictObject({
    id: idSchema,
    enabled: z.boolean(),
    room: z.string().regex(ROOM_ID_PATTERN, 'must be a room id (lower-case letters, digits and dashes), such as breakout-a').optional(),
    when: z.enum(TRIGGERS, { error: `must be one of ${TRIGGERS.join(', ')}` }),
    overtimeSec: z.number().int('must be whole seconds').min(0, 'must be 0 or more').max(LIMITS.maxDurationSec, 'must be at most 24 hours').optional(),
    where: z.strictObject({ kind: z.enum(ITEM_KINDS).optional(), language: languageSchema.optional(), attendance: z.enum(ATTENDANCE).optional() }).optional(),
    then: actionSchema,
  })
  .superRefine((rule, ctx) => {
    if (rule.when === 'item.overtime' && rule.overtimeSec === undefined) ctx.addIssue({ code: 'custom', path: ['overtimeSec'], message: 'item.overtime needs overtimeSec (seconds over time)' });
    if (rule.when !== 'item.overtime' && rule.overtimeSec !== undefined) ctx.addIssue({ code: 'custom', path: ['overtimeSec'], message: 'only item.overtime takes overtimeSec' });
  }) satisfies z.ZodType<AutomationRule>;

const rulesSchema = z
  .array(ruleSchema)
  .max(MAX_RULES, `at most ${MAX_RULES} rules`)
  .superRefine((rules, ctx) => {
    const seen = new Map<string, number>();
    rules.forEach((rule, i) => {
      const first = seen.get(rule.id);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicates the id of rule ${first}` });
      else seen.set(rule.id, i);
    });
  });

const allowSchema = z.array(hostSchema).max(32, 'at most 32 hosts');

export const automationsBodySchema = z.strictObject({ rules: rulesSchema, allow: allowSchema.optional() }) satisfies z.ZodType<AutomationsBody>;
export const automationSettingsSchema = z.strictObject({ rules: rulesSchema, allow: allowSchema }) satisfies z.ZodType<AutomationSettings>;
export const automationTestBodySchema = z.strictObject({ rule: ruleSchema }) satisfies z.ZodType<AutomationTestBody>;
