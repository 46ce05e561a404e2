import { describe, expect, it } from 'vitest';
import { agendaWarnings } from '../../../shared/agenda-io/agenda-checks';
import { neutraliseFormula, restoreFormula } from '../../../shared/agenda-io/csv-formula';
import { dateNotTodayWarning } from '../../../shared/agenda-io/date-warning';
import { eventFieldsOf } from '../../../shared/agenda-io/event-options';
import { blockDepth, flowDepth, valueDepth } from '../../../shared/agenda-io/nesting';
import { capProblems, problem, problemCount } from '../../../shared/agenda-io/problems';
import { rowsToAgenda, type SheetRow } from '../../../shared/agenda-io/rows-to-agenda';
import { at, makeAgenda, makeItem, makeSession } from '../../builders';

const event = eventFieldsOf(makeAgenda({ languages: ['en'] }));
const HEADER = ['session', 'session_start', 'session_end', 'title', 'duration'];

describe('a slot longer than its session (issue 13.5)', () => {
  it('is an error naming row and column, not a warning', () => {
    const result = rowsToAgenda([{ row: 1, cells: HEADER }, { row: 2, cells: ['S', '14:00', '16:00', 'T', '12:30:00'] }], event);
    expect(result.agenda).toBeNull();
    expect(result.errors.map((e) => [e.row, e.column, e.kind, e.message])).toEqual([
      [2, 'duration', 'longer-than-session', 'row 2, duration: "12:30:00" is read as 12:30:00, longer than its session (14:00–16:00, 2:00:00)'],
    ]);
  });

  it('a time cell that reads two ways takes the reading that fits: 12:30 typed is 12 min 30 s, as in a CSV', () => {
    const rows: SheetRow[] = [{ row: 1, cells: HEADER }, { row: 2, cells: ['S', '14:00', '16:00', 'T', '12:30:00'], short: { 4: '12:30' } }];
    const result = rowsToAgenda(rows, event);
    expect(result.errors).toEqual([]);
    expect(result.agenda!.sessions[0]!.items[0]!.durationSec).toBe(750);
    expect(result.warnings.map((w) => w.kind)).not.toContain('time-cell');
  });

  it('keeps the long reading when it fits (1:05:00 in a 90-minute session), and says what else it could mean', () => {
    const rows: SheetRow[] = [{ row: 1, cells: HEADER }, { row: 2, cells: ['S', '14:30', '16:00', 'T', '1:05:00'], short: { 4: '1:05' } }];
    const result = rowsToAgenda(rows, event);
    expect(result.agenda!.sessions[0]!.items[0]!.durationSec).toBe(3900);
    expect(result.warnings.filter((w) => w.column === 'duration').map((w) => [w.row, w.kind])).toEqual([[2, 'time-cell']]);
  });

  it('a session whose end is computed from its items has no window to check', () => {
    const result = rowsToAgenda([{ row: 1, cells: ['session', 'session_start', 'title', 'duration'] }, { row: 2, cells: ['S', '09:00', 'T', '2:00:00'] }], event);
    expect(result.errors).toEqual([]);
  });
});

describe('problem lists are cut at 100 (issue 14.2)', () => {
  it('keeps the first 100 and says how many more', () => {
    const many = Array.from({ length: 403_290 }, (_, i) => problem('not-a-duration', { row: i + 2, column: 'duration' }, 'x'));
    const cut = capProblems(many, 100);
    expect(cut).toHaveLength(101);
    expect(cut[100]).toMatchObject({ kind: 'more-problems', value: '403190', message: 'and 403,190 more' });
    expect(problemCount(cut)).toBe(403_290);
    expect(capProblems(many.slice(0, 100), 100)).toHaveLength(100);
  });
});

describe('CSV formula cells (issue 14.5)', () => {
  it.each(['=HYPERLINK("http://x","y")', '=1+1', '@SUM(1)', '+1+1', "=cmd|' /C calc'!A0", '-2+3', '\tx', '\rx', '＝1+1', '＋1', '－1', '＠SUM(1)'])('%j is written with a leading \' and read back as it was', (cell) => {
    expect(neutraliseFormula(cell)).toBe(`'${cell}`);
    expect(restoreFormula(neutraliseFormula(cell))).toBe(cell);
  });

  it.each(['Opening', '7', '-12.5', '+3', "'quoted'", "It's", '1:30', ''])('%j is left as it is, both ways', (cell) => {
    expect(neutraliseFormula(cell)).toBe(cell);
    expect(restoreFormula(cell)).toBe(cell);
  });
});

describe('nesting is measured without recursion (issue 14.9)', () => {
  it('counts flow and block depth (an upper bound), and a value’s depth', () => {
    expect(flowDepth('{"a":[1,{"b":"[[[["}]}')).toBe(3);
    expect(flowDepth('['.repeat(1_000_000))).toBe(1_000_000);
    expect(blockDepth('a:\n  b:\n    c: 1\n  d:\n    - - - x\n')).toBe(6);
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(valueDepth(deep)).toBe(100_000);
  });
});

describe('JSON and YAML warnings name the item (issue 13.11)', () => {
  it('by its session and title, with the field; the path stays in column', () => {
    const agenda = makeAgenda({ languages: ['en'], sessions: [makeSession({ title: 'Opening', items: [makeItem({ title: 'Keynote', durationSec: undefined, language: 'en' })] })] });
    const [warning] = agendaWarnings(agenda, () => null);
    expect(warning).toMatchObject({ kind: 'missing-duration', column: 'sessions.0.items.0.durationSec', item: { session: 'Opening', title: 'Keynote' } });
    expect(warning!.message).toBe('session "Opening", item "Keynote", durationSec: no duration: the item counts up and shares the session\'s unallocated time');
  });
});

describe('the event date on import (issue 13.11)', () => {
  it('warns when the imported date is not today in the event’s zone, and not when it is', () => {
    const agenda = makeAgenda({ date: '2022-11-17', timezone: 'Asia/Shanghai' });
    expect(dateNotTodayWarning(agenda, at('09:00', '2022-11-17'))).toBeNull();
    expect(dateNotTodayWarning(agenda, at('09:00', '2022-11-18'))).toMatchObject({ kind: 'date-not-today', column: 'date', value: '2022-11-17', detail: '2022-11-18' });
  });
});
