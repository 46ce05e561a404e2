import { primaryLanguage } from '../../../../shared/agenda/language';
import type { Item } from '../../../../shared/agenda/agenda-schema';
import { formatElapsed, formatSeconds, formatSignedDuration } from '../../../../shared/clock/format';
import { recordOf, type Report } from '../../../../shared/report/report-types';
import type { ItemProgress, ItemSchedule } from '../../../../shared/schedule/projection';
import type { RecoveryCut } from '../../../../shared/schedule/recovery';
import type { Instant } from '../../../../shared/time/instant';
import { timeOfDayIn } from '../../../../shared/time/zoned-time';
import { languageName, speakerAltName, speakerName } from '../../../app/speaker-label';
import type { Translate, UiLanguage } from '../../../i18n/i18n';

/** Everything a rundown row shows, as plain values: rows compare it field by field and skip re-rendering when nothing changed. */
export interface RowModel {
  itemId: string;
  sessionId: string;
  progress: ItemProgress | 'unknown';
  current: boolean;
  skipped: boolean;
  name: string;
  altName: string;
  honorific: string;
  title: string;
  kind: string;
  roleOrg: string;
  language: string;
  languageShort: string;
  languageName: string;
  attendance: Item['attendance'];
  fixed: boolean;
  scriptReceived: boolean;
  duration: string;
  plannedStart: string;
  /** Projected (for past items: actual) start in the primary zone, then the others. */
  startPrimary: string;
  startOthers: string;
  /** Past items: what they ran, and over (+) or under (−) their plan. */
  ran: string;
  overUnder: string;
  overUnderSign: 'over' | 'under' | 'even' | '';
  /** The recovery hint's cut for this item, e.g. "−1:48". */
  cut: string;
  notes: string;
  boothNotes: string;
}

export interface RowContext {
  zones: readonly string[];
  lang: UiLanguage;
  t: Translate;
  report: Report;
  currentItemId: string | null;
  cuts: ReadonlyMap<string, RecoveryCut>;
}

const time = (at: Instant | null | undefined, zone: string | undefined) =>
  at === null || at === undefined || zone === undefined ? '—' : timeOfDayIn(at, zone);

export function rowModel(item: Item, sessionId: string, sched: ItemSchedule | undefined, ctx: RowContext): RowModel {
  const { zones, lang, t } = ctx;
  const [primary, ...others] = zones;
  const progress = sched?.progress ?? 'unknown';
  const rec = recordOf(ctx.report, item.id);
  let ran = '';
  let overUnder = '';
  let overUnderSign: RowModel['overUnderSign'] = '';
  if (progress === 'done' && rec) {
    ran = formatElapsed(rec.elapsedMs);
    if (item.durationSec !== undefined) {
      const diff = Math.round(rec.elapsedMs / 1000) * 1000 - item.durationSec * 1000;
      overUnder = formatSignedDuration(diff);
      overUnderSign = diff > 0 ? 'over' : diff < 0 ? 'under' : 'even';
    }
  }
  const cut = ctx.cuts.get(item.id);
  const { role, organisation } = item.speaker;
  return {
    itemId: item.id,
    sessionId,
    progress,
    current: item.id === ctx.currentItemId,
    skipped: item.skipped,
    name: speakerName(item, lang),
    altName: speakerAltName(item, lang),
    honorific: item.speaker.name || item.speaker.localName ? item.speaker.honorific : '',
    title: item.title,
    kind: t(`moderator.kind.${item.kind}`),
    roleOrg: [role, organisation].filter(Boolean).join(', '),
    language: item.language,
    languageShort: primaryLanguage(item.language).toUpperCase(),
    languageName: languageName(item.language, lang),
    attendance: item.attendance,
    fixed: item.fixed,
    scriptReceived: item.scriptReceived,
    duration: item.durationSec === undefined ? t('moderator.rundown.open') : formatSeconds(item.durationSec),
    plannedStart: time(sched?.plannedStart, primary),
    startPrimary: time(sched?.projectedStart, primary),
    startOthers: others.map((z) => time(sched?.projectedStart, z)).join(' · '),
    ran,
    overUnder,
    overUnderSign,
    cut: cut ? formatSignedDuration((cut.toSec - cut.fromSec) * 1000) : '',
    notes: item.notes,
    boothNotes: item.boothNotes,
  };
}

export function sameRow(a: RowModel, b: RowModel): boolean {
  for (const key of Object.keys(a) as (keyof RowModel)[]) if (a[key] !== b[key]) return false;
  return true;
}
