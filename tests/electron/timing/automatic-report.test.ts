import { describe, expect, it } from 'vitest';
import { renderReportCsv } from '../../../electron/report/render-csv';
import { renderReportHtml } from '../../../electron/report/render-html';
import { parseCsv } from '../../../shared/agenda-io/csv';
import { buildTimingReport } from '../../../shared/report/timing-report';
import { at, makeAgenda, makeItem, makeSession } from '../../builders';
import { fresh, send } from '../engine/engine-builders';

/** The timing report says which starts and ends were automatic transitions rather than a person's. */
describe('automatic transitions in the timing report', () => {
  const agenda = makeAgenda({
    sessions: [
      makeSession({
        id: 's',
        plannedStart: '14:00',
        plannedEnd: '15:00',
        autoStart: true,
        autoAdvance: { graceSec: 0 },
        items: [makeItem({ id: 'a', title: 'A', durationSec: 60 }), makeItem({ id: 'b', title: 'B', durationSec: 60 }), makeItem({ id: 'c', title: 'C', durationSec: 60 })],
      }),
    ],
  });
  let s = send(fresh(agenda), { type: 'auto.start', sessionId: 's' }, at('14:00'));
  s = send(s, { type: 'auto.advance', itemId: 'a' }, at('14:01'));
  s = send(s, { type: 'next' }, at('14:01:30'));
  const report = buildTimingReport(s, at('14:02'));

  it('marks them in the CSV (started_by, ended_by) and the HTML', () => {
    const rows = parseCsv(renderReportCsv(report)).records.map((r) => r.fields);
    const header = rows[0]!;
    const cells = (id: string) => {
      const row = rows.find((r) => r[header.indexOf('item_id')] === id)!;
      return [row[header.indexOf('started_by')], row[header.indexOf('ended_by')]];
    };
    expect(cells('a')).toEqual(['automatic', 'automatic']);
    expect(cells('b')).toEqual(['automatic', '']);
    expect(cells('c')).toEqual(['', '']);
    const html = renderReportHtml(report, 'zh');
    expect(html.match(/data-automatic="true">自动</g)).toHaveLength(3);
  });
});
