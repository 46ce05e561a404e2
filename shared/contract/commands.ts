import { z } from 'zod';
import { LIMITS } from '../agenda/agenda-constants';
import { agendaSchema, idSchema, itemPatchSchema, itemSchema } from '../agenda/agenda-schema';
import type { Role } from './roles';

/**
 * Every command the engine accepts, over socket.io (`command`) and HTTP (`POST /api/v1/commands`).
 * `expectedItemId`, where present, must match the current item or the command is refused (409):
 * views always send it, so a double press can never skip two speakers.
 */

const expected = { expectedItemId: idSchema.optional() };
const messageText = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(LIMITS.messageLength, `must be at most ${LIMITS.messageLength} characters`);

export const commandSchemas = {
  start: z.strictObject({ type: z.literal('start'), ...expected }),
  resume: z.strictObject({ type: z.literal('resume'), ...expected }),
  pause: z.strictObject({ type: z.literal('pause'), ...expected }),
  next: z.strictObject({ type: z.literal('next'), ...expected }),
  previous: z.strictObject({ type: z.literal('previous'), ...expected }),
  goto: z.strictObject({ type: z.literal('goto'), itemId: idSchema, ...expected }),
  adjust: z.strictObject({
    type: z.literal('adjust'),
    seconds: z
      .number()
      .int('must be whole seconds')
      .min(-LIMITS.maxAdjustSec, 'must be at least -4 hours')
      .max(LIMITS.maxAdjustSec, 'must be at most 4 hours')
      .refine((s) => s !== 0, 'must not be zero'),
    ...expected,
  }),
  reset: z.strictObject({ type: z.literal('reset'), ...expected }),
  skip: z.strictObject({ type: z.literal('skip'), itemId: idSchema, skipped: z.boolean() }),
  'message.speaker': z.strictObject({
    type: z.literal('message.speaker'),
    text: messageText,
    flash: z.boolean().default(false),
  }),
  'message.booth': z.strictObject({ type: z.literal('message.booth'), text: messageText }),
  'message.clear': z.strictObject({ type: z.literal('message.clear'), target: z.enum(['speaker', 'booth']) }),
  'agenda.replace': z.strictObject({ type: z.literal('agenda.replace'), agenda: agendaSchema }),
  'item.update': z.strictObject({ type: z.literal('item.update'), itemId: idSchema, patch: itemPatchSchema }),
  'item.insert': z.strictObject({
    type: z.literal('item.insert'),
    sessionId: idSchema,
    beforeItemId: idSchema.optional(),
    item: itemSchema,
  }),
  'item.remove': z.strictObject({ type: z.literal('item.remove'), itemId: idSchema }),
  'item.move': z.strictObject({
    type: z.literal('item.move'),
    itemId: idSchema,
    sessionId: idSchema,
    beforeItemId: idSchema.optional(),
  }),
} as const;

export type CommandType = keyof typeof commandSchemas;
export const COMMAND_TYPES = Object.keys(commandSchemas) as CommandType[];

export type CommandOf<T extends CommandType> = z.output<(typeof commandSchemas)[T]>;
export type Command = { [T in CommandType]: CommandOf<T> }[CommandType];
/** What a client may send: defaults (e.g. `flash`) may be left out. */
export type CommandInput = { [T in CommandType]: z.input<(typeof commandSchemas)[T]> }[CommandType];

/** Which roles may send each command. Checked on the server, never only in the UI. */
const CONTROL_ONLY: readonly Role[] = ['control'];
export const COMMAND_ROLES: Record<CommandType, readonly Role[]> = {
  start: CONTROL_ONLY,
  resume: CONTROL_ONLY,
  pause: CONTROL_ONLY,
  next: CONTROL_ONLY,
  previous: CONTROL_ONLY,
  goto: CONTROL_ONLY,
  adjust: CONTROL_ONLY,
  reset: CONTROL_ONLY,
  skip: CONTROL_ONLY,
  'message.speaker': CONTROL_ONLY,
  'message.booth': CONTROL_ONLY,
  'message.clear': CONTROL_ONLY,
  'agenda.replace': CONTROL_ONLY,
  'item.update': CONTROL_ONLY,
  'item.insert': CONTROL_ONLY,
  'item.remove': CONTROL_ONLY,
  'item.move': CONTROL_ONLY,
};

export type CommandAck = { ok: true; revision: number } | { ok: false; error: import('./errors').ApiError };
