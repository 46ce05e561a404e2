import type { ReportItem, ReportSession, ReportTotals, TimingReport } from '../../shared/report/timing-report';
import type { Instant } from '../../shared/time/instant';
import { dateIn } from '../../shared/time/zoned-time';
import { zoneLabel as sharedZoneLabel } from '../../shared/time/zone-labels';
import { dayShift, durationText, signedText, timeText, zoneLabel } from './report-format';
import { REPORT_STRINGS, type ReportLanguage, type ReportStrings } from '../../shared/i18n/report';
import { formatMessage } from '../../shared/i18n/translate';
import { REPORT_CSS } from './report-style';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

interface Ctx {
  s: ReportStrings;
  lang: ReportLanguage;
  zone: string;
  extra: string[];
}

/** A time in the primary zone, with the secondary zones beneath it. */
function timeCell(ctx: Ctx, at: Instant | null, seconds: 'always' | 'when-set'): string {
  if (at === null) return '<td class="time"></td>';
  const alt = ctx.extra.map((z) => `<span class="alt">${esc(timeText(at, z, seconds))}${esc(dayShift(at, z, ctx.zone))}</span>`).join('');
  return `<td class="time">${esc(timeText(at, ctx.zone, seconds))}${alt}</td>`;
}

function overUnderCell(ms: number | null): string {
  if (ms === null) return '<td class="num"></td>';
  const rounded = Math.round(ms / 1000);
  const cls = rounded > 0 ? ' over' : rounded < 0 ? ' under' : '';
  return `<td class="num${cls}">${esc(signedText(ms))}</td>`;
}

/** A time cell marked "automatic" when an automatic transition (not a person) made that start or end. */
function automatic(ctx: Ctx, cell: string, isAutomatic: boolean): string {
  return isAutomatic ? cell.replace(/<\/td>$/, `<span class="alt" data-automatic="true">${esc(ctx.s.automatic)}</span></td>`) : cell;
}

function itemRow(ctx: Ctx, i: ReportItem): string {
  const out = i.status === 'not-reached' || i.status === 'skipped';
  const who = i.speaker || i.speakerLocal || i.title;
  const alt = i.speaker && i.speakerLocal ? ` <span class="what">${esc(i.speakerLocal)}</span>` : '';
  const what = who === i.title ? '' : `<div class="what">${esc(i.title)}${i.organisation ? ` · ${esc(i.organisation)}` : ''}</div>`;
  const planned = `${esc(durationText(i.plannedDurationMs))}${i.timed ? '' : ` <span class="alt">${esc(ctx.s.open)}</span>`}`;
  const paused =
    i.pausedMs > 0 ? `${esc(durationText(i.pausedMs))}<span class="alt">${esc(formatMessage(ctx.lang, ctx.s.pauses, { count: i.pauses.length }))}</span>` : '';
  return `<tr class="${out ? 'is-out' : ''}" data-item-id="${esc(i.itemId)}" data-status="${i.status}">
<td class="num">${i.number}</td>
<td><span class="who">${esc(who)}</span>${alt}${what}</td>
${timeCell(ctx, i.plannedStart, 'when-set')}
<td class="num">${planned}</td>
${automatic(ctx, timeCell(ctx, i.actualStart, 'always'), i.startedAutomatically)}
${i.status === 'current' ? `<td class="time">${esc(ctx.s.stillRunning)}</td>` : automatic(ctx, timeCell(ctx, i.actualEnd, 'always'), i.endedAutomatically)}
<td class="num" data-col="actual">${esc(durationText(i.actualDurationMs))}</td>
${overUnderCell(i.overUnderMs)}
<td class="num">${i.addedMs === 0 ? '' : esc(signedText(i.addedMs))}</td>
<td class="num">${paused}</td>
<td><span class="status status--${i.status}">${esc(ctx.s.status[i.status])}</span></td>
</tr>`;
}

function totalsRow(ctx: Ctx, label: string, t: ReportTotals): string {
  return `<tr data-total="${esc(label)}">
<td></td><td>${esc(label)}</td>
${timeCell(ctx, t.plannedStart, 'when-set')}
<td class="num">${esc(durationText(t.plannedDurationMs))}</td>
${timeCell(ctx, t.actualStart, 'always')}
${timeCell(ctx, t.actualEnd, 'always')}
<td class="num">${esc(durationText(t.actualDurationMs))}</td>
${overUnderCell(t.ran === 0 ? null : t.overUnderMs)}
<td class="num">${t.addedMs === 0 ? '' : esc(signedText(t.addedMs))}</td>
<td class="num">${t.pausedMs === 0 ? '' : esc(durationText(t.pausedMs))}</td>
<td></td>
</tr>`;
}

const COLGROUP = `<colgroup><col class="c-num"><col class="c-item"><col class="c-time"><col class="c-dur"><col class="c-time"><col class="c-time"><col class="c-dur"><col class="c-over"><col class="c-dur"><col class="c-paused"><col class="c-status"></colgroup>`;

function tableHead(ctx: Ctx, at: Instant): string {
  // Each time cell shows the primary zone, then the others beneath: so does the heading.
  // Labels only: the offsets are in the page's header line.
  const zones = ctx.extra.length === 0 ? '' : [ctx.zone, ...ctx.extra].map((z) => `<span class="alt">${esc(sharedZoneLabel(z, ctx.lang, at))}</span>`).join('');
  const timeHead = (label: string) => `<th class="time">${esc(label)}${zones}</th>`;
  const s = ctx.s;
  return `${COLGROUP}<thead><tr>
<th class="num">${esc(s.colNumber)}</th><th>${esc(s.colItem)}</th>${timeHead(s.colPlannedStart)}<th class="num">${esc(s.colPlanned)}</th>
${timeHead(s.colActualStart)}${timeHead(s.colActualEnd)}<th class="num">${esc(s.colActual)}</th><th class="num">${esc(s.colOverUnder)}</th>
<th class="num">${esc(s.colAdded)}</th><th class="num">${esc(s.colPaused)}</th><th>${esc(s.colStatus)}</th>
</tr></thead>`;
}

function sessionSection(ctx: Ctx, session: ReportSession, at: Instant): string {
  const mod = session.moderator ? `<p class="session-meta">${esc(formatMessage(ctx.lang, ctx.s.moderator, { name: session.moderator }))}</p>` : '';
  return `<section class="session" data-session-id="${esc(session.sessionId)}">
<h2>${esc(session.title)}</h2>${mod}
<table>${tableHead(ctx, at)}
<tbody>${session.items.map((i) => itemRow(ctx, i)).join('\n')}</tbody>
<tfoot>${totalsRow(ctx, ctx.s.sessionTotal, session.totals)}</tfoot>
</table></section>`;
}

function timeWithZones(ctx: Ctx, at: Instant | null): string {
  if (at === null) return '–';
  const alt = ctx.extra.map((z) => `${timeText(at, z, 'when-set')}${dayShift(at, z, ctx.zone)}`).join(' · ');
  return `${esc(timeText(at, ctx.zone, 'when-set'))}${alt ? `<div class="card__sub">${esc(alt)}</div>` : ''}`;
}

function card(label: string, value: string, sub = ''): string {
  return `<div class="card"><div class="card__label">${esc(label)}</div><div class="card__value">${value}</div>${sub ? `<div class="card__sub">${sub}</div>` : ''}</div>`;
}

function outList(ctx: Ctx, heading: string, items: ReportItem[], id: string): string {
  const list =
    items.length === 0
      ? `<p class="meta">${esc(ctx.s.noneListed)}</p>`
      : `<ul class="out">${items
          .map((i) => `<li data-item-id="${esc(i.itemId)}">${i.number}. ${esc(i.speaker || i.speakerLocal || i.title)}${i.speaker || i.speakerLocal ? ` — ${esc(i.title)}` : ''}</li>`)
          .join('')}</ul>`;
  return `<section id="${id}"><h3>${esc(heading)}</h3>${list}</section>`;
}

/** The report as one self-contained, printable HTML page (its CSS inline; see report-style.ts). */
export function renderReportHtml(report: TimingReport, lang: ReportLanguage = 'en'): string {
  const s = REPORT_STRINGS[lang];
  const ctx: Ctx = { s, lang, zone: report.timezone, extra: report.extraTimezones };
  const at = report.totals.plannedStart ?? report.generatedAt;
  const t = report.totals;
  const zoneLine = [
    `<span>${esc(formatMessage(lang, s.timesIn, { zone: zoneLabel(report.timezone, lang, at) }))}</span>`,
    ...(ctx.extra.length > 0 ? [`<span>${esc(formatMessage(lang, s.alsoIn, { zones: ctx.extra.map((z) => zoneLabel(z, lang, at)).join(', ') }))}</span>`] : []),
  ].join('');
  const provisional = report.clockStatus !== 'ended' && t.ran > 0 ? `<p class="note">${esc(s.provisional)}</p>` : '';
  // Re-anchored (a rehearsal on another day): the header shows the day the times below are on.
  const shownDate = report.anchorOffsetMs !== 0 && t.plannedStart !== null ? dateIn(t.plannedStart, report.timezone) : report.date;
  const anchored = report.anchorOffsetMs !== 0 ? `<p class="note" data-testid="report-rehearsed">${esc(formatMessage(lang, s.rehearsed, { date: shownDate }))}</p>` : '';
  const overClass = Math.round(t.overUnderMs / 1000) > 0 ? 'over' : Math.round(t.overUnderMs / 1000) < 0 ? 'under' : '';

  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${esc(`${s.pageTitle} — ${report.title}`)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main data-testid="timing-report">
<header>
<p class="kicker">${esc(s.pageTitle)}</p>
<h1>${esc(report.title)}</h1>
<p class="meta"><span data-testid="report-date">${esc(shownDate)}</span>${report.venue ? `<span>${esc(report.venue)}</span>` : ''}${zoneLine}</p>
${provisional}${anchored}
</header>
<div class="cards">
${card(s.plannedEnd, timeWithZones(ctx, t.plannedEnd))}
${card(s.actualEnd, timeWithZones(ctx, t.actualEnd), t.endDriftMs === null ? '' : esc(formatMessage(lang, s.vsPlan, { drift: signedText(t.endDriftMs) })))}
${card(s.overUnder, `<span class="${overClass}">${esc(t.ran === 0 ? '–' : signedText(t.overUnderMs))}</span>`, esc(formatMessage(lang, s.actualOfPlanned, { actual: durationText(t.actualDurationMs), planned: durationText(t.plannedDurationMs) })))}
${card(s.itemsRun, String(t.ran), `${esc(formatMessage(lang, s.notReachedSkipped, { notReached: t.notReached, skipped: t.skipped }))}<br>${esc(formatMessage(lang, s.addedPaused, { added: signedText(t.addedMs), paused: durationText(t.pausedMs) }))}`)}
</div>
${report.sessions.map((session) => sessionSection(ctx, session, at)).join('\n')}
<h3>${esc(s.eventTotals)}</h3>
<table>${tableHead(ctx, at)}<tbody>${report.sessions.map((x) => totalsRow(ctx, x.title, x.totals)).join('\n')}</tbody>
<tfoot>${totalsRow(ctx, s.eventTotal, t)}</tfoot></table>
${outList(ctx, s.notReachedHeading, report.notReached, 'not-reached')}
${outList(ctx, s.skippedHeading, report.skipped, 'skipped')}
<p class="fineprint">${esc(s.notCounted)} ${esc(formatMessage(lang, s.generated, { time: `${dateIn(report.generatedAt, report.timezone)} ${timeText(report.generatedAt, report.timezone, 'when-set')}` }))} · Rostrum</p>
</main>
</body>
</html>
`;
}
