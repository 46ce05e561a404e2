import type { z } from 'zod';
import { agendaSchema, type Agenda } from '../agenda/agenda-schema';
import { commandSchemas, type Command, type CommandType } from './commands';
import { apiError, type ApiError } from './errors';

export type Validated<T> = { ok: true; value: T } | { ok: false; error: ApiError; issues: ApiError[] };

/** Turns zod issues into our errors, naming the offending field as a dotted path. */
export function issuesToErrors(issues: readonly z.core.$ZodIssue[], prefix = ''): ApiError[] {
  return issues.map((issue) => {
    const parts = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') parts.push(issue.keys[0] ?? '');
    const path = [prefix, ...parts].filter((p) => p !== '').join('.');
    const message =
      issue.code === 'unrecognized_keys'
        ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`
        : issue.message;
    return apiError('invalid', path ? `${path}: ${message}` : message, path);
  });
}

function fromSafeParse<T>(result: z.ZodSafeParseResult<T>, prefix = ''): Validated<T> {
  if (result.success) return { ok: true, value: result.data };
  const issues = issuesToErrors(result.error.issues, prefix);
  return { ok: false, error: issues[0] ?? apiError('invalid', 'invalid input'), issues };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function validateCommand(input: unknown): Validated<Command> {
  if (!isRecord(input)) {
    const e = apiError('invalid', 'a command must be a JSON object with a "type"', '');
    return { ok: false, error: e, issues: [e] };
  }
  const type = input['type'];
  if (typeof type !== 'string' || !Object.hasOwn(commandSchemas, type)) {
    const e = apiError(
      'unknown-command',
      typeof type === 'string' ? `type: unknown command "${type.slice(0, 40)}"` : 'type: must be a command name',
      'type',
    );
    return { ok: false, error: e, issues: [e] };
  }
  const schema: z.ZodType<Command> = commandSchemas[type as CommandType];
  return fromSafeParse(schema.safeParse(input));
}

export function validateAgenda(input: unknown): Validated<Agenda> {
  return fromSafeParse(agendaSchema.safeParse(input));
}
