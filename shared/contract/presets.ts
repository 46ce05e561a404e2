/**
 * Preset messages to the speaker. They travel as ids: each monitor shows them in its own language
 * (the current speaker's, unless the display pins one); `text` is the fallback in the speaker's language.
 */
export const SPEAKER_PRESETS = ['wrap-up', 'one-minute', 'time-up', 'closer-to-mic', 'slow-down'] as const;
export type SpeakerPreset = (typeof SPEAKER_PRESETS)[number];

/** What interpreters can ask of the moderator from the booth. */
export const BOOTH_REQUEST_KINDS = ['slow-down', 'no-audio', 'need-text', 'text'] as const;
export type BoothRequestKind = (typeof BOOTH_REQUEST_KINDS)[number];

/** Handover turn lengths offered in the booth; any length from 1 s to 2 h can be set. */
export const TURN_PRESETS_SEC = [15 * 60, 20 * 60, 30 * 60] as const;
export const DEFAULT_TURN_SEC = 30 * 60;
export const MAX_TURN_SEC = 2 * 3600;
/** Closed requests kept for the console's history. */
export const MAX_CLOSED_REQUESTS = 50;
