/** Plain constants of the agenda model, safe to import anywhere (no validation library). */

export const ITEM_KINDS = [
  'opening',
  'remarks',
  'talk',
  'commentary',
  'moderation',
  'q-and-a',
  'break',
  'closing',
] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/**
 * Kinds that may have no speaker: a break, and questions from the floor. Every other item is
 * someone speaking, and the console's edit form asks for their name (an imported agenda may still
 * leave it empty: the schema allows it, the monitors then show the title).
 */
export const KINDS_WITHOUT_SPEAKER: readonly ItemKind[] = ['break', 'q-and-a'];

export const ATTENDANCE = ['onsite', 'online'] as const;
export type Attendance = (typeof ATTENDANCE)[number];

/** Phase thresholds, overridable per item with `warningSec` / `dangerSec`. */
export const DEFAULT_WARNING_SEC = 120;
export const DEFAULT_DANGER_SEC = 30;

export const LIMITS = {
  idLength: 64,
  titleLength: 300,
  nameLength: 200,
  notesLength: 4000,
  messageLength: 500,
  maxDurationSec: 24 * 3600,
  maxSessions: 100,
  maxItemsPerSession: 500,
  maxGlossary: 1000,
  maxAdjustSec: 4 * 3600,
} as const;
