import { z } from 'zod';
import { agendaSchema } from '../../shared/agenda/agenda-schema';
import { CLOCK_STATUSES } from '../../shared/clock/clock-state';
import { BOOTH_REQUEST_KINDS, SPEAKER_PRESETS } from '../../shared/contract/presets';
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
const boothRequestSchema = z.object({
  id: z.string(),
  booth: z.string(),
  kind: z.enum(BOOTH_REQUEST_KINDS),
  text: z.string(),
  firstAt: epoch,
  lastAt: epoch,
  count: z.number().int().min(1),
  acknowledgedAt: epoch.nullable(),
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
    speaker: z.object({ text: z.string(), flash: z.boolean(), preset: z.enum(SPEAKER_PRESETS).nullable().optional(), sentAt: epoch, keepAcrossItems: z.boolean().optional() }).nullable(),
    booth: z.object({ text: z.string(), sentAt: epoch }).nullable(),
  }),
  report: z.record(z.string(), recordSchema),
  // Parts added later: absent in older files (filled in below), checked when present.
  display: z.object({ speakerBlank: z.boolean() }).optional(),
  booth: z
    .object({
      requests: z.array(boothRequestSchema),
      turns: z.record(z.string(), z.object({ turnSec: z.number().int().min(1), startedAt: epoch.nullable() })),
      mayEditNotes: z.boolean(),
    })
    .optional(),
  recovery: z
    .object({ appliedAt: epoch, previous: z.record(z.string(), z.number().int().min(1)), applied: z.record(z.string(), z.number().int().min(1)).optional() })
    .nullable()
    .optional(),
});

/** Throws an Error naming the first problem when `value` is not a usable saved state. */
export function parseSavedState(value: unknown): RostrumState {
  const result = savedStateSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`state.json is not a Rostrum state (${issue?.path.join('.') || 'root'}: ${issue?.message ?? 'invalid'})`);
  }
  // The checked value itself, not zod's copy (fields added by later versions must survive),
  // with the parts that earlier versions did not have filled in.
  const saved = value as RostrumState;
  return {
    ...saved,
    messages: { ...saved.messages, speaker: saved.messages.speaker ? { ...saved.messages.speaker, preset: saved.messages.speaker.preset ?? null, keepAcrossItems: saved.messages.speaker.keepAcrossItems ?? false } : null },
    display: saved.display ?? { speakerBlank: false },
    booth: saved.booth ?? { requests: [], turns: {}, mayEditNotes: false },
    recovery: saved.recovery ?? null,
  };
}
