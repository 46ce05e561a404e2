import { describe, expect, it } from 'vitest';
import { agendaToRows } from '../../../shared/agenda-io/agenda-to-rows';
import { eventFieldsOf } from '../../../shared/agenda-io/event-options';
import { rowsToAgenda, type SheetRow } from '../../../shared/agenda-io/rows-to-agenda';
import { makeAgenda, makeItem, makeSession } from '../../builders';

const sheet = (...rows: string[][]): SheetRow[] => rows.map((cells, i) => ({ row: i + 1, cells }));

describe('the session_end_at column (end by for a session)', () => {
  const agenda = makeAgenda({
    sessions: [
      makeSession({
        id: 'webinar',
        plannedStart: '16:00',
        plannedEnd: '16:45',
        endAt: '16:30',
        items: [makeItem({ id: 'w1', durationSec: 600 }), makeItem({ id: 'w2', durationSec: 900 })],
      }),
      makeSession({ id: 'after', plannedStart: '17:00', plannedEnd: '17:30', items: [makeItem({ id: 'a1', durationSec: 600 })] }),
    ],
  });

  it('is written on the session first row and read back', () => {
    const rows = agendaToRows(agenda);
    const header = rows[0]!;
    const cell = (r: number, c: string) => rows[r]![header.indexOf(c)];
    expect([cell(1, 'session_end_at'), cell(2, 'session_end_at'), cell(3, 'session_end_at')]).toEqual(['16:30', '', '']);
    const back = rowsToAgenda(rows.map((cells, i) => ({ row: i + 1, cells })), eventFieldsOf(agenda));
    expect(back.errors).toEqual([]);
    expect(back.agenda!.sessions.map((s) => s.endAt)).toEqual(['16:30', undefined]);
  });

  it('is known by its aliases, and a bad cell or an end before the start is named by row and column', () => {
    const ok = rowsToAgenda(sheet(['session', 'session_start', 'session_end', 'title', 'Session ends by'], ['Webinar', '16:00', '16:45', 'Talk', '16:30']), eventFieldsOf(agenda));
    expect(ok.agenda!.sessions[0]!.endAt).toBe('16:30');
    const bad = rowsToAgenda(
      sheet(['session', 'session_start', 'session_end', 'title', 'session_end_at'], ['Webinar', '16:00', '16:45', 'Talk', 'half four'], ['Later', '17:00', '17:30', 'Talk', '16:30']),
      eventFieldsOf(agenda),
    );
    expect(bad.agenda).toBeNull();
    expect(bad.errors.map((e) => e.message)).toEqual([
      'row 2, session_end_at: "half four" is not a time of day (HH:MM, 24-hour)',
      'row 3, session_end_at: must be after plannedStart',
    ]);
  });
});
