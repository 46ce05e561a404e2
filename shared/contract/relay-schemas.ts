import { z } from 'zod';
import { RELAY_KEY_PATTERN, RELAY_KEY_RULE, REMOTE_ROLES, relayUrlProblem, type RelayBody, type RelayRotateBody } from './relay';

/** The relay routes' bodies (types in relay.ts); server side only (zod probes for eval in the views). */
export const relayBodySchema = z.strictObject({
  url: z
    .string()
    .max(2000, 'must be at most 2,000 characters')
    .superRefine((url, ctx) => {
      const problem = relayUrlProblem(url);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
  // The rule only: zod's message never carries the value, so a mistyped key is not echoed back.
  key: z.string().regex(RELAY_KEY_PATTERN, RELAY_KEY_RULE).optional(),
  enabled: z.boolean().optional(),
  cohost: z.boolean().optional(),
}) satisfies z.ZodType<RelayBody>;

export const relayRotateBodySchema = z.strictObject({ role: z.enum(REMOTE_ROLES) }) satisfies z.ZodType<RelayRotateBody>;
