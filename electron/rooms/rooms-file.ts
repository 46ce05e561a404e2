import { join } from 'node:path';
import { MAIN_ROOM, MAIN_ROOM_NAME, ROOM_ID_PATTERN, type PendingMove, type RoomInfo, type RoomTokens } from '../../shared/contract/rooms';
import { JsonFile } from '../persistence/json-file';

/** One room as kept in `rooms.json`: its id, names and own tokens (`main` uses the venue's, settings.json). */
export interface SavedRoom extends RoomInfo {
  tokens?: RoomTokens;
}

export const ROOMS_FORMAT_VERSION = 1;
export const ROOMS_FILE = 'rooms.json';

/** Where a room other than `main` keeps its state file, beside today's: `<data dir>/rooms/<id>/`. */
export const roomDir = (dataDir: string, id: string): string => join(dataDir, 'rooms', id);

const isText = (v: unknown, max = 200): v is string => typeof v === 'string' && v.length <= max;
const isTokens = (v: unknown): v is RoomTokens =>
  typeof v === 'object' && v !== null && ['control', 'booth', 'view'].every((k) => isText((v as Record<string, unknown>)[k]) && ((v as Record<string, string>)[k] ?? '').length >= 16);

function parseMove(v: unknown): PendingMove | null {
  if (typeof v !== 'object' || v === null) return null;
  const m = v as Record<string, unknown>;
  return isText(m['itemId']) && isText(m['from']) && isText(m['to']) ? { itemId: m['itemId'], from: m['from'], to: m['to'] } : null;
}

function parseRoom(v: unknown): SavedRoom | null {
  if (typeof v !== 'object' || v === null) return null;
  const r = v as Record<string, unknown>;
  const name = r['name'] as Record<string, unknown> | undefined;
  if (!isText(r['id']) || !ROOM_ID_PATTERN.test(r['id']) || !name || !isText(name['en']) || !isText(name['zh'])) return null;
  const tokens = r['tokens'];
  if (r['id'] !== MAIN_ROOM && !isTokens(tokens)) return null;
  return { id: r['id'], name: { en: name['en'], zh: name['zh'] }, ...(r['id'] !== MAIN_ROOM ? { tokens: tokens as RoomTokens } : {}) };
}

/**
 * The event's room list (`rooms.json` in the data dir), written atomically like the state file
 * (json-file.ts). A data dir without it is one room, `main`. A file that cannot be read keeps
 * `main` and says so; an entry that cannot be read is left out, named in the warning.
 */
export class RoomsFile {
  private readonly file: JsonFile;

  constructor(dataDir: string) {
    this.file = new JsonFile(join(dataDir, ROOMS_FILE), (error) => console.warn(`Rostrum: the room list could not be flushed to disk: ${error.message}`));
  }

  get path(): string {
    return this.file.path;
  }

  load(): { rooms: SavedRoom[]; warning: string | null; pendingMove?: PendingMove | null } {
    const main: SavedRoom = { id: MAIN_ROOM, name: MAIN_ROOM_NAME };
    let content: unknown;
    try {
      content = this.file.read();
    } catch (error) {
      return { rooms: [main], warning: `The room list ${this.path} could not be read (${(error as Error).message.split('\n')[0]}): only the main room was opened.` };
    }
    if (content === undefined) return { rooms: [main], warning: null };
    const list = (content as { rooms?: unknown }).rooms;
    if (!Array.isArray(list)) return { rooms: [main], warning: `The room list ${this.path} has no "rooms": only the main room was opened.` };
    const rooms: SavedRoom[] = [];
    const skipped: number[] = [];
    list.forEach((entry, i) => {
      const room = parseRoom(entry);
      if (room && !rooms.some((r) => r.id === room.id)) rooms.push(room);
      else skipped.push(i + 1);
    });
    if (!rooms.some((r) => r.id === MAIN_ROOM)) rooms.unshift(main);
    const warning = skipped.length > 0 ? `The room list ${this.path} has entries that could not be read (number ${skipped.join(', ')}): they were left out.` : null;
    return { rooms, warning, pendingMove: parseMove((content as { pendingMove?: unknown }).pendingMove) };
  }

  /** `pendingMove`: a move between two rooms' saves (move-item.ts), kept until both files hold it. */
  save(rooms: readonly SavedRoom[], pendingMove: PendingMove | null = null): void {
    this.file.write({ formatVersion: ROOMS_FORMAT_VERSION, rooms, ...(pendingMove ? { pendingMove } : {}) });
  }

  flush(): void {
    this.file.flushSync();
  }
}
