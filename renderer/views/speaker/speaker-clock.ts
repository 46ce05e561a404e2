import { allottedMs, remainingMs, thresholdsOf, type TimedItem } from '../../../shared/clock/clock-math';
import type { ClockState } from '../../../shared/clock/clock-state';
import { formatSeconds } from '../../../shared/clock/format';
import type { Instant } from '../../../shared/time/instant';
import { readClock, sameReading, type ClockReading } from '../../app/clock-reading';
import type { MessageKey } from '../../../shared/i18n/en';

/** What the monitor shows of the clock; it changes only when the digits do. */
export interface SpeakerClock {
  reading: ClockReading;
  /**
   * The share of the allotted time left, 0–1, counted in the whole seconds the digits show (so the
   * bar moves with them); 0 in overtime; null when the clock counts up or there is no item.
   */
  left: number | null;
}

export function speakerClockAt(clock: ClockState | null, item: TimedItem | undefined, serverNow: Instant): SpeakerClock {
  const reading = readClock(clock, item, serverNow);
  const allotted = clock === null ? null : allottedMs(item, clock.addedMs);
  if (clock === null || allotted === null || reading.countsUp || clock.status === 'ended') return { reading, left: null };
  const shownSec = Math.max(0, Math.ceil((remainingMs(clock, item, serverNow) ?? 0) / 1000));
  const allottedSec = Math.ceil(allotted / 1000);
  return { reading, left: allottedSec > 0 ? Math.min(1, shownSec / allottedSec) : 0 };
}

export const sameSpeakerClock = (a: SpeakerClock, b: SpeakerClock): boolean =>
  a.left === b.left && sameReading(a.reading, b.reading);

export interface SpeakerWords {
  /** WRAP UP, FINAL 0:30, TIME UP: only while the item runs or is paused, and not in the normal phase. */
  phase: { key: MessageKey; vars?: { time: string } } | null;
  /** NOT STARTED, PAUSED, ENDED, COUNTING UP: what keeps a still clock from reading as a frozen one. */
  status: MessageKey | null;
}

/** The words beside the digits. `FINAL` names the item's own danger threshold. */
export function speakerWords(reading: ClockReading, item: TimedItem | undefined): SpeakerWords {
  const { phase, status, countsUp } = reading;
  const active = status === 'running' || status === 'paused';
  const phaseWord: SpeakerWords['phase'] =
    !active || phase === 'normal'
      ? null
      : phase === 'danger'
        ? { key: 'speaker.phase.danger', vars: { time: formatSeconds(thresholdsOf(item).dangerMs / 1000) } }
        : { key: phase === 'warning' ? 'speaker.phase.warning' : 'speaker.phase.overtime' };
  const statusWord: MessageKey | null =
    status === 'idle'
      ? 'speaker.status.idle'
      : status === 'paused'
        ? 'speaker.status.paused'
        : status === 'ended'
          ? 'speaker.status.ended'
          : countsUp
            ? 'speaker.status.countsUp'
            : null;
  return { phase: phaseWord, status: statusWord };
}
