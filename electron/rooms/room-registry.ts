import { apiError, type ApiError } from '../../shared/contract/errors';
import type { Role } from '../../shared/contract/roles';
import { MAIN_ROOM, MAX_ROOMS, MAX_ROOM_NAME, roomIdProblem, type PendingMove, type RoomInfo, type RoomName, type RoomTokens } from '../../shared/contract/rooms';
import type { RostrumCore } from '../server/core';
import { generateToken, keyForToken, type Tokens } from '../server/tokens';
import type { RoomsFile, SavedRoom } from './rooms-file';

export interface Room {
  info: RoomInfo;
  core: RostrumCore;
}

/** Who a room token belongs to: the room, and the role it has there. */
export interface RoomMatch {
  room: string;
  role: Role;
}

export interface RoomRegistryOptions {
  /** The `main` room's core: today's state file, today's tokens. */
  main: RostrumCore;
  file: RoomsFile;
  saved: readonly SavedRoom[];
  /** A move between two rooms that a stop interrupted (rooms.json): settled by move-item.ts at start. */
  pendingMove?: PendingMove | null;
  /** Opens (or creates, `fresh`) the state of a room other than `main`, beside today's file. */
  openCore: (id: string, name: RoomName, fresh: boolean) => RostrumCore;
  /** The venue's tokens: control is the producer's (every room), booth and view are `main`'s. */
  venueTokens: () => Tokens;
  generate?: () => string;
}

const ROLES_OF_ROOM = ['control', 'booth', 'view'] as const;

/** Why `name` is not a room's name (`{en, zh}`, each non-empty), or null. */
export function nameProblem(name: unknown): string | null {
  if (typeof name !== 'object' || name === null) return 'name: must be {"en": "…", "zh": "…"}';
  for (const lang of ['en', 'zh'] as const) {
    const v = (name as Record<string, unknown>)[lang];
    if (typeof v !== 'string' || v.trim() === '') return `name.${lang}: must be a non-empty string`;
    if (v.length > MAX_ROOM_NAME) return `name.${lang}: must be at most ${MAX_ROOM_NAME} characters`;
  }
  return null;
}

/**
 * The event's rooms: one RostrumCore each (its own state, clock, messages, booth, report), the list
 * kept in `rooms.json`. `main` is today's core; the others' state files live in `rooms/<id>/`.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room & { tokens?: RoomTokens }>();
  private readonly addedListeners = new Set<(room: Room) => void>();
  private readonly removedListeners = new Set<(room: Room) => void>();
  private readonly renamedListeners = new Set<(room: Room) => void>();
  private readonly rotatedListeners = new Set<(room: string, role: keyof RoomTokens) => number>();
  private readonly generate: () => string;
  private pending: PendingMove | null;

  constructor(private readonly o: RoomRegistryOptions) {
    this.generate = o.generate ?? generateToken;
    this.pending = o.pendingMove ?? null;
    for (const saved of o.saved) {
      const core = saved.id === MAIN_ROOM ? o.main : o.openCore(saved.id, saved.name, false);
      this.rooms.set(saved.id, { info: { id: saved.id, name: saved.name }, core, ...(saved.tokens ? { tokens: saved.tokens } : {}) });
    }
  }

  list(): RoomInfo[] {
    return [...this.rooms.values()].map((r) => r.info);
  }

  all(): Room[] {
    return [...this.rooms.values()];
  }

  get(id: string): Room | undefined {
    return this.rooms.get(id);
  }

  core(id: string): RostrumCore | undefined {
    return this.rooms.get(id)?.core;
  }

  /** A room's own tokens; `main`'s are the venue's (its control token is the producer's). */
  tokensOf(id: string): RoomTokens | undefined {
    const room = this.rooms.get(id);
    if (!room) return undefined;
    return room.tokens ?? { ...this.o.venueTokens() };
  }

  /** The room and role a token gives, compared in constant time over every room's own tokens (not `main`'s). */
  match(token: string): RoomMatch | null {
    let found: RoomMatch | null = null;
    for (const [id, room] of this.rooms) {
      if (!room.tokens) continue;
      const role = keyForToken(room.tokens, ROLES_OF_ROOM, token);
      if (role !== null) found = { room: id, role };
    }
    return found;
  }

  /** Adds a room with an empty agenda, its own tokens, and keeps the list; a clear error naming the field otherwise. */
  add(input: unknown): { ok: true; room: RoomInfo } | { ok: false; error: ApiError } {
    const body = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
    const idProblem = roomIdProblem(body['id']);
    if (idProblem) return { ok: false, error: apiError('invalid', idProblem, 'id') };
    const id = body['id'] as string;
    if (this.rooms.has(id)) return { ok: false, error: apiError('invalid', `id: a room "${id}" already exists`, 'id') };
    const problem = nameProblem(body['name']);
    if (problem) return { ok: false, error: apiError('invalid', problem, 'name') };
    if (this.rooms.size >= MAX_ROOMS) return { ok: false, error: apiError('invalid', `id: at most ${MAX_ROOMS} rooms`, 'id') };
    const raw = body['name'] as RoomName;
    const name: RoomName = { en: raw.en.trim(), zh: raw.zh.trim() };
    const tokens: RoomTokens = { control: this.generate(), booth: this.generate(), view: this.generate() };
    const core = this.o.openCore(id, name, true);
    const room = { info: { id, name }, core, tokens };
    this.rooms.set(id, room);
    this.save();
    for (const listener of this.addedListeners) listener(room);
    return { ok: true, room: room.info };
  }

  /** Renames a room (its names in each UI language); a clear error naming the field otherwise. */
  rename(id: string, input: unknown): { ok: true; room: RoomInfo } | { ok: false; error: ApiError } {
    const room = this.rooms.get(id);
    if (!room) return { ok: false, error: apiError('not-found', `no room "${id}"`, 'room') };
    const raw = (typeof input === 'object' && input !== null ? (input as Record<string, unknown>)['name'] : undefined) as RoomName | undefined;
    const problem = nameProblem(raw);
    if (problem) return { ok: false, error: apiError('invalid', problem, 'name') };
    room.info = { id, name: { en: raw!.en.trim(), zh: raw!.zh.trim() } };
    this.save();
    for (const listener of this.renamedListeners) listener(room);
    return { ok: true, room: room.info };
  }

  /**
   * Removes a room (never `main`). A room whose clock runs or is paused is removed only with
   * `confirmRunning`. Its state file is kept on disk, moved aside (open-rooms.ts).
   */
  remove(id: string, confirmRunning: boolean): { ok: true; room: Room } | { ok: false; error: ApiError } {
    if (id === MAIN_ROOM) return { ok: false, error: apiError('invalid', 'room: the main room cannot be removed', 'room') };
    const room = this.rooms.get(id);
    if (!room) return { ok: false, error: apiError('not-found', `no room "${id}"`, 'room') };
    const status = room.core.state.clock.status;
    if ((status === 'running' || status === 'paused') && !confirmRunning) {
      return { ok: false, error: apiError('invalid', `confirm: the clock of room "${id}" is ${status}; send confirm=running to remove it anyway`, 'confirm') };
    }
    this.rooms.delete(id);
    this.save();
    room.core.flush();
    for (const listener of this.removedListeners) listener(room);
    return { ok: true, room };
  }

  /**
   * Puts the rooms in `order` (every room's id once, `main` first), kept in rooms.json: the overview,
   * the room list and the event report follow it. A clear error naming what is wrong otherwise.
   */
  reorder(input: unknown): { ok: true; rooms: RoomInfo[] } | { ok: false; error: ApiError } {
    const order = (typeof input === 'object' && input !== null ? (input as Record<string, unknown>)['order'] : undefined) as unknown;
    if (!Array.isArray(order) || !order.every((id): id is string => typeof id === 'string')) return { ok: false, error: apiError('invalid', 'order: must be a list of room ids', 'order') };
    const missing = [...this.rooms.keys()].filter((id) => !order.includes(id));
    const unknown = order.filter((id) => !this.rooms.has(id));
    if (unknown.length > 0) return { ok: false, error: apiError('invalid', `order: no room "${unknown[0]!.slice(0, 40)}"`, 'order') };
    if (missing.length > 0 || new Set(order).size !== order.length) {
      return { ok: false, error: apiError('invalid', `order: must name every room once (${missing.length > 0 ? `missing "${missing[0]}"` : 'a room is named twice'})`, 'order') };
    }
    if (order[0] !== MAIN_ROOM) return { ok: false, error: apiError('invalid', `order: the main room stays first`, 'order') };
    const entries = order.map((id) => [id, this.rooms.get(id)!] as const);
    this.rooms.clear();
    for (const [id, room] of entries) this.rooms.set(id, room);
    this.save();
    return { ok: true, rooms: this.list() };
  }

  /**
   * A new token for one role of a room's own (never `main`'s: those are the venue's, rotated by
   * `POST /api/v1/tokens/rotate`), kept in rooms.json; the old one stops working at once, and the
   * room's sockets that used it are disconnected (how many: the listeners' count).
   */
  rotate(id: string, input: unknown): { ok: true; token: string; role: keyof RoomTokens; disconnected: number } | { ok: false; error: ApiError } {
    const room = this.rooms.get(id);
    if (!room) return { ok: false, error: apiError('not-found', `no room "${id}"`, 'room') };
    const role = (typeof input === 'object' && input !== null ? (input as Record<string, unknown>)['role'] : undefined) as unknown;
    if (!ROLES_OF_ROOM.includes(role as keyof RoomTokens)) return { ok: false, error: apiError('invalid', 'role: must be one of control, booth, view', 'role') };
    if (!room.tokens) return { ok: false, error: apiError('invalid', `room: the main room's tokens are the venue's; rotate them with POST /api/v1/tokens/rotate`, 'room') };
    const taken = new Set([...this.rooms.values()].flatMap((r) => (r.tokens ? Object.values(r.tokens) : [])).concat(Object.values(this.o.venueTokens())));
    let token = this.generate();
    for (let attempt = 0; taken.has(token) && attempt < 8; attempt += 1) token = this.generate();
    if (taken.has(token)) return { ok: false, error: apiError('internal', 'could not generate a token unlike the others') };
    const before = room.tokens;
    room.tokens = { ...room.tokens, [role as keyof RoomTokens]: token };
    try {
      this.save();
    } catch (error) {
      room.tokens = before;
      return { ok: false, error: apiError('persist-failed', `the new token could not be saved: ${(error as Error).message}`) };
    }
    let disconnected = 0;
    for (const listener of this.rotatedListeners) disconnected += listener(id, role as keyof RoomTokens);
    return { ok: true, token, role: role as keyof RoomTokens, disconnected };
  }

  /** Called after a room's own token was rotated; answers how many of the room's sockets it disconnected. */
  onRotated(listener: (room: string, role: keyof RoomTokens) => number): () => void {
    this.rotatedListeners.add(listener);
    return () => this.rotatedListeners.delete(listener);
  }

  onRemoved(listener: (room: Room) => void): () => void {
    this.removedListeners.add(listener);
    return () => this.removedListeners.delete(listener);
  }

  /** Called after a room got a new name (the desktop menu shows the names). */
  onRenamed(listener: (room: Room) => void): () => void {
    this.renamedListeners.add(listener);
    return () => this.renamedListeners.delete(listener);
  }

  onAdded(listener: (room: Room) => void): () => void {
    this.addedListeners.add(listener);
    return () => this.addedListeners.delete(listener);
  }

  /** Each room's core, with `main` first. */
  forEach(fn: (room: Room) => void): void {
    for (const room of this.rooms.values()) fn(room);
  }

  /** The move under way between two rooms' saves, as kept in rooms.json (move-item.ts). */
  get pendingMove(): PendingMove | null {
    return this.pending;
  }

  /** Keeps (or clears) the move under way in rooms.json, synchronously; throws when it cannot be written. */
  markMove(move: PendingMove | null): void {
    const before = this.pending;
    this.pending = move;
    try {
      this.save();
    } catch (error) {
      this.pending = before;
      throw error;
    }
  }

  private save(): void {
    this.o.file.save(
      [...this.rooms.values()].map((r): SavedRoom => ({ id: r.info.id, name: r.info.name, ...(r.tokens ? { tokens: r.tokens } : {}) })),
      this.pending,
    );
  }

  flush(): void {
    this.o.file.flush();
  }
}
