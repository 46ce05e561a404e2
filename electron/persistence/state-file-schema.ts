import { z } from 'zod';
import { agendaSchema } from '../../shared/agenda/agenda-schema';
import { CLOCK_STATUSES } from '../../shared/clock/clock-state';
import type { RostrumState } from '../../shared/contract/state';

/**
 * What a saved state must look like to be trusted. A file that parses as JSON but fails this
 * (hand-edited, truncated mid-object by a bad disk) is treated like a corrupt one: moved aside, not used.
 */
const epoch = z.number().finite();
const pauseSchema = z.object({ from: epoch, to: epoch.nullable() });
const recordSchema = z.object({
  actualStart: epoch.nullable(),
  actualEnd: epoch.nullable(),
  elapsedMs: z.number().finite(),
  addedMs: z.number().finite(),
  pauses: z.array(pauseSchema),
});

const savedStateSchema = z.object({
  revision: z.number().int().min(0),
  agenda: agendaSchema,
  clock: z.object({
    status: z.enum(CLOCK_STATUSES),
    currentItemId: z.string().nullable(),
    runningSince: epoch.nullable(),
    accumulatedMs: z.number().finite(),
    addedMs: z.number().finite(),
  }),
  messages: z.object({
    speaker: z.object({ text: z.string(), flash: z.boolean(), sentAt: epoch }).nullable(),
    booth: z.object({ text: z.string(), sentAt: epoch }).nullable(),
  }),
  report: z.record(z.string(), recordSchema),
});

/** Throws an Error naming the first problem when `value` is not a usable saved state. */
export function parseSavedState(value: unknown): RostrumState {
  const result = savedStateSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`state.json is not a Rostrum state (${issue?.path.join('.') || 'root'}: ${issue?.message ?? 'invalid'})`);
  }
  // The checked value itself, not zod's copy: fields added by later versions must survive.
  return value as RostrumState;
}
