import { join } from 'node:path';
import type { Socket } from 'socket.io-client';
import type { CommandAck } from '../../shared/contract/commands';
import { apiError, type ApiError } from '../../shared/contract/errors';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/contract/events';
import { MAIN_ROOM, roomIdProblem, type AddLinkedRoomBody, type LinkedRoomInfo, type RoomName } from '../../shared/contract/rooms';
import type { Snapshot } from '../../shared/contract/state';
import { applyPatch } from '../../shared/contract/state-sync';
import type { Clock } from '../../shared/time/instant';
import { JsonFile } from '../persistence/json-file';
import { nameProblem } from './room-registry';

type LinkSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

interface Saved {
  id: string;
  url: string;
  token: string;
  name: RoomName;
  room: string;
}

interface Entry extends Saved {
  socket: LinkSocket | null;
  link: LinkedRoomInfo['link'];
  snapshot: Snapshot | null;
  /** The other server's clock minus this one's, from its last snapshot or patch. */
  offsetMs: number;
}

const COMMAND_TIMEOUT_MS = 5000;
export const LINKED_ROOMS_FILE = 'linked-rooms.json';

/**
 * Rooms on other Rostrum servers, shown on this server's overview (#18): each is followed over a
 * socket.io link held here (a view's CSP lets it reach its own server only), with that server's
 * token; a command from the overview goes through the same link. A link that fails marks its own
 * room "lost" and nothing else; it reconnects by itself. Kept in `linked-rooms.json` (owner-only).
 */
export class LinkedRooms {
  private readonly entries = new Map<string, Entry>();
  private readonly file: JsonFile;
  private closed = false;

  constructor(
    dataDir: string,
    private readonly clock: Clock,
    private readonly log: (line: string) => void,
  ) {
    this.file = new JsonFile(join(dataDir, LINKED_ROOMS_FILE));
    let saved: Saved[] = [];
    try {
      const content = this.file.read() as { rooms?: Saved[] } | undefined;
      saved = Array.isArray(content?.rooms) ? content.rooms.filter((r) => typeof r?.url === 'string' && typeof r.token === 'string' && nameProblem(r.name) === null) : [];
    } catch (error) {
      log(`WARNING: ${this.file.path} could not be read (${(error as Error).message}): no linked rooms.`);
    }
    for (const s of saved) this.open({ ...s, room: s.room ?? MAIN_ROOM });
  }

  list(): LinkedRoomInfo[] {
    const now = this.clock.now();
    return [...this.entries.values()].map((e) => ({
      id: e.id,
      url: e.url,
      name: e.name,
      remoteRoom: e.room,
      link: e.link,
      snapshot: e.snapshot,
      remoteNow: e.snapshot === null ? null : now + e.offsetMs,
    }));
  }

  add(input: unknown): { ok: true; room: LinkedRoomInfo } | { ok: false; error: ApiError } {
    const body = (typeof input === 'object' && input !== null ? input : {}) as Partial<AddLinkedRoomBody>;
    let url: URL;
    try {
      url = new URL(String(body.url));
    } catch {
      return { ok: false, error: apiError('invalid', 'url: must be the other server\'s address, such as http://192.168.1.20:4848', 'url') };
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, error: apiError('invalid', 'url: must start with http:// or https://', 'url') };
    if (typeof body.token !== 'string' || body.token.length < 8 || body.token.length > 200) return { ok: false, error: apiError('invalid', "token: must be the other server's view or control token", 'token') };
    const problem = nameProblem(body.name);
    if (problem) return { ok: false, error: apiError('invalid', problem, 'name') };
    const room = body.room ?? MAIN_ROOM;
    const roomProblem = room === MAIN_ROOM ? null : roomIdProblem(room);
    if (roomProblem) return { ok: false, error: apiError('invalid', roomProblem.replace(/^id:/, 'room:'), 'room') };
    let n = this.entries.size + 1;
    while (this.entries.has(`linked-${n}`)) n += 1;
    const name = body.name as RoomName;
    const entry = this.open({ id: `linked-${n}`, url: url.origin, token: body.token, name: { en: name.en.trim(), zh: name.zh.trim() }, room });
    this.save();
    return { ok: true, room: this.list().find((r) => r.id === entry.id)! };
  }

  /** Sends a command to the linked room's server, answered as that server answers. */
  command(id: string, command: unknown): Promise<CommandAck> {
    const entry = this.entries.get(id);
    if (!entry) return Promise.resolve({ ok: false, error: apiError('not-found', `no linked room "${String(id).slice(0, 40)}"`, 'id') });
    const socket = entry.socket;
    if (!socket?.connected) return Promise.resolve({ ok: false, error: apiError('offline', `the link to ${entry.url} is lost`) });
    return new Promise((resolve) => {
      socket.timeout(COMMAND_TIMEOUT_MS).emit('command', command as never, (err: unknown, ack: CommandAck) => {
        resolve(err || !ack ? { ok: false, error: apiError('timeout', `${entry.url} did not answer within ${COMMAND_TIMEOUT_MS} ms`) } : ack);
      });
    });
  }

  close(): void {
    this.closed = true;
    for (const e of this.entries.values()) e.socket?.close();
  }

  private save(): void {
    this.file.write({ rooms: [...this.entries.values()].map(({ id, url, token, name, room }) => ({ id, url, token, name, room })) });
  }

  private open(saved: Saved): Entry {
    const entry: Entry = { ...saved, socket: null, link: 'connecting', snapshot: null, offsetMs: 0 };
    this.entries.set(entry.id, entry);
    // socket.io's client loads only when a room is linked (serve.js stays small without).
    void import('socket.io-client').then(({ io }) => {
      if (this.closed) return;
      const s: LinkSocket = io(entry.url, {
        auth: { token: entry.token },
        ...(entry.room === MAIN_ROOM ? {} : { query: { room: entry.room } }),
        transports: ['websocket'],
        reconnectionDelay: 500,
        reconnectionDelayMax: 2000,
      });
      entry.socket = s;
      const seen = (serverTime: number) => (entry.offsetMs = serverTime - this.clock.now());
      s.on('state:snapshot', (snapshot) => {
        entry.snapshot = snapshot;
        entry.link = 'linked';
        seen(snapshot.serverTime);
      });
      s.on('state:patch', (patch) => {
        const result = applyPatch(entry.snapshot, patch);
        if (result.kind === 'applied') {
          entry.snapshot = result.snapshot;
          seen(patch.serverTime);
        } else if (result.kind === 'gap') s.emit('state:request');
      });
      s.on('disconnect', () => (entry.link = 'lost'));
      s.on('connect_error', (error: Error & { data?: { code?: string } }) => {
        const refused = !s.active && /unauthori[sz]ed|forbidden/i.test(error.data?.code ?? error.message);
        entry.link = refused ? 'refused' : 'lost';
        if (refused) this.log(`Linked room ${entry.id} (${entry.url}): the token was refused.`);
      });
    });
    return entry;
  }
}
