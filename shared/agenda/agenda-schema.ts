import { z } from 'zod';
import { ATTENDANCE, ITEM_KINDS, LIMITS } from './agenda-constants';
import { isValidLanguageTag } from './language';
import { isValidTimeZone } from '../time/zoned-time';
import { REMOVE_DURATION, USE_DEFAULT } from './patch-removals';
import { toLineFeeds, userTextCheck } from '../text/user-text';

/**
 * The agenda JSON is public API: these field names are fixed (issue #2).
 * Objects are strict, so a misspelt field is named in the error instead of silently dropped.
 */

export const idSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(LIMITS.idLength, `must be at most ${LIMITS.idLength} characters`)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, 'may only contain letters, digits and _ . : -');

export const hhmmSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day as HH:MM (24-hour)');

export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number);
    const dt = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1));
    return dt.getUTCFullYear() === y && dt.getUTCMonth() + 1 === m && dt.getUTCDate() === d;
  }, 'is not a calendar date');

export const timeZoneSchema = z.string().refine(isValidTimeZone, 'is not an IANA time zone (e.g. Asia/Shanghai)');
export const languageSchema = z.string().refine(isValidLanguageTag, 'is not a BCP-47 language tag (e.g. en, zh-CN)');

/** Every text a person writes: bounded, and held to the user-text rule (no control characters, no open direction override). */
const text = (max: number) => z.string().overwrite(toLineFeeds).max(max, `must be at most ${max} characters`).superRefine(userTextCheck);

export const speakerSchema = z.strictObject({
  name: text(LIMITS.nameLength).default(''),
  localName: text(LIMITS.nameLength).default(''),
  honorific: text(40).default(''),
  role: text(LIMITS.titleLength).default(''),
  organisation: text(LIMITS.titleLength).default(''),
});

const thresholdSec = z.number().int('must be whole seconds').min(0).max(3600);

/** Grace after time up before the next item loads and starts (docs/schedule.md "Automatic transitions"). */
export const MAX_GRACE_SEC = 120;
/**
 * `{ "graceSec": n }`: at time up, after n seconds, load the next item and start it.
 * `"roll"`: follow the plan: the next item starts at the current one's projected end.
 */
export const autoAdvanceSchema = z.union(
  [
    z.strictObject({
      graceSec: z
        .number()
        .int('must be whole seconds')
        .min(0, 'must be at least 0 seconds')
        .max(MAX_GRACE_SEC, `must be at most ${MAX_GRACE_SEC} seconds`),
    }),
    z.literal('roll'),
  ],
  { error: `must be { "graceSec": 0–${MAX_GRACE_SEC} } or "roll"` },
);
export type AutoAdvance = z.output<typeof autoAdvanceSchema>;

export const itemSchema = z.strictObject({
  id: idSchema,
  title: text(LIMITS.titleLength).min(1, 'must not be empty'),
  kind: z.enum(ITEM_KINDS),
  speaker: speakerSchema.default({ name: '', localName: '', honorific: '', role: '', organisation: '' }),
  durationSec: z
    .number()
    .int('must be whole seconds')
    .min(1, 'must be at least 1 second')
    .max(LIMITS.maxDurationSec, 'must be at most 24 hours')
    .optional(),
  language: languageSchema,
  attendance: z.enum(ATTENDANCE).default('onsite'),
  notes: text(LIMITS.notesLength).default(''),
  boothNotes: text(LIMITS.notesLength).default(''),
  scriptReceived: z.boolean().default(false),
  fixed: z.boolean().default(false),
  skipped: z.boolean().default(false),
  warningSec: thresholdSec.optional(),
  dangerSec: thresholdSec.optional(),
  /** End by this time of day (HH:MM in the event's primary zone): the item counts down to it. */
  endAt: hhmmSchema.optional(),
  /** Overrides the session's autoAdvance for this item. */
  autoAdvance: autoAdvanceSchema.optional(),
});

export const sessionSchema = z.strictObject({
  id: idSchema,
  title: text(LIMITS.titleLength).min(1, 'must not be empty'),
  moderator: text(LIMITS.nameLength).default(''),
  moderatorLanguage: languageSchema,
  plannedStart: hhmmSchema,
  plannedEnd: hhmmSchema,
  items: z.array(itemSchema).max(LIMITS.maxItemsPerSession),
  /** The session starts itself at plannedStart (unless the moderator holds it or starts earlier). */
  autoStart: z.boolean().optional(),
  /** Auto-advance for every item of the session that does not set its own. */
  autoAdvance: autoAdvanceSchema.optional(),
  /**
   * End by this time of day (HH:MM in the event's primary zone): the session's last item (not
   * skipped) counts down to it and absorbs what the items before it leave (shared/timing/end-by.ts).
   */
  endAt: hhmmSchema.optional(),
});

export const glossaryEntrySchema = z.strictObject({
  term: text(LIMITS.nameLength).min(1, 'must not be empty'),
  expansions: z.record(languageSchema, text(LIMITS.titleLength)),
});

export const agendaBaseSchema = z.strictObject({
  title: text(LIMITS.titleLength).min(1, 'must not be empty'),
  date: isoDateSchema,
  venue: text(LIMITS.titleLength).default(''),
  timezone: timeZoneSchema,
  extraTimezones: z.array(timeZoneSchema).max(8).default([]),
  languages: z.array(languageSchema).min(1, 'must list at least one language').max(16),
  sessions: z.array(sessionSchema).max(LIMITS.maxSessions),
  glossary: z.array(glossaryEntrySchema).max(LIMITS.maxGlossary).default([]),
  /**
   * Once the event has started, a session may start as soon as the previous one ends (true, or
   * absent: a conference pulls sessions forward) or waits for its planned start (false).
   */
  sessionsPullForward: z.boolean().optional(),
});

/** Cross-field rules: ids unique across sessions and items, sessions that end after they start. */
export const agendaSchema = agendaBaseSchema.superRefine((agenda, ctx) => {
  const seen = new Map<string, string>();
  agenda.sessions.forEach((session, si) => {
    const prior = seen.get(session.id);
    if (prior) ctx.addIssue({ code: 'custom', path: ['sessions', si, 'id'], message: `duplicates the id of ${prior}` });
    else seen.set(session.id, `session ${si + 1}`);
    if (session.plannedEnd < session.plannedStart) {
      ctx.addIssue({ code: 'custom', path: ['sessions', si, 'plannedEnd'], message: 'must not be before plannedStart' });
    }
    if (session.endAt !== undefined && session.endAt <= session.plannedStart) {
      ctx.addIssue({ code: 'custom', path: ['sessions', si, 'endAt'], message: 'must be after plannedStart' });
    }
    session.items.forEach((item, ii) => {
      const p = seen.get(item.id);
      if (p) ctx.addIssue({ code: 'custom', path: ['sessions', si, 'items', ii, 'id'], message: `duplicates the id of ${p}` });
      else seen.set(item.id, `item "${item.title}"`);
    });
  });
});

export type Agenda = z.output<typeof agendaSchema>;
export type AgendaInput = z.input<typeof agendaSchema>;
export type Session = z.output<typeof sessionSchema>;
export type Item = z.output<typeof itemSchema>;
export type ItemInput = z.input<typeof itemSchema>;
export type Speaker = z.output<typeof speakerSchema>;
export type GlossaryEntry = z.output<typeof glossaryEntrySchema>;

/**
 * Fields of an item that `item.update` may change: everything but its id. Built without defaults,
 * so a patch only ever touches the fields it names. `null` removes an optional value.
 */
export const itemPatchSchema = z.strictObject({
  title: itemSchema.shape.title.optional(),
  kind: z.enum(ITEM_KINDS).optional(),
  speaker: z
    .strictObject({
      name: text(LIMITS.nameLength),
      localName: text(LIMITS.nameLength),
      honorific: text(40),
      role: text(LIMITS.titleLength),
      organisation: text(LIMITS.titleLength),
    })
    .partial()
    .optional(),
  durationSec: z
    .union([itemSchema.shape.durationSec.unwrap(), z.literal(REMOVE_DURATION)], {
      error: `must be a duration in whole seconds, or "${REMOVE_DURATION}" for an item that counts up`,
    })
    .optional(),
  language: languageSchema.optional(),
  attendance: z.enum(ATTENDANCE).optional(),
  notes: text(LIMITS.notesLength).optional(),
  boothNotes: text(LIMITS.notesLength).optional(),
  scriptReceived: z.boolean().optional(),
  fixed: z.boolean().optional(),
  skipped: z.boolean().optional(),
  warningSec: z.union([thresholdSec, z.literal(USE_DEFAULT)], { error: `must be whole seconds (0–3600), or "${USE_DEFAULT}"` }).optional(),
  dangerSec: z.union([thresholdSec, z.literal(USE_DEFAULT)], { error: `must be whole seconds (0–3600), or "${USE_DEFAULT}"` }).optional(),
  /** Moves (or with "none" removes) the item's end-by time. */
  endAt: z.union([hhmmSchema, z.literal(REMOVE_DURATION)], { error: `must be a time of day as HH:MM, or "${REMOVE_DURATION}"` }).optional(),
  autoAdvance: z.union([autoAdvanceSchema, z.literal(REMOVE_DURATION)], { error: `must be { "graceSec": 0–${MAX_GRACE_SEC} }, "roll", or "${REMOVE_DURATION}"` }).optional(),
});

export type ItemPatch = z.output<typeof itemPatchSchema>;

/** Fields of a session that `session.update` may change (the console's session editor). */
export const sessionPatchSchema = z.strictObject({
  /** Moves (or with "none" removes) the session's end-by time. */
  endAt: z.union([hhmmSchema, z.literal(REMOVE_DURATION)], { error: `must be a time of day as HH:MM, or "${REMOVE_DURATION}"` }).optional(),
});
export type SessionPatch = z.output<typeof sessionPatchSchema>;
