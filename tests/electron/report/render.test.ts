import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../shared/agenda-io/csv';
import { buildTimingReport } from '../../../shared/report/timing-report';
import { renderReportCsv } from '../../../electron/report/render-csv';
import { renderReportHtml } from '../../../electron/report/render-html';
import { REPORT_CSP, REPORT_CSS } from '../../../electron/report/report-style';
import { at, endedClock, makeAgenda, makeItem, makeSession, ran } from '../../builders';

const agenda = makeAgenda({
  title: 'Summit <script>alert(1)</script> & "friends"',
  extraTimezones: ['Europe/Berlin', 'America/New_York'],
  sessions: [
    makeSession({
      id: 's',
      title: 'Opening',
      plannedStart: '09:00',
      plannedEnd: '10:00',
      items: [
        makeItem({ id: 'a', durationSec: 600, speaker: { name: 'CAO Xuejun', localName: '曹学军', honorific: '', role: '', organisation: 'MIIT' }, title: 'Remarks' }),
        makeItem({ id: 'b', durationSec: 600, title: 'Not reached' }),
        makeItem({ id: 'c', durationSec: 600, title: 'Skipped', skipped: true }),
      ],
    }),
  ],
});
const report = buildTimingReport({ agenda, clock: endedClock(), report: { a: ran(at('09:00:05'), at('09:10:45'), { elapsedMs: 640_000, addedMs: 60_000 }) } }, at('11:00'));

describe('HTML report', () => {
  const html = renderReportHtml(report, 'en');

  it('is one self-contained page: its only style is allowed by the CSP hash, no script, nothing loaded', () => {
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1];
    expect(style).toBe(REPORT_CSS);
    const hash = createHash('sha256').update(style!, 'utf8').digest('base64');
    expect(REPORT_CSP).toContain(`style-src 'sha256-${hash}'`);
    expect(REPORT_CSP).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script|<link|<img|style="|https?:\/\//);
  });

  it('escapes agenda text', () => {
    expect(html).toContain('Summit &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;friends&quot;');
  });

  it('shows times in the primary zone with the secondary zones beneath, and the item figures', () => {
    const row = /<tr class="" data-item-id="a"[\s\S]*?<\/tr>/.exec(html)?.[0] ?? '';
    expect(row).toContain('09:00:05<span class="alt">02:00:05</span><span class="alt">20:00:05 \u22121d</span>');
    expect(row).toContain('10:40'); // actual running time
    expect(row).toContain('+0:40'); // over
    expect(row).toContain('+1:00'); // added
    // The zones' one label, as the console says them, per language.
    expect(html).toContain('Times in Beijing (UTC+8)');
    expect(html).toContain('CET (UTC+1)');
    expect(html).not.toContain('Shanghai');
    expect(html).not.toContain('Berlin');
    const zh = renderReportHtml(report, 'zh');
    expect(zh).toContain('北京 (UTC+8)');
    expect(zh).not.toContain('Shanghai');
  });

  it('on the event date: the agenda date in the header, no rehearsal note', () => {
    expect(/data-testid="report-date">([^<]*)</.exec(html)?.[1]).toBe('2022-11-17');
    expect(html).not.toContain('report-rehearsed');
  });

  it('rehearsed on another day: the header date is that day, matching the times, and the note says so plainly', () => {
    const rehearsal = buildTimingReport(
      { agenda, clock: endedClock(), report: { a: ran(at('10:15', '2026-12-06'), at('10:25', '2026-12-06')) } },
      at('11:00', '2026-12-06'),
    );
    for (const lang of ['en', 'zh'] as const) {
      const page = renderReportHtml(rehearsal, lang);
      expect(/data-testid="report-date">([^<]*)</.exec(page)?.[1]).toBe('2026-12-06');
      expect(page).not.toMatch(/shifted by|平移 [+\u2212]/);
      expect(page).not.toMatch(/\d{3,}:\d\d:\d\d/);
    }
    expect(renderReportHtml(rehearsal, 'en')).toContain('Rehearsed on 2026-12-06; planned times shifted to that day.');
    expect(renderReportHtml(rehearsal, 'zh')).toContain('彩排于 2026-12-06；计划时间已平移到当天。');
    const row = /<tr class="" data-item-id="a"[\s\S]*?<\/tr>/.exec(renderReportHtml(rehearsal, 'en'))?.[0] ?? '';
    expect(row).toContain('10:15');
  });

  it('lists not reached and skipped items apart, and says so', () => {
    expect(/<section id="not-reached">[\s\S]*?<\/section>/.exec(html)?.[0]).toContain('data-item-id="b"');
    expect(/<section id="skipped">[\s\S]*?<\/section>/.exec(html)?.[0]).toContain('data-item-id="c"');
  });

  it('speaks Chinese when asked', () => {
    const zh = renderReportHtml(report, 'zh');
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain('计时报告');
    expect(zh).toContain('未进行');
  });
});

describe('CSV report', () => {
  it('has one row per item, then session and event totals, times in the primary zone', () => {
    const parsed = parseCsv(renderReportCsv(report));
    const rows = parsed.records.map((r) => r.fields);
    const header = rows[0]!;
    const col = (row: string[], name: string) => row[header.indexOf(name)];
    expect(rows.map((r) => r[0])).toEqual(['row_type', 'item', 'item', 'item', 'session-total', 'event-total']);
    const a = rows[1]!;
    expect([col(a, 'item_id'), col(a, 'status'), col(a, 'actual_start'), col(a, 'actual_duration'), col(a, 'over_under'), col(a, 'over_under_sec'), col(a, 'added')]).toEqual([
      'a',
      'done',
      '2022-11-17 09:00:05',
      '10:40',
      '+0:40',
      '40.0',
      '+1:00',
    ]);
    expect([col(rows[2]!, 'status'), col(rows[3]!, 'status')]).toEqual(['not-reached', 'skipped']);
    expect(col(rows[5]!, 'actual_duration_sec')).toBe('640.0');
  });
});
