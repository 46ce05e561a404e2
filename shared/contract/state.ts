import type { Agenda } from '../agenda/agenda-schema';
import type { ClockState, Phase } from '../clock/clock-state';
import type { ItemRecord, PauseRecord, Report } from '../report/report-types';
import type { Schedule } from '../schedule/projection';
import type { DurationMs, Instant } from '../time/instant';
import type { BoothRequestKind, SpeakerPreset } from './presets';
import type { AuxTimers, TimingState } from '../timing/timing-state';

export interface SpeakerMessage {
  text: string;
  flash: boolean;
  /** Set for a preset: monitors show it in their own language; `text` is the fallback. */
  preset: SpeakerPreset | null;
  sentAt: Instant;
  /**
   * False (the default): the message belongs to the item it was sent during and clears on next,
   * previous, goto and skip. True: the moderator pinned it, and it stays until cleared.
   */
  keepAcrossItems: boolean;
}

export interface BoothMessage {
  text: string;
  sentAt: Instant;
}

export interface Messages {
  speaker: SpeakerMessage | null;
  booth: BoothMessage | null;
}

/** The stream's lower third (#19, docs/outputs.md): one cue at a time. */
export interface LowerThirdCue {
  /** The item whose speaker it names (the current one when it was cued); null: none. */
  itemId: string | null;
  shownAt: Instant;
}

export interface LowerThirdState {
  /** Seconds a cue stays on the stream, set in the console; 0: until hidden. */
  holdSec: number;
  /** The last cue (an item starting, or `lowerThird.show`); null after `lowerThird.hide`. */
  cue: LowerThirdCue | null;
}

/** Seconds a lower third stays on by default, and at most. */
export const LOWER_THIRD_HOLD_SEC = { default: 8, max: 600 } as const;

/** What the speaker monitors (and the outputs of #19) show besides the clock. */
export interface DisplayState {
  /** Monitors go black (breaks, video playback). */
  speakerBlank: boolean;
  lowerThird: LowerThirdState;
  /** The operator lets the audience screens say the programme runs late (off by default). */
  audienceShowsLate: boolean;
}

/** The display part of a fresh state, and the defaults for parts a saved state lacks. */
export const DEFAULT_DISPLAY: DisplayState = {
  speakerBlank: false,
  lowerThird: { holdSec: LOWER_THIRD_HOLD_SEC.default, cue: null },
  audienceShowsLate: false,
};

/** A request from a booth to the moderator. A booth has at most one open request of each kind. */
export interface BoothRequest {
  id: string;
  booth: string;
  kind: BoothRequestKind;
  /** Free text (kind `text`), else ''. */
  text: string;
  firstAt: Instant;
  lastAt: Instant;
  /** How many times the booth asked while it was open. */
  count: number;
  acknowledgedAt: Instant | null;
}

/** An interpreter turn: length, and when the current turn began (null: not running). */
export interface BoothTurn {
  turnSec: number;
  startedAt: Instant | null;
}

export interface BoothState {
  /** Open requests first, then up to 50 acknowledged ones, newest first. */
  requests: BoothRequest[];
  /** Per booth name. */
  turns: Record<string, BoothTurn>;
  /** The moderator lets booths edit booth notes, the script flag and the glossary. */
  mayEditNotes: boolean;
}

/** The last applied recovery, kept so that any console can undo it. */
export interface RecoveryUndo {
  appliedAt: Instant;
  /** itemId → durationSec before the cut. */
  previous: Record<string, number>;
  /**
   * itemId → durationSec the cut set: undo reverts only items still at it (shared/schedule/recovery-undo.ts).
   * Absent in states saved before it existed.
   */
  applied?: Record<string, number>;
}

/** Everything the main process owns and persists. */
export interface RostrumState {
  revision: number;
  agenda: Agenda;
  clock: ClockState;
  messages: Messages;
  report: Report;
  display: DisplayState;
  booth: BoothState;
  recovery: RecoveryUndo | null;
  /** Automatic transitions: held sessions and those already fired (shared/timing/timing-state.ts). */
  timing: TimingState;
  /** The two extra timers. */
  aux: AuxTimers;
  /**
   * When the last accepted command was applied (server instant). Automatic transitions never apply
   * before it (shared/timing/next-transition.ts). Absent in states saved before it existed.
   */
  changedAt?: Instant;
}

/** The parts of the state that patches carry, each replaced whole when it changes. */
export const STATE_PARTS = ['agenda', 'clock', 'messages', 'report', 'display', 'booth', 'recovery', 'timing', 'aux'] as const;
export type StatePart = (typeof STATE_PARTS)[number];

/**
 * The clock as sent to clients: the anchors (so displays compute time locally between updates)
 * plus values derived as of the snapshot's `serverTime`, for HTTP consumers.
 */
export interface ClockView extends ClockState {
  /** Allotted time including `addedMs`; null when the item has no duration. */
  durationMs: DurationMs | null;
  elapsedMs: DurationMs;
  /** As of `serverTime`; negative in overtime; null without a duration (counts up). */
  remainingMs: DurationMs | null;
  phase: Phase;
}

export interface Snapshot {
  revision: number;
  /** Server clock when the snapshot was taken, epoch ms. */
  serverTime: Instant;
  agenda: Agenda;
  clock: ClockView;
  messages: Messages;
  report: Report;
  display: DisplayState;
  booth: BoothState;
  recovery: RecoveryUndo | null;
  timing: TimingState;
  aux: AuxTimers;
  /** Projection as of `serverTime`. Clients re-project locally as time passes. */
  schedule: Schedule;
  /**
   * Something the operator must see, from this start of the server: e.g. the saved state could not
   * be read and was moved aside (electron/persistence/load-state.ts). Absent when all is well.
   */
  startupWarning?: string;
}

/** A changed report entry: the record, with only its pauses from index `pausesFrom` on. */
export interface ReportEntryPatch extends Omit<ItemRecord, 'pauses'> {
  pausesFrom: number;
  pauses: PauseRecord[];
}

/** Sent after every accepted change: the revision plus only the parts that changed. */
export interface StatePatch {
  revision: number;
  serverTime: Instant;
  agenda?: Agenda;
  clock?: ClockView;
  messages?: Messages;
  /** The whole report: only when entries were removed (a new agenda, a reset). */
  report?: Report;
  /**
   * The report entries that changed (added or replaced), by item id; the others are as the client
   * has them. Each carries only the tail of its pauses from `pausesFrom`, so a pause sends one entry
   * and one pause, however long the day's history.
   */
  reportEntries?: Record<string, ReportEntryPatch>;
  display?: DisplayState;
  booth?: BoothState;
  recovery?: RecoveryUndo | null;
  timing?: TimingState;
  aux?: AuxTimers;
}
