import { z } from 'zod';
import { PAGE_VIEWS } from './http';
import type { Role } from './roles';
import { userTextCheck } from '../text/user-text';

/**
 * Who is watching: each view introduces itself after connecting (`display:hello`), and the console
 * lists the connected displays. Presence is not state: it is not persisted and has no revision.
 */
export const displayHelloSchema = z.strictObject({
  view: z.enum(PAGE_VIEWS),
  /** A human name for the display, e.g. "Booth A", "Lectern tablet". */
  name: z.string().trim().max(40, 'must be at most 40 characters').superRefine(userTextCheck).default(''),
  /** The UI language the display shows now. */
  language: z.enum(['en', 'zh']),
  /** Booths: `both` (follows the floor) or `into:<lang>`. */
  direction: z
    .string()
    .regex(/^(both|into:[a-z]{2,3})$/, 'must be "both" or "into:<language>"')
    .optional(),
  /** Speaker monitors opened with `?bare=1`: the timer only, never a message. */
  bare: z.boolean().optional(),
});
export type DisplayHello = z.input<typeof displayHelloSchema>;

export interface ConnectedDisplay {
  /** Opaque, stable for the connection. */
  id: string;
  view: DisplayHello['view'];
  name: string;
  language: 'en' | 'zh';
  direction: string | null;
  /** A `?bare=1` speaker monitor: it shows the timer only, never a message. */
  bare: boolean;
  role: Role | null;
  connectedAt: number;
}
