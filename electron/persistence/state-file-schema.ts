import { z } from 'zod';
import { LIMITS } from '../../shared/agenda/agenda-constants';
import { agendaSchema, idSchema, type Agenda } from '../../shared/agenda/agenda-schema';
import { CLOCK_STATUSES } from '../../shared/clock/clock-state';
import { BOOTH_REQUEST_KINDS, MAX_TURN_SEC, SPEAKER_PRESETS } from '../../shared/contract/presets';
import { DEFAULT_DISPLAY, LOWER_THIRD_HOLD_SEC, type RostrumState } from '../../shared/contract/state';
import { AUX_DIRECTIONS, AUX_VIEWS, EMPTY_TIMING, initialAux } from '../../shared/timing/timing-state';

/**
 * What a saved state must look like to be trusted. A file that parses as JSON but fails this
 * (hand-edited, truncated mid-object by a bad disk) is treated like a corrupt one: moved aside, not used.
 *
 * Every number is bounded (issue 14 §4): `runningSince: 1e300` once passed as "finite" and then
 * overflowed every integer computed from it. Instants lie between 2000 and 2100; lengths of time
 * within 400 days either way (an item left running over a long weekend is still far inside); counts
 * and revisions are whole numbers. References are checked too: the current item must be an item of
 * the agenda. The report and a recovery keep records of items removed since (an undo re-inserts
 * them), so their keys are only checked to be item ids.
 */
export const EPOCH_RANGE = { min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) } as const;
export const MAX_SPAN_MS = 400 * 24 * 3600 * 1000;

const epoch = z
  .number()
  .finite()
  .min(EPOCH_RANGE.min, 'must be a time after 2000-01-01')
  .max(EPOCH_RANGE.max, 'must be a time before 2100-01-01');
const span = z.number().finite().min(-MAX_SPAN_MS, 'must be within 400 days').max(MAX_SPAN_MS, 'must be within 400 days');
const count = (min: number, max: number) => z.number().int().min(min).max(max);

const pauseSchema = z
  .object({ from: epoch, to: epoch.nullable() })
  .refine((p) => p.to === null || p.to >= p.from, { path: ['to'], message: 'must not be before from' });
const recordSchema = z.object({
  actualStart: epoch.nullable(),
  actualEnd: epoch.nullable(),
  elapsedMs: span,
  addedMs: span,
  pauses: z.array(pauseSchema),
});
const boothRequestSchema = z.object({
  id: z.string().min(1).max(LIMITS.idLength),
  booth: z.string(),
  kind: z.enum(BOOTH_REQUEST_KINDS),
  text: z.string(),
  firstAt: epoch,
  lastAt: epoch,
  count: count(1, 1e9),
  acknowledgedAt: epoch.nullable(),
});

const clockSchema = z
  .object({
    status: z.enum(CLOCK_STATUSES),
    currentItemId: idSchema.nullable(),
    runningSince: epoch.nullable(),
    accumulatedMs: span,
    addedMs: span,
  })
  .refine((c) => (c.status === 'running') === (c.runningSince !== null), {
    path: ['runningSince'],
    message: 'must be set exactly while the clock is running',
  });

const auxTimerSchema = z.object({
  durationMs: count(0, MAX_SPAN_MS),
  direction: z.enum(AUX_DIRECTIONS),
  status: z.enum(['idle', 'running', 'paused']),
  runningSince: epoch.nullable(),
  accumulatedMs: span,
  label: z.string().max(LIMITS.titleLength),
  views: z.array(z.enum(AUX_VIEWS)),
});

const savedStateSchema = z
  .object({
    revision: count(0, Number.MAX_SAFE_INTEGER),
    agenda: agendaSchema,
    clock: clockSchema,
    messages: z.object({
      speaker: z.object({ text: z.string(), flash: z.boolean(), preset: z.enum(SPEAKER_PRESETS).nullable().optional(), sentAt: epoch, keepAcrossItems: z.boolean().optional() }).nullable(),
      booth: z.object({ text: z.string(), sentAt: epoch }).nullable(),
    }),
    report: z.record(idSchema, recordSchema),
    // Parts added later: absent in older files (filled in below), checked when present.
    display: z
      .object({
        speakerBlank: z.boolean(),
        lowerThird: z
          .object({
            holdSec: count(0, LOWER_THIRD_HOLD_SEC.max),
            cue: z.object({ itemId: idSchema.nullable(), shownAt: epoch }).nullable(),
          })
          .optional(),
        audienceShowsLate: z.boolean().optional(),
      })
      .optional(),
    booth: z
      .object({
        requests: z.array(boothRequestSchema),
        turns: z.record(z.string(), z.object({ turnSec: count(1, MAX_TURN_SEC), startedAt: epoch.nullable() })),
        mayEditNotes: z.boolean(),
      })
      .optional(),
    recovery: z
      .object({
        appliedAt: epoch,
        previous: z.record(idSchema, count(1, LIMITS.maxDurationSec)),
        applied: z.record(idSchema, count(1, LIMITS.maxDurationSec)).optional(),
      })
      .nullable()
      .optional(),
    timing: z.object({ held: z.array(idSchema).max(LIMITS.maxSessions), fired: z.array(z.string().max(LIMITS.idLength + 16)).max(100_000) }).optional(),
    aux: z.record(z.enum(['1', '2']), auxTimerSchema).optional(),
    changedAt: epoch.optional(),
  })
  .superRefine((state, ctx) => {
    const id = state.clock.currentItemId;
    if (id !== null && !hasItem(state.agenda, id)) {
      ctx.addIssue({ code: 'custom', path: ['clock', 'currentItemId'], message: `names no item of the agenda ("${id.slice(0, LIMITS.idLength)}")` });
    }
  });

const hasItem = (agenda: Agenda, id: string) => agenda.sessions.some((s) => s.items.some((i) => i.id === id));

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
    display: { ...DEFAULT_DISPLAY, ...saved.display },
    booth: saved.booth ?? { requests: [], turns: {}, mayEditNotes: false },
    recovery: saved.recovery ?? null,
    timing: saved.timing ?? EMPTY_TIMING,
    aux: { ...initialAux(), ...saved.aux },
  };
}
