import { z } from 'zod';
import { deviceIdSchema } from './display-schemas';
import { DISPLAY_PAGES, type DisplayPage } from './displays';
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
  /** The page it shows (#19): `/audience` is the speaker view's bundle, so `view` alone cannot say. */
  page: z.enum(DISPLAY_PAGES).optional(),
  /** The browser's own id (localStorage), under which the server remembers the name the console gave it. */
  deviceId: deviceIdSchema.optional(),
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
  /** The page it shows (its view's name when it did not say). */
  page: DisplayPage;
  /** The remote address of its connection. */
  address: string;
  /** When the server last heard from it (every event it sends, the clock pings among them). */
  lastSeen: number;
  /** True when `name` was given from the console (and is remembered for its device). */
  named: boolean;
}
