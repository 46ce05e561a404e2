/**
 * What an `item.update` patch says to remove a field: an explicit word, never `null`, because
 * socket.io and JSON turn a client's NaN into null, and a bug must not silently turn a 7-minute
 * slot into one that counts up. (No zod here: the views import it, and their CSP forbids what zod
 * does when it builds a schema.)
 */

/** In an item patch: remove the duration (the item counts up). */
export const REMOVE_DURATION = 'none';
/** In an item patch: drop the item's own threshold, so the event's default applies. */
export const USE_DEFAULT = 'default';

export const PATCH_REMOVALS = { durationSec: REMOVE_DURATION, warningSec: USE_DEFAULT, dangerSec: USE_DEFAULT, endAt: REMOVE_DURATION, autoAdvance: REMOVE_DURATION } as const;

/** Whether `value` under `key` in a patch means "remove this field". */
export const isRemoval = (key: string, value: unknown): boolean =>
  Object.hasOwn(PATCH_REMOVALS, key) && PATCH_REMOVALS[key as keyof typeof PATCH_REMOVALS] === value;
