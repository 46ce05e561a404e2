import type { Locate } from './agenda-checks';
import { locationText, problem, type ImportProblem } from './problems';
import type { RoomFilter } from './room-column';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A room a JSON or YAML file names, where it first does (`sessions.1.room`; for YAML, its line too). */
export interface FieldRoom {
  room: string;
  row: number;
  path: string;
}

export interface SplitByRoomField {
  /** The file with only the room's sessions and items, `room` fields taken out. */
  value: Record<string, unknown>;
  /** Maps a path of `value` back to the file's own (errors name the file's sessions and items). */
  locate: Locate;
  rooms: FieldRoom[];
  errors: ImportProblem[];
}

const roomOf = (v: Record<string, unknown>): unknown => v['room'];
const without = (v: Record<string, unknown>): Record<string, unknown> => {
  const { room: _room, ...rest } = v;
  return rest;
};

/**
 * The optional `room` field of a JSON or YAML agenda (#18), with the `room` column's semantics
 * (room-column.ts, docs/agenda-format.md): a session's `room` is its items' room, an item's own
 * `room` wins; what has no room fills the room the file is imported into (`filter.blank`), and
 * every other room named gets its own sessions and items (a session split across rooms appears in
 * each, with its items there). Null when the file has no `room` field at all: it fills the room
 * it is imported into, as before.
 */
export function splitObjectByRoom(value: unknown, filter: RoomFilter, locate: Locate): SplitByRoomField | null {
  if (!isRecord(value) || !Array.isArray(value['sessions'])) return null;
  const sessions = value['sessions'] as unknown[];
  const hasRoom = sessions.some((s) => isRecord(s) && ('room' in s || (Array.isArray(s['items']) && s['items'].some((i) => isRecord(i) && 'room' in i))));
  if (!hasRoom) return null;
  const rooms: FieldRoom[] = [];
  const errors: ImportProblem[] = [];
  /** The room a `room` field names ('' for none), or null when it is not a room id. */
  const read = (raw: unknown, path: (string | number)[]): string | null => {
    if (raw === undefined || raw === null) return '';
    if (typeof raw !== 'string') {
      errors.push(problem('not-an-id', locate(path) ?? { column: path.join('.') }, 'room must be a room id (text), or left out', JSON.stringify(raw)?.slice(0, 40) ?? ''));
      return null;
    }
    const room = raw.trim();
    if (room !== '' && !rooms.some((r) => r.room === room)) {
      const at = locate(path) ?? { column: path.join('.') };
      rooms.push({ room, row: at.row ?? at.line ?? 0, path: locationText(at) });
    }
    return room;
  };
  const mine = (room: string | null) => room !== null && (room === '' ? filter.blank : room === filter.id);

  const kept: unknown[] = [];
  /** For each kept session: its index in the file, and for each kept item, its index there. */
  const origin: { session: number; items: number[] }[] = [];
  sessions.forEach((s, si) => {
    if (!isRecord(s)) {
      if (filter.blank) {
        kept.push(s);
        origin.push({ session: si, items: [] });
      }
      return;
    }
    const sessionRoom = read(roomOf(s), ['sessions', si, 'room']);
    const items = Array.isArray(s['items']) ? (s['items'] as unknown[]) : null;
    if (!items) {
      if (mine(sessionRoom)) {
        kept.push(without(s));
        origin.push({ session: si, items: [] });
      }
      return;
    }
    const keptItems: unknown[] = [];
    const itemOrigin: number[] = [];
    items.forEach((item, ii) => {
      const own = isRecord(item) && 'room' in item ? read(roomOf(item), ['sessions', si, 'items', ii, 'room']) : sessionRoom;
      if (!mine(own)) return;
      keptItems.push(isRecord(item) ? without(item) : item);
      itemOrigin.push(ii);
    });
    if (keptItems.length > 0 || (items.length === 0 && mine(sessionRoom))) {
      kept.push({ ...without(s), items: keptItems });
      origin.push({ session: si, items: itemOrigin });
    }
  });

  const back: Locate = (path) => {
    if (path[0] !== 'sessions' || typeof path[1] !== 'number') return locate(path);
    const from = origin[path[1]];
    if (!from) return locate(path);
    const mapped: (string | number)[] = ['sessions', from.session, ...path.slice(2)];
    if (path[2] === 'items' && typeof path[3] === 'number') mapped[3] = from.items[path[3]] ?? path[3];
    return locate(mapped);
  };
  return { value: { ...value, sessions: kept }, locate: back, rooms, errors };
}
