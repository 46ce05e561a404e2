import { describe, expect, it } from 'vitest';
import { agendaToRows } from '../../../shared/agenda-io/agenda-to-rows';
import { eventFieldsOf, parseEventOptions } from '../../../shared/agenda-io/event-options';
import { objectToAgenda } from '../../../shared/agenda-io/object-to-agenda';
import { rowsToAgenda, type SheetRow } from '../../../shared/agenda-io/rows-to-agenda';
import { loadSample, makeAgenda, makeItem, makeSession } from '../../builders';

const event = eventFieldsOf(makeAgenda({ title: 'Current event', languages: ['en', 'zh'] }));
/** Rows from arrays, numbered as a spreadsheet numbers them (header = row 1). */
const sheet = (...rows: string[][]): SheetRow[] => rows.map((cells, i) => ({ row: i + 1, cells }));
const messages = (r: { errors: { message: string }[] }) => r.errors.map((e) => e.message);

describe('rowsToAgenda', () => {
  it('builds sessions and items; session cells left blank continue the session above', () => {
    const result = rowsToAgenda(
      sheet(
        ['Session', 'Session start', 'Session end', 'Title', 'Speaker name', 'Affiliation', 'Mins', 'Lang'],
        ['Opening', '09:00', '09:30', 'Welcome', 'LI Ming', 'City', '5', 'zh'],
        ['', '', '', 'Keynote', 'Anna', 'ILO', '12:30', 'English'],
        ['Panel', '10:00', '11:00', 'Discussion', '', '', '45', 'en'],
      ),
      event,
    );
    expect(result.errors).toEqual([]);
    const agenda = result.agenda!;
    expect(agenda.title).toBe('Current event');
    expect(agenda.sessions.map((s) => [s.id, s.title, s.plannedStart, s.plannedEnd, s.items.length])).toEqual([
      ['opening', 'Opening', '09:00', '09:30', 2],
      ['panel', 'Panel', '10:00', '11:00', 1],
    ]);
    expect(agenda.sessions[0]!.items.map((i) => [i.id, i.title, i.speaker.name, i.speaker.organisation, i.durationSec, i.language])).toEqual([
      ['opening-1', 'Welcome', 'LI Ming', 'City', 300, 'zh'],
      ['opening-2', 'Keynote', 'Anna', 'ILO', 750, 'en'],
    ]);
  });

  it('reports every problem at once, at its spreadsheet row and column, and returns no agenda', () => {
    const result = rowsToAgenda(
      sheet(
        ['session', 'session_start', 'session_end', 'title', 'duration', 'language', 'kind'],
        ['Opening', '09:00', '09:30', 'Welcome', '5', 'en', ''],
        ['Opening', '', '', 'A', '5', 'en', ''],
        ['Opening', '', '', 'B', '5', 'en', ''],
        ['Opening', '', '', 'C', '5', 'en', ''],
        ['Opening', '', '', 'D', '5', 'en', ''],
        ['Opening', '', '', 'E', 'fifteen', 'en', 'lecture-ish'],
        ['Opening', '', '', '', '5', 'en!!', ''],
      ),
      event,
    );
    expect(result.agenda).toBeNull();
    expect(messages(result)).toEqual([
      'row 7, kind: "lecture-ish" is not a kind (opening, remarks, talk, commentary, moderation, q-and-a, break, closing)',
      'row 7, duration: "fifteen" is not a duration (minutes, mm:ss or h:mm:ss)',
      'row 8, title: missing: every item needs a title',
      'row 8, language: "en!!" is not a language code (e.g. en, zh)',
    ]);
    expect(result.errors[1]).toMatchObject({ kind: 'not-a-duration', row: 7, column: 'duration', value: 'fifteen' });
  });

  it('counts rows as the spreadsheet does, blank rows included', () => {
    const rows: SheetRow[] = [
      { row: 1, cells: ['session', 'title', 'duration'] },
      { row: 2, cells: ['', '', ''] },
      { row: 5, cells: ['S', 'T', 'soon'] },
    ];
    expect(messages(rowsToAgenda(rows, event))).toContain('row 5, duration: "soon" is not a duration (minutes, mm:ss or h:mm:ss)');
  });

  it('names missing and repeated columns in the header', () => {
    expect(messages(rowsToAgenda(sheet(['session', 'speaker'], ['A', 'B']), event))).toEqual(['row 1, title: the column "title" is missing']);
    expect(messages(rowsToAgenda(sheet(['session', 'title', 'Mins', 'duration'], ['A', 'B', '1', '2']), event))).toEqual([
      'row 1, duration: names the column "duration" a second time',
    ]);
    expect(rowsToAgenda([], event).errors[0]?.kind).toBe('empty-file');
  });

  it('checks session fields: a start is needed, an end not before it, later rows agreeing', () => {
    const result = rowsToAgenda(
      sheet(
        ['session', 'session_start', 'session_end', 'title', 'duration'],
        ['No start', '', '', 'A', '5'],
        ['Backwards', '11:00', '10:00', 'B', '5'],
        ['Conflict', '13:00', '14:00', 'C', '5'],
        ['Conflict', '13:30', '', 'D', '5'],
      ),
      event,
    );
    expect(result.errors.map((e) => [e.row, e.column, e.kind])).toEqual([
      [2, 'session_start', 'required'],
      [3, 'session_end', 'session-order'],
      [5, 'session_start', 'session-conflict'],
    ]);
  });

  it('warns, and still imports: unknown language, a language the event lacks, no duration, unknown column, computed end', () => {
    const result = rowsToAgenda(
      sheet(
        ['session', 'session_start', 'title', 'duration', 'language', 'Favourite colour'],
        ['Only', '09:00', 'A', '', 'xx', 'blue'],
        ['Only', '', 'B', '10', 'fr', ''],
        ['Only', '', 'C', '20', '', ''],
      ),
      event,
    );
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((w) => [w.row, w.column, w.kind])).toEqual([
      [1, 'Favourite colour', 'unknown-column'],
      [2, 'duration', 'missing-duration'],
      [2, 'language', 'unknown-language'],
      [2, 'session_end', 'session-end-computed'],
      [3, 'language', 'language-not-in-event'],
      [4, 'language', 'missing-language'],
    ]);
    const session = result.agenda!.sessions[0]!;
    expect(session.plannedEnd).toBe('09:30');
    expect(session.items.map((i) => [i.durationSec, i.language])).toEqual([
      [undefined, 'xx'],
      [600, 'fr'],
      [1200, 'en'],
    ]);
  });

  it('warns about a duration over three hours, the trace of 7:30 turned into a time of day', () => {
    const result = rowsToAgenda(sheet(['session', 'session_start', 'session_end', 'title', 'duration'], ['S', '09:00', '18:00', 'T', '7:30:00']), event);
    expect(result.agenda!.sessions[0]!.items[0]!.durationSec).toBe(27_000);
    expect(result.warnings.map((w) => w.kind)).toContain('long-duration');
  });

  it('keeps given ids, generates missing ones without clashing, and reports duplicates', () => {
    const ok = rowsToAgenda(sheet(['session', 'session_start', 'session_end', 'id', 'title'], ['S', '09:00', '10:00', 's-2', 'A'], ['S', '', '', '', 'B'], ['S', '', '', '', 'C']), event);
    expect(ok.agenda!.sessions[0]!.items.map((i) => i.id)).toEqual(['s-2', 's-2-2', 's-3']);
    const dup = rowsToAgenda(sheet(['session', 'session_start', 'session_end', 'id', 'title'], ['S', '09:00', '10:00', 'a', 'A'], ['S', '', '', 'a', 'B']), event);
    expect(messages(dup)).toEqual(['row 3, id: "a" is already the id on row 2']);
  });

  it('round-trips: agendaToRows then rowsToAgenda gives the same agenda (sample, and every field set)', () => {
    const sample = loadSample();
    const back = rowsToAgenda(sheet(...agendaToRows(sample)), eventFieldsOf(sample));
    expect(back.errors).toEqual([]);
    expect(back.agenda).toEqual(sample);

    const full = makeAgenda({
      sessions: [
        makeSession({
          id: 'x',
          title: 'Everything, "quoted"',
          moderator: 'Chair',
          moderatorLanguage: 'zh',
          // Long enough for its 1:05:05 item: a slot longer than its session is an error.
          plannedStart: '14:00',
          plannedEnd: '15:30',
          items: [
            makeItem({
              id: 'all',
              kind: 'q-and-a',
              speaker: { name: 'N', localName: '名', honorific: 'Dr', role: 'R', organisation: 'O' },
              durationSec: 3905,
              language: 'zh-CN',
              attendance: 'online',
              notes: 'line 1\nline 2',
              boothNotes: '术语',
              scriptReceived: true,
              fixed: true,
              skipped: true,
              warningSec: 90,
              dangerSec: 0,
            }),
          ],
        }),
        makeSession({ id: 'empty', title: 'No items yet', plannedStart: '16:00', plannedEnd: '17:00' }),
      ],
    });
    const again = rowsToAgenda(sheet(...agendaToRows(full)), eventFieldsOf(full));
    expect(again.errors).toEqual([]);
    expect(again.agenda).toEqual(full);
  });
});

describe('event options', () => {
  it('checks each option and keeps those left out', () => {
    const { fields, problems } = parseEventOptions({ title: 'New', date: '2026-02-30', timezone: 'Mars/Base', languages: 'English, zh', extraTimezones: '' });
    expect(fields).toEqual({ title: 'New', languages: ['en', 'zh'] });
    expect(problems.map((p) => [p.column, p.kind])).toEqual([
      ['date', 'bad-option'],
      ['timezone', 'bad-option'],
    ]);
    expect(problems[1]!.message).toBe('timezone: "Mars/Base" is not an IANA time zone (e.g. Asia/Shanghai)');
  });
});

describe('objectToAgenda (JSON, YAML)', () => {
  const current = eventFieldsOf(loadSample());
  const pathOnly = (path: readonly (string | number)[]) => ({ column: path.join('.') });

  it('fills event fields the file leaves out from the current event; options win over the file', () => {
    const result = objectToAgenda({ title: 'From file', sessions: [] }, { title: 'From option' }, current, pathOnly);
    expect(result.agenda).toMatchObject({ title: 'From option', date: current.date, timezone: current.timezone, glossary: current.glossary });
  });

  it('reports every schema problem by its field path', () => {
    const result = objectToAgenda(
      { sessions: [{ id: 's', title: 'S', moderatorLanguage: 'en', plannedStart: '10:00', plannedEnd: '9:00', items: [{ id: 'i', title: 'T', kind: 'talk', language: 'en', durationSec: -5, colour: 'red' }] }] },
      {},
      current,
      pathOnly,
    );
    expect(result.agenda).toBeNull();
    expect(result.errors.map((e) => e.column).sort()).toEqual(['sessions.0.items.0.colour', 'sessions.0.items.0.durationSec', 'sessions.0.plannedEnd']);
  });
});
