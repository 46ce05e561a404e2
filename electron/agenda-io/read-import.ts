import type { Agenda } from '../../shared/agenda/agenda-schema';
import type { Locate } from '../../shared/agenda-io/agenda-checks';
import { parseCsv } from '../../shared/agenda-io/csv';
import { eventFieldsOf, parseEventOptions } from '../../shared/agenda-io/event-options';
import type { EventOptions, ImportFormat } from '../../shared/agenda-io/import-types';
import { objectToAgenda } from '../../shared/agenda-io/object-to-agenda';
import { problem, sortProblems } from '../../shared/agenda-io/problems';
import { rowsToAgenda, type ImportOutcome } from '../../shared/agenda-io/rows-to-agenda';
import { decodeText } from './decode-text';
import { readXlsxRows } from './xlsx';

const unreadable = (text: string, at: { row?: number; line?: number | null } = {}): ImportOutcome => ({
  agenda: null,
  errors: [problem('file-unreadable', at, text)],
  warnings: [],
});

const pathOnly: Locate = (path) => ({ column: path.join('.') });

/**
 * Reads an agenda file of any import format and checks it completely; changes nothing.
 * Event-level fields come from `options`, else from the file (JSON, YAML), else from `current`.
 */
export async function readImport(format: ImportFormat, bytes: Uint8Array, options: EventOptions, current: Agenda): Promise<ImportOutcome> {
  const { fields, problems: optionProblems } = parseEventOptions(options);
  const outcome = await readFile(format, bytes, fields, current);
  if (optionProblems.length === 0) return outcome;
  return { agenda: null, errors: sortProblems([...optionProblems, ...outcome.errors]), warnings: outcome.warnings };
}

async function readFile(format: ImportFormat, bytes: Uint8Array, fields: ReturnType<typeof parseEventOptions>['fields'], current: Agenda): Promise<ImportOutcome> {
  if (bytes.byteLength === 0) return { agenda: null, errors: [problem('empty-file', {}, 'the file is empty')], warnings: [] };
  const event = { ...eventFieldsOf(current), ...fields };
  switch (format) {
    case 'csv': {
      const parsed = parseCsv(decodeText(bytes));
      if (!parsed.ok) return unreadable('a quoted field that starts on this row is never closed (a " is missing)', { row: parsed.unclosedQuoteRow });
      return rowsToAgenda(parsed.records.map((r) => ({ row: r.row, cells: r.fields })), event);
    }
    case 'xlsx': {
      let rows;
      try {
        rows = await readXlsxRows(bytes);
      } catch {
        return unreadable('not an .xlsx workbook (save it from Excel, WPS or LibreOffice as .xlsx; .xls is not read)');
      }
      return rowsToAgenda(rows, event);
    }
    case 'json': {
      let value: unknown;
      try {
        value = JSON.parse(decodeText(bytes));
      } catch (error) {
        return unreadable(`not valid JSON (${(error as Error).message})`);
      }
      return objectToAgenda(value, fields, eventFieldsOf(current), pathOnly);
    }
    case 'yaml': {
      // The YAML parser is loaded on the first YAML import, not at start-up.
      const { parseYaml } = await import('./yaml-agenda');
      const parsed = parseYaml(decodeText(bytes));
      if (!parsed.ok) return unreadable(`not valid YAML (${parsed.message})`, { line: parsed.line });
      return objectToAgenda(parsed.value, fields, eventFieldsOf(current), parsed.locate);
    }
  }
}

export { formatOfFileName } from '../../shared/agenda-io/file-format';
