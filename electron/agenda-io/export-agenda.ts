import type { Agenda } from '../../shared/agenda/agenda-schema';
import { agendaToRows } from '../../shared/agenda-io/agenda-to-rows';
import { serialiseCsv } from '../../shared/agenda-io/csv';
import { neutraliseFormula } from '../../shared/agenda-io/csv-formula';
import type { ExportFormat } from '../../shared/agenda-io/import-types';
import { writeXlsx } from './xlsx';

export interface ExportedFile {
  body: Buffer;
  contentType: string;
  fileName: string;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};

/** The agenda as a file in the columns (or the JSON format) that import reads back unchanged. */
export async function exportAgenda(agenda: Agenda, format: ExportFormat): Promise<ExportedFile> {
  const fileName = `agenda-${agenda.date}.${format}`;
  const contentType = CONTENT_TYPES[format];
  switch (format) {
    case 'csv':
      // Cells that would run as formulas are written with a leading ' (csv-formula.ts); import strips it.
      return { body: Buffer.from(serialiseCsv(agendaToRows(agenda).map((r) => r.map(neutraliseFormula))), 'utf8'), contentType, fileName };
    case 'xlsx':
      return { body: await writeXlsx(agendaToRows(agenda), 'Agenda', new Set(['duration', 'warning', 'danger'])), contentType, fileName };
    case 'json':
      return { body: Buffer.from(`${JSON.stringify(agenda, null, 2)}\n`, 'utf8'), contentType, fileName };
  }
}
