import { normaliseHeader } from './columns';
import type { SheetRow } from './rows-to-agenda';

/** The header names of the optional `room` column (#18, docs/rooms.md), as normaliseHeader reads them. */
const ROOM_HEADERS = new Set(['room', '会场', 'salle'].map(normaliseHeader));

/** Where each room of a file first appears (its first row), for messages. */
export interface FileRoom {
  room: string;
  row: number;
}

/** Which rows an import into one room reads: its own, and (for the room it addresses) those with no room. */
export interface RoomFilter {
  id: string;
  /** Rows whose `room` cell is empty belong to the room the import addresses. */
  blank: boolean;
}

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

/** The row without the cell at `index` (the `room` column), its two-way cells moved along. */
function withoutCell(r: SheetRow, index: number): SheetRow {
  const cells = r.cells.filter((_, i) => i !== index);
  if (!r.short) return { row: r.row, cells };
  const short: Record<number, string> = {};
  for (const [k, v] of Object.entries(r.short)) {
    const i = Number(k);
    if (i !== index) short[i > index ? i - 1 : i] = v;
  }
  return { row: r.row, cells, short };
}

/**
 * A spreadsheet's `room` column: the rooms it names (first-seen order), and the rows of one room
 * with the column taken out, row numbers kept (errors still name their row and column). Null when
 * the file has no `room` column: it fills the room it is imported into, as before.
 */
export function splitRowsByRoom(rows: readonly SheetRow[]): { rooms: FileRoom[]; rowsOf(filter: RoomFilter): SheetRow[] } | null {
  const nonBlank = rows.filter((r) => !isBlank(r.cells));
  const header = nonBlank[0];
  if (!header) return null;
  const index = header.cells.findIndex((c) => ROOM_HEADERS.has(normaliseHeader(c.trim())));
  if (index < 0) return null;
  const roomOf = (r: SheetRow) => (r.cells[index] ?? '').trim();
  const rooms: FileRoom[] = [];
  for (const r of nonBlank.slice(1)) {
    const room = roomOf(r);
    if (room !== '' && !rooms.some((f) => f.room === room)) rooms.push({ room, row: r.row });
  }
  return {
    rooms,
    rowsOf: ({ id, blank }) => [withoutCell(header, index), ...nonBlank.slice(1).filter((r) => (roomOf(r) === '' ? blank : roomOf(r) === id)).map((r) => withoutCell(r, index))],
  };
}
