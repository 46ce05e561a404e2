import type { Agenda } from '../../shared/agenda/agenda-schema';
import type { Locate } from '../../shared/agenda-io/agenda-checks';
import { parseCsv } from '../../shared/agenda-io/csv';
import { restoreFormula } from '../../shared/agenda-io/csv-formula';
import { eventFieldsOf, parseEventOptions } from '../../shared/agenda-io/event-options';
import { IMPORT_LIMITS } from '../../shared/agenda-io/import-limits';
import type { EventOptions, ImportFormat } from '../../shared/agenda-io/import-types';
import { flowDepth, valueDepth } from '../../shared/agenda-io/nesting';
import { objectToAgenda } from '../../shared/agenda-io/object-to-agenda';
import { capProblems, problem, sortProblems } from '../../shared/agenda-io/problems';
import { rowsToAgenda, type ImportOutcome, type SheetRow } from '../../shared/agenda-io/rows-to-agenda';
import { splitRowsByRoom, type RoomFilter } from '../../shared/agenda-io/room-column';
import { splitObjectByRoom } from '../../shared/agenda-io/room-field';
import type { Locate as LocateField } from '../../shared/agenda-io/agenda-checks';
import { decodeText, hasNul } from './decode-text';
import { ImportLimitError } from './import-limit-error';
import { readXlsxRows } from './xlsx-read';

const refuse = (kind: 'file-unreadable' | 'over-limit', text: string, at: { row?: number; line?: number | null } = {}): ImportOutcome => ({
  agenda: null,
  errors: [problem(kind, at, text)],
  warnings: [],
});
const unreadable = (text: string, at: { row?: number; line?: number | null } = {}) => refuse('file-unreadable', text, at);
const overLimit = (text: string) => refuse('over-limit', text);

const pathOnly: Locate = (path) => ({ column: path.join('.') });

/** Line breaks in a text, counted without splitting it (a CSV's rows, before they are parsed). */
function lineBreaks(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n += 1;
  }
  return n;
}

/**
 * Reads an agenda file of any import format and checks it completely; changes nothing.
 * Event-level fields come from `options`, else from the file (JSON, YAML), else from `current`.
 * Bounded by IMPORT_LIMITS: rows, unpacked size, nesting, aliases; each list of problems is cut
 * at IMPORT_LIMITS.problems with a last "and N more". The server runs it in a worker (parse-worker.ts).
 */
export async function readImport(format: ImportFormat, bytes: Uint8Array, options: EventOptions, current: Agenda, room?: RoomFilter): Promise<ImportOutcome> {
  const { fields, problems: optionProblems } = parseEventOptions(options);
  const outcome = await readFile(format, bytes, fields, current, room);
  const errors = optionProblems.length === 0 ? outcome.errors : sortProblems([...optionProblems, ...outcome.errors]);
  return {
    agenda: errors.length === 0 ? outcome.agenda : null,
    errors: capProblems(errors, IMPORT_LIMITS.problems),
    warnings: capProblems(outcome.warnings, IMPORT_LIMITS.problems),
    ...(outcome.rooms ? { rooms: outcome.rooms } : {}),
  };
}

/**
 * A spreadsheet's rows into an agenda: with a `room` column (#18), only the rows of `room` (and, for
 * the room the import addresses, those with no room), and the rooms the file names; else every row.
 */
function rowsIntoAgenda(rows: SheetRow[], event: Parameters<typeof rowsToAgenda>[1], room: RoomFilter | undefined): ImportOutcome {
  const split = splitRowsByRoom(rows);
  if (!split) return rowsToAgenda(rows, event);
  return { ...rowsToAgenda(split.rowsOf(room ?? { id: '', blank: true }), event), rooms: split.rooms };
}

/** A JSON or YAML agenda into an agenda: with `room` fields (#18, room-field.ts), only the room's sessions and items; else all. */
function objectIntoAgenda(value: unknown, fields: ReturnType<typeof parseEventOptions>['fields'], current: Agenda, locate: LocateField, room: RoomFilter | undefined): ImportOutcome {
  const split = splitObjectByRoom(value, room ?? { id: '', blank: true }, locate);
  if (!split) return objectToAgenda(value, fields, eventFieldsOf(current), locate);
  if (split.errors.length > 0) return { agenda: null, errors: split.errors, warnings: [], rooms: split.rooms };
  return { ...objectToAgenda(split.value, fields, eventFieldsOf(current), split.locate), rooms: split.rooms };
}

async function readFile(format: ImportFormat, bytes: Uint8Array, fields: ReturnType<typeof parseEventOptions>['fields'], current: Agenda, room?: RoomFilter): Promise<ImportOutcome> {
  if (bytes.byteLength === 0) return { agenda: null, errors: [problem('empty-file', {}, 'the file is empty')], warnings: [] };
  const event = { ...eventFieldsOf(current), ...fields };
  const text = (): string | ImportOutcome => {
    const decoded = decodeText(bytes);
    return hasNul(decoded) ? unreadable('it holds zero bytes, so it is not a text file (a spreadsheet saved as CSV, or UTF-8 / UTF-16 text)') : decoded;
  };
  switch (format) {
    case 'csv': {
      const decoded = text();
      if (typeof decoded !== 'string') return decoded;
      const rows = lineBreaks(decoded) + 1;
      if (rows > IMPORT_LIMITS.rows + 1) return overLimit(`the file has ${rows.toLocaleString('en')} lines; at most ${IMPORT_LIMITS.rows.toLocaleString('en')} rows are read (an agenda is far shorter)`);
      const parsed = parseCsv(decoded);
      if (!parsed.ok) return unreadable('a quoted field that starts on this row is never closed (a " is missing)', { row: parsed.unclosedQuoteRow });
      // An exported cell that would run as a formula was written as `'=…`: read it back as it was.
      return rowsIntoAgenda(parsed.records.map((r) => ({ row: r.row, cells: r.fields.map(restoreFormula) })), event, room);
    }
    case 'xlsx': {
      let rows;
      try {
        rows = await readXlsxRows(bytes);
      } catch (error) {
        if (error instanceof ImportLimitError) return overLimit(error.message);
        return unreadable('not an .xlsx workbook (save it from Excel, WPS or LibreOffice as .xlsx; .xls is not read)');
      }
      return rowsIntoAgenda(rows, event, room);
    }
    case 'json': {
      const decoded = text();
      if (typeof decoded !== 'string') return decoded;
      if (flowDepth(decoded) > IMPORT_LIMITS.depth) return overLimit(`it nests more than ${IMPORT_LIMITS.depth} levels deep; an agenda needs 5`);
      let value: unknown;
      try {
        value = JSON.parse(decoded);
      } catch (error) {
        return unreadable(`not valid JSON (${(error as Error).message})`);
      }
      return objectIntoAgenda(value, fields, current, pathOnly, room);
    }
    case 'yaml': {
      const decoded = text();
      if (typeof decoded !== 'string') return decoded;
      // The YAML parser is loaded on the first YAML import, not at start-up.
      const { parseYaml } = await import('./yaml-agenda');
      const parsed = parseYaml(decoded);
      if (!parsed.ok) return parsed.overLimit ? overLimit(`not read: ${parsed.message}`) : unreadable(`not valid YAML (${parsed.message})`, { line: parsed.line });
      if (valueDepth(parsed.value) > IMPORT_LIMITS.depth) return overLimit(`it nests more than ${IMPORT_LIMITS.depth} levels deep; an agenda needs 5`);
      return objectIntoAgenda(parsed.value, fields, current, parsed.locate, room);
    }
  }
}

export { formatOfFileName } from '../../shared/agenda-io/file-format';
