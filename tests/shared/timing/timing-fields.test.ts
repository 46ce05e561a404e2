import { describe, expect, it } from 'vitest';
import { agendaToRows } from '../../../shared/agenda-io/agenda-to-rows';
import { eventFieldsOf } from '../../../shared/agenda-io/event-options';
import { rowsToAgenda, type SheetRow } from '../../../shared/agenda-io/rows-to-agenda';
import { agendaSchema, itemSchema, sessionSchema } from '../../../shared/agenda/agenda-schema';
import { issuesToErrors } from '../../../shared/contract/validate';
import { makeAgenda, makeItem, makeSession } from '../../builders';

const sheet = (...rows: string[][]): SheetRow[] => rows.map((cells, i) => ({ row: i + 1, cells }));
const firstError = (result: { success: boolean; error?: { issues: unknown[] } }) =>
  result.success ? null : issuesToErrors(result.error!.issues as never, '')[0];

describe('agenda fields for automatic timing', () => {
  const item = { id: 'a', title: 'A', kind: 'talk', language: 'en' };

  it('accepts endAt, autoAdvance (grace or roll) and autoStart', () => {
    expect(itemSchema.parse({ ...item, endAt: '16:30', autoAdvance: { graceSec: 120 } })).toMatchObject({ endAt: '16:30', autoAdvance: { graceSec: 120 } });
    expect(itemSchema.parse({ ...item, autoAdvance: 'roll' }).autoAdvance).toBe('roll');
    const session = sessionSchema.parse({ id: 's', title: 'S', moderatorLanguage: 'en', plannedStart: '14:00', plannedEnd: '15:00', items: [], autoStart: true, autoAdvance: { graceSec: 0 } });
    expect(session).toMatchObject({ autoStart: true, autoAdvance: { graceSec: 0 } });
  });

  it.each([
    [{ endAt: '4:30pm' }, 'endAt', 'must be a time of day as HH:MM (24-hour)'],
    [{ autoAdvance: { graceSec: 121 } }, 'autoAdvance.graceSec', 'must be at most 120 seconds'],
    [{ autoAdvance: { graceSec: -1 } }, 'autoAdvance.graceSec', 'must be at least 0 seconds'],
    [{ autoAdvance: 'next' }, 'autoAdvance', 'must be { "graceSec": 0–120 } or "roll"'],
  ])('refuses %j with a clear error naming the field', (extra, path, message) => {
    const error = firstError(itemSchema.safeParse({ ...item, ...extra }));
    expect(error?.path).toBe(path);
    expect(error?.message).toContain(message);
  });

  it('refuses an autoStart that is not true or false', () => {
    const agenda = { ...makeAgenda(), sessions: [{ id: 's', title: 'S', moderatorLanguage: 'en', plannedStart: '14:00', plannedEnd: '15:00', items: [], autoStart: 'yes' }] };
    expect(firstError(agendaSchema.safeParse(agenda))?.path).toBe('sessions.0.autoStart');
  });
});

describe('import and export carry the timing columns', () => {
  const agenda = makeAgenda({
    sessions: [
      makeSession({
        id: 'webinar',
        plannedStart: '16:00',
        plannedEnd: '16:30',
        autoStart: true,
        autoAdvance: { graceSec: 15 },
        items: [makeItem({ id: 'w1', durationSec: 600, autoAdvance: 'roll' }), makeItem({ id: 'w2', endAt: '16:30' })],
      }),
    ],
  });

  it('round-trips through rows: end_at, auto_advance, session_auto_start, session_auto_advance', () => {
    const rows = agendaToRows(agenda);
    const header = rows[0]!;
    const cell = (r: number, c: string) => rows[r]![header.indexOf(c)];
    expect([cell(1, 'session_auto_start'), cell(1, 'session_auto_advance'), cell(1, 'auto_advance'), cell(2, 'end_at')]).toEqual(['yes', '15', 'roll', '16:30']);
    const back = rowsToAgenda(rows.map((cells, i) => ({ row: i + 1, cells })), eventFieldsOf(agenda));
    expect(back.errors).toEqual([]);
    expect(back.agenda!.sessions[0]).toMatchObject({ autoStart: true, autoAdvance: { graceSec: 15 } });
    expect(back.agenda!.sessions[0]!.items.map((i) => [i.autoAdvance, i.endAt])).toEqual([
      ['roll', undefined],
      [undefined, '16:30'],
    ]);
  });

  it('names the row and column of a bad timing cell', () => {
    const result = rowsToAgenda(
      sheet(
        ['session', 'session_start', 'session_end', 'title', 'end by', 'auto advance', 'auto start'],
        ['Webinar', '16:00', '16:30', 'Talk', '25:00', 'soon', 'maybe'],
      ),
      eventFieldsOf(agenda),
    );
    expect(result.agenda).toBeNull();
    expect(result.errors.map((e) => e.message)).toEqual([
      'row 2, session_auto_start: "maybe" is not yes or no (yes/no, true/false, 1/0, x)',
      'row 2, end_at: "25:00" is not a time of day (HH:MM, 24-hour)',
      'row 2, auto_advance: "soon" is not an auto-advance (roll, or the grace in seconds (0–120))',
    ]);
  });
});
