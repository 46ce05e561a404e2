import { z } from 'zod';
import { TOKEN_PARAM } from './http';
import { DEVICE_ID_PATTERN, MAX_DISPLAY_NAME, MAX_REDIRECT_PARAMS, REDIRECT_PAGES, REDIRECT_PARAM_NAME, type DisplayCommand } from './displays';
import { userTextCheck } from '../text/user-text';

/** The display commands' schemas (#19; the plain types and constants are in displays.ts). Server side only. */

export const deviceIdSchema = z.string().regex(DEVICE_ID_PATTERN, 'must be 8 to 64 letters, digits, _ or -');

export const displayNameSchema = z
  .string()
  .trim()
  .max(MAX_DISPLAY_NAME, `must be at most ${MAX_DISPLAY_NAME} characters`)
  .superRefine(userTextCheck);

const displayId = z.string().min(1, 'must not be empty').max(40, 'must be at most 40 characters');

/**
 * A redirect's query parameters: names of letters, digits, `_` and `-`, values of up to 200
 * characters, never the key (`token`): a display always keeps its own.
 */
export const redirectParamsSchema = z
  .record(z.string(), z.string().max(200, 'must be at most 200 characters').superRefine(userTextCheck))
  .superRefine((params, ctx) => {
    const names = Object.keys(params);
    if (names.length > MAX_REDIRECT_PARAMS) ctx.addIssue({ code: 'custom', message: `must have at most ${MAX_REDIRECT_PARAMS} parameters` });
    for (const name of names) {
      if (name === TOKEN_PARAM) ctx.addIssue({ code: 'custom', path: [name], message: 'a redirect cannot carry a key: the display keeps its own' });
      else if (!REDIRECT_PARAM_NAME.test(name)) ctx.addIssue({ code: 'custom', path: [name], message: 'a parameter name is a letter then up to 31 letters, digits, _ or -' });
    }
  });

export const displayCommandSchemas = {
  /** A name for the device, remembered by the server (a rebooted screen keeps it); empty forgets it. */
  'display.rename': z.strictObject({ type: z.literal('display.rename'), displayId, name: displayNameSchema }),
  /** Sends the display to another page or other parameters of its page, without anyone touching it. */
  'display.redirect': z.strictObject({
    type: z.literal('display.redirect'),
    displayId,
    view: z.enum(REDIRECT_PAGES, { error: `must be one of ${REDIRECT_PAGES.join(', ')}` }),
    params: redirectParamsSchema.default({}),
  }),
  /** Flashes the display's name on it, and on no other, for a few seconds. */
  'display.identify': z.strictObject({ type: z.literal('display.identify'), displayId }),
  /** The display loads its page again. */
  'display.reload': z.strictObject({ type: z.literal('display.reload'), displayId }),
} as const;

// The plain type in displays.ts must be what these schemas give, both ways.
type Parsed = { [T in keyof typeof displayCommandSchemas]: z.output<(typeof displayCommandSchemas)[T]> }[keyof typeof displayCommandSchemas];
export const schemasMatchTypes: [Parsed extends DisplayCommand ? true : false, DisplayCommand extends Parsed ? true : false] = [true, true];

