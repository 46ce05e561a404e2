import { z } from 'zod';
import { LIMITS } from '../agenda/agenda-constants';
import { agendaBaseSchema, agendaSchema, idSchema, itemPatchSchema, itemSchema, sessionPatchSchema } from '../agenda/agenda-schema';
import { displayCommandSchemas } from './display-schemas';
import { BOOTH_REQUEST_KINDS, MAX_TURN_SEC, SPEAKER_PRESETS } from './presets';
import { LOWER_THIRD_HOLD_SEC } from './state';
import type { Role } from './roles';
import { toLineFeeds, userTextCheck } from '../text/user-text';
import { AUX_DIRECTIONS, AUX_VIEWS } from '../timing/timing-state';

/**
 * Every command the engine accepts, over socket.io (`command`) and HTTP (`POST /api/v1/commands`).
 * `expectedItemId`, where present, must match the current item or the command is refused (409):
 * views always send it, so a double press can never skip two speakers.
 */

const expected = { expectedItemId: idSchema.optional() };
const boothName = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(40, 'must be at most 40 characters')
  .superRefine(userTextCheck);
const turnSec = z
  .number()
  .int('must be whole seconds')
  .min(1, 'must be at least 1 second')
  .max(MAX_TURN_SEC, 'must be at most 2 hours');
const messageText = z
  .string()
  .overwrite(toLineFeeds)
  .trim()
  .min(1, 'must not be empty')
  .max(LIMITS.messageLength, `must be at most ${LIMITS.messageLength} characters`)
  .superRefine(userTextCheck);

const auxTimerId = z.union([z.literal(1), z.literal(2)], { error: 'must be 1 or 2' });

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
    preset: z.enum(SPEAKER_PRESETS).optional(),
    /** Off: the message belongs to the current item and clears when the clock moves to another. */
    keepAcrossItems: z.boolean().default(false),
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
  'display.blank': z.strictObject({ type: z.literal('display.blank'), blank: z.boolean() }),
  'booth.request': z
    .strictObject({
      type: z.literal('booth.request'),
      booth: boothName,
      kind: z.enum(BOOTH_REQUEST_KINDS),
      text: z.string().overwrite(toLineFeeds).trim().max(LIMITS.messageLength, `must be at most ${LIMITS.messageLength} characters`).superRefine(userTextCheck).default(''),
    })
    .refine((c) => c.kind !== 'text' || c.text.length > 0, { path: ['text'], message: 'must not be empty for a free-text request' }),
  'booth.ack': z.strictObject({ type: z.literal('booth.ack'), requestId: idSchema }),
  'booth.turn.start': z.strictObject({ type: z.literal('booth.turn.start'), booth: boothName, turnSec: turnSec.optional() }),
  'booth.turn.reset': z.strictObject({ type: z.literal('booth.turn.reset'), booth: boothName }),
  'booth.turn.length': z.strictObject({ type: z.literal('booth.turn.length'), booth: boothName, turnSec }),
  /** A booth display renamed: its running turn carries over to the new name (the old name keeps its own). */
  'booth.turn.rename': z.strictObject({ type: z.literal('booth.turn.rename'), from: boothName, to: boothName }),
  'booth.notes': z
    .strictObject({
      type: z.literal('booth.notes'),
      itemId: idSchema,
      boothNotes: z.string().overwrite(toLineFeeds).max(LIMITS.notesLength, `must be at most ${LIMITS.notesLength} characters`).superRefine(userTextCheck).optional(),
      scriptReceived: z.boolean().optional(),
    })
    .refine((c) => c.boothNotes !== undefined || c.scriptReceived !== undefined, {
      path: ['boothNotes'],
      message: 'give boothNotes or scriptReceived',
    }),
  'glossary.replace': z.strictObject({ type: z.literal('glossary.replace'), glossary: agendaBaseSchema.shape.glossary }),
  'settings.update': z
    .strictObject({
      type: z.literal('settings.update'),
      boothMayEditNotes: z.boolean().optional(),
      /** The event's setting (agenda.sessionsPullForward): sessions may start as soon as the previous one ends. */
      sessionsPullForward: z.boolean().optional(),
      /** Seconds the stream's lower third stays on after a cue; 0: until hidden (#19). */
      lowerThirdHoldSec: z
        .number()
        .int('must be whole seconds')
        .min(0, 'must be at least 0 (0: until hidden)')
        .max(LOWER_THIRD_HOLD_SEC.max, `must be at most ${LOWER_THIRD_HOLD_SEC.max} seconds`)
        .optional(),
      /** The audience screens may show a "running late" line (#19); off by default. */
      audienceShowsLate: z.boolean().optional(),
    })
    .refine((c) => Object.keys(c).some((k) => k !== 'type'), {
      path: ['boothMayEditNotes'],
      message: 'give boothMayEditNotes, sessionsPullForward, lowerThirdHoldSec or audienceShowsLate',
    }),
  /** The stream's lower third names the current speaker now; it goes out after the hold time (#19). */
  'lowerThird.show': z.strictObject({ type: z.literal('lowerThird.show') }),
  'lowerThird.hide': z.strictObject({ type: z.literal('lowerThird.hide') }),
  'recovery.apply': z.strictObject({ type: z.literal('recovery.apply'), ...expected }),
  'recovery.undo': z.strictObject({ type: z.literal('recovery.undo') }),
  // Presence, not state (#19): handled beside the engine, see shared/contract/displays.ts.
  ...displayCommandSchemas,
  /** Hold (cancel) a session's automatic start, or let it start by itself again. */
  'session.hold': z.strictObject({ type: z.literal('session.hold'), sessionId: idSchema, held: z.boolean().default(true) }),
  /** A session's own fields; today its end-by time (docs/schedule.md "End by for a session"). */
  'session.update': z.strictObject({ type: z.literal('session.update'), sessionId: idSchema, patch: sessionPatchSchema }),
  /** Sent only by the server's scheduler (principal `automatic`): docs/schedule.md "Automatic transitions". */
  'auto.start': z.strictObject({ type: z.literal('auto.start'), sessionId: idSchema }),
  'auto.advance': z.strictObject({ type: z.literal('auto.advance'), itemId: idSchema }),
  /** The two extra timers (docs/schedule.md "Extra timers"). */
  'aux.set': z.strictObject({
    type: z.literal('aux.set'),
    timerId: auxTimerId,
    durationSec: z
      .number()
      .int('must be whole seconds')
      .min(0, 'must be at least 0 seconds')
      .max(LIMITS.maxDurationSec, 'must be at most 24 hours'),
    direction: z.enum(AUX_DIRECTIONS).default('down'),
    label: z.string().trim().max(80, 'must be at most 80 characters').superRefine(userTextCheck).optional(),
    /** Which views show it besides the console; absent keeps the current choice. */
    views: z.array(z.enum(AUX_VIEWS)).max(AUX_VIEWS.length).optional(),
  }),
  'aux.start': z.strictObject({ type: z.literal('aux.start'), timerId: auxTimerId }),
  'aux.pause': z.strictObject({ type: z.literal('aux.pause'), timerId: auxTimerId }),
  'aux.reset': z.strictObject({ type: z.literal('aux.reset'), timerId: auxTimerId }),
} as const;

export type CommandType = keyof typeof commandSchemas;
export const COMMAND_TYPES = Object.keys(commandSchemas) as CommandType[];

export type CommandOf<T extends CommandType> = z.output<(typeof commandSchemas)[T]>;
export type Command = { [T in CommandType]: CommandOf<T> }[CommandType];
/** What a client may send: defaults (e.g. `flash`) may be left out. */
export type CommandInput = { [T in CommandType]: z.input<(typeof commandSchemas)[T]> }[CommandType];

/** Which roles may send each command. Checked on the server, never only in the UI. */
const CONTROL_ONLY: readonly Role[] = ['control'];
const BOOTH_AND_CONTROL: readonly Role[] = ['control', 'booth'];
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
  'display.blank': CONTROL_ONLY,
  'booth.request': BOOTH_AND_CONTROL,
  'booth.ack': CONTROL_ONLY,
  'booth.turn.start': BOOTH_AND_CONTROL,
  'booth.turn.reset': BOOTH_AND_CONTROL,
  'booth.turn.length': BOOTH_AND_CONTROL,
  'booth.turn.rename': BOOTH_AND_CONTROL,
  // The booth may edit these only while the moderator allows it (see mayRun).
  'booth.notes': BOOTH_AND_CONTROL,
  'glossary.replace': BOOTH_AND_CONTROL,
  'settings.update': CONTROL_ONLY,
  'lowerThird.show': CONTROL_ONLY,
  'lowerThird.hide': CONTROL_ONLY,
  'recovery.apply': CONTROL_ONLY,
  'recovery.undo': CONTROL_ONLY,
  'display.rename': CONTROL_ONLY,
  'display.redirect': CONTROL_ONLY,
  'display.identify': CONTROL_ONLY,
  'display.reload': CONTROL_ONLY,
  'session.hold': CONTROL_ONLY,
  'session.update': CONTROL_ONLY,
  // No client role: only the server's scheduler runs these (RostrumCore.runAutomatic).
  'auto.start': [],
  'auto.advance': [],
  'aux.set': CONTROL_ONLY,
  'aux.start': CONTROL_ONLY,
  'aux.pause': CONTROL_ONLY,
  'aux.reset': CONTROL_ONLY,
};

/** Commands a booth may send only while `booth.mayEditNotes` is on. */
export const BOOTH_EDIT_COMMANDS: readonly CommandType[] = ['booth.notes', 'glossary.replace'];

export type CommandAck = { ok: true; revision: number } | { ok: false; error: import('./errors').ApiError };
