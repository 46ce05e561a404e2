import { formatSeconds, formatSignedDuration } from '../../shared/clock/format';
import type { Instant } from '../../shared/time/instant';
import { zoneLabel as sharedZoneLabel, type ZoneLabelLanguage } from '../../shared/time/zone-labels';
import { dateIn, timeOfDayIn, zoneOffsetMs } from '../../shared/time/zoned-time';

/** Shared by the CSV and HTML reports: durations to the second, times in a zone. */

export const durationText = (ms: number | null): string => (ms === null ? '' : formatSeconds(Math.round(ms / 1000)));

/** `+0:40`, `−0:20` (a true minus), `0:00`; '' for null. */
export const signedText = (ms: number | null): string => (ms === null ? '' : formatSignedDuration(ms));

/** `14:00`, or `14:00:05` when the seconds are not zero. */
export function timeText(at: Instant | null, zone: string, seconds: 'always' | 'when-set' = 'always'): string {
  if (at === null) return '';
  const withSeconds = timeOfDayIn(at, zone, true);
  return seconds === 'when-set' && withSeconds.endsWith(':00') ? withSeconds.slice(0, 5) : withSeconds;
}

/** `+1d` / `−1d` when the instant falls on another day in `zone` than in `primary`. */
export function dayShift(at: Instant, zone: string, primary: string): string {
  const a = Date.parse(dateIn(at, zone));
  const b = Date.parse(dateIn(at, primary));
  const days = Math.round((a - b) / 86_400_000);
  return days === 0 ? '' : days > 0 ? ` +${days}d` : ` \u2212${-days}d`;
}

/** `Beijing (UTC+8)`, `北京 (UTC+8)`: the zone's one label (as every view shows it) with its offset. */
export function zoneLabel(zone: string, lang: ZoneLabelLanguage, at: Instant): string {
  const city = sharedZoneLabel(zone, lang, at);
  const offsetMin = Math.round(zoneOffsetMs(at, zone) / 60_000);
  const sign = offsetMin < 0 ? '\u2212' : '+';
  const h = Math.floor(Math.abs(offsetMin) / 60);
  const m = Math.abs(offsetMin) % 60;
  return `${city} (UTC${offsetMin === 0 ? '' : `${sign}${h}${m ? `:${String(m).padStart(2, '0')}` : ''}`})`;
}

/** `2022-11-17 14:00:05` in the zone, for CSV cells. */
export const dateTimeText = (at: Instant | null, zone: string): string => (at === null ? '' : `${dateIn(at, zone)} ${timeOfDayIn(at, zone, true)}`);
