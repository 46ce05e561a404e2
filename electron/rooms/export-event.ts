import type { Agenda } from '../../shared/agenda/agenda-schema';
import { agendaToRows } from '../../shared/agenda-io/agenda-to-rows';
import { serialiseCsv } from '../../shared/agenda-io/csv';
import { neutraliseFormula } from '../../shared/agenda-io/csv-formula';
import type { ExportFormat } from '../../shared/agenda-io/import-types';
import type { ExportedFile } from '../agenda-io/export-agenda';
import { writeXlsx } from '../agenda-io/xlsx';

/** One room's agenda, for the event's file. */
export interface RoomAgenda {
  id: string;
  agenda: Agenda;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};

/** Every room's rows under one header, a `room` column first (room-column.ts reads it back). */
function eventRows(rooms: readonly RoomAgenda[]): string[][] {
  const header = agendaToRows({ ...rooms[0]!.agenda, sessions: [] })[0]!;
  return [['room', ...header], ...rooms.flatMap((r) => agendaToRows(r.agenda).slice(1).map((row) => [r.id, ...row]))];
}

/**
 * The whole event in one file (#18) that import reads back into the same rooms: JSON with a `room`
 * field on each session (room-field.ts), CSV and XLSX with a `room` column (room-column.ts). The
 * event's fields (title, date, zones, languages, glossary) are the first room's, `main`'s.
 */
export async function exportEvent(rooms: readonly RoomAgenda[], format: ExportFormat): Promise<ExportedFile> {
  const main = rooms[0]!.agenda;
  const fileName = `event-agenda-${main.date}.${format}`;
  const contentType = CONTENT_TYPES[format];
  switch (format) {
    case 'csv':
      return { body: Buffer.from(serialiseCsv(eventRows(rooms).map((r) => r.map(neutraliseFormula))), 'utf8'), contentType, fileName };
    case 'xlsx':
      return { body: await writeXlsx(eventRows(rooms), 'Agenda', new Set(['duration', 'warning', 'danger'])), contentType, fileName };
    case 'json': {
      const event = { ...main, sessions: rooms.flatMap((r) => r.agenda.sessions.map((s) => ({ ...s, room: r.id }))) };
      return { body: Buffer.from(`${JSON.stringify(event, null, 2)}\n`, 'utf8'), contentType, fileName };
    }
  }
}
