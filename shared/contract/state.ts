import type { Agenda } from '../agenda/agenda-schema';
import type { ClockState, Phase } from '../clock/clock-state';
import type { Report } from '../report/report-types';
import type { Schedule } from '../schedule/projection';
import type { Instant } from '../time/instant';

export interface SpeakerMessage {
  text: string;
  flash: boolean;
  sentAt: Instant;
}

export interface BoothMessage {
  text: string;
  sentAt: Instant;
}

export interface Messages {
  speaker: SpeakerMessage | null;
  booth: BoothMessage | null;
}

/** Everything the main process owns and persists. */
export interface RostrumState {
  revision: number;
  agenda: Agenda;
  clock: ClockState;
  messages: Messages;
  report: Report;
}

/**
 * The clock as sent to clients: the anchors (so displays compute time locally between updates)
 * plus values derived as of the snapshot's `serverTime`, for HTTP consumers.
 */
export interface ClockView extends ClockState {
  /** Allotted time including `addedMs`; null when the item has no duration. */
  durationMs: number | null;
  elapsedMs: number;
  /** As of `serverTime`; negative in overtime; null without a duration (counts up). */
  remainingMs: number | null;
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
  /** Projection as of `serverTime`. Clients re-project locally as time passes. */
  schedule: Schedule;
}

/** Sent after every accepted change: the revision plus only the parts that changed. */
export interface StatePatch {
  revision: number;
  serverTime: Instant;
  agenda?: Agenda;
  clock?: ClockView;
  messages?: Messages;
  report?: Report;
}
