import { formatSignedDuration } from '../../../../shared/clock/format';
import type { Schedule } from '../../../../shared/schedule/projection';
import type { Instant } from '../../../../shared/time/instant';
import { timeOfDayIn } from '../../../../shared/time/zoned-time';
import type { Translate, UiLanguage } from '../../../i18n/i18n';
import { formatZonedTimes, timesInZones } from '../../../../shared/time/agenda-zones';

/** Drift under this reads as "on time": the banner does not cry wolf over seconds. */
export const ON_TIME_MS = 30_000;

export type DriftState = 'late' | 'early' | 'on-time' | 'ended';

export interface DriftText {
  state: DriftState;
  driftMs: number;
  headline: string;
  /** "projected end 16:36 Beijing / 09:36 CET" */
  end: string;
  /** "this session ends 15:26 (+6:00)", or '' */
  session: string;
  /** The planned end, for the tooltip. */
  planned: string;
}

const minutes = (ms: number) => Math.max(1, Math.round(Math.abs(ms) / 60_000));

/** The banner's words for a projection, in the console's language and the event's zones. */
export function driftText(
  schedule: Schedule,
  opts: {
    zones: readonly string[];
    ended: boolean;
    /** Whether any item has started yet: before that, an early end is the plan's, not the running's. */
    started: boolean;
    currentSessionId: string | null;
    t: Translate;
    lang: UiLanguage;
  },
): DriftText | null {
  const { zones, t, lang } = opts;
  const primary = zones[0];
  if (schedule.projectedEnd === null || schedule.plannedEnd === null || primary === undefined) return null;
  const at = (i: Instant) => formatZonedTimes(timesInZones(i, zones, lang));
  const driftMs = schedule.driftMs;
  const planned = t('moderator.drift.plannedEnd', { times: at(schedule.plannedEnd) });
  if (opts.ended) {
    return {
      state: 'ended',
      driftMs,
      headline: t('moderator.drift.ended'),
      end: t('moderator.drift.endedAt', { times: at(schedule.projectedEnd), drift: formatSignedDuration(driftMs) }),
      session: '',
      planned,
    };
  }
  const state: DriftState = driftMs >= ON_TIME_MS ? 'late' : driftMs <= -ON_TIME_MS ? 'early' : 'on-time';
  const headline =
    state === 'late'
      ? t('moderator.drift.late', { minutes: minutes(driftMs) })
      : state === 'early'
        ? t(opts.started ? 'moderator.drift.early' : 'moderator.drift.plannedEarly', { minutes: minutes(driftMs) })
        : t('moderator.drift.onTime');
  const session = schedule.sessions.find((s) => s.sessionId === opts.currentSessionId);
  return {
    state,
    driftMs,
    headline,
    end: t('moderator.drift.projectedEnd', { times: at(schedule.projectedEnd) }),
    session:
      session?.projectedEnd != null
        ? t('moderator.drift.session', { time: timeOfDayIn(session.projectedEnd, primary), drift: formatSignedDuration(session.driftMs) })
        : '',
    planned,
  };
}
