import { io } from 'socket.io-client';
import { create } from 'zustand';
import type { CommandAck, CommandInput } from '../../../shared/contract/commands';
import { apiError } from '../../../shared/contract/errors';
import type { LinkStatus } from '../../../shared/contract/link-status';
import { ROOM_PARAM, type LinkedRoomInfo, type RoomInfo } from '../../../shared/contract/rooms';
import type { Snapshot } from '../../../shared/contract/state';
import { applyPatch } from '../../../shared/contract/state-sync';
import type { RostrumSocket } from '../../app/socket-types';

/** One room as the overview holds it: its state from its own channel, its displays and its link. */
export interface LiveRoom {
  info: RoomInfo;
  snapshot: Snapshot | null;
  /** Server time minus this browser's, from the last snapshot or patch. */
  offsetMs: number;
  displays: number;
  link: LinkStatus;
}

/** A room on another server (#18), followed by this server: its address and link state beside it. */
export interface LinkedLiveRoom extends LiveRoom {
  url: string;
  linkState: LinkedRoomInfo['link'];
}

interface OverviewState {
  rooms: LiveRoom[] | null;
  linked: LinkedLiveRoom[];
  error: string | null;
}

export const useOverview = create<OverviewState>(() => ({ rooms: null, linked: [], error: null }));

const LINK_STATUS: Record<LinkedRoomInfo['link'], LinkStatus> = { connecting: 'connecting', linked: 'online', lost: 'offline', refused: 'unauthorized' };
const POLL_LINKED_MS = 1000;

/** The linked rooms, read from this server once a second (it holds their links); stops where the producer's token is not given. */
export function followLinkedRooms(read: () => Promise<LinkedRoomInfo[] | null>): void {
  const poll = async () => {
    const list = await read();
    if (list === null) return;
    const at = Date.now();
    useOverview.setState({
      linked: list.map((r) => ({
        info: { id: r.id, name: r.name },
        snapshot: r.snapshot,
        offsetMs: r.remoteNow === null ? 0 : r.remoteNow - at,
        displays: 0,
        link: LINK_STATUS[r.link],
        url: r.url,
        linkState: r.link,
      })),
    });
    setTimeout(() => void poll(), POLL_LINKED_MS);
  };
  void poll();
}

const sockets = new Map<string, RostrumSocket>();
const COMMAND_TIMEOUT_MS = 5000;

function update(id: string, change: Partial<LiveRoom>): void {
  useOverview.setState((s) => ({ rooms: s.rooms?.map((r) => (r.info.id === id ? { ...r, ...change } : r)) ?? null }));
}
const roomOf = (id: string) => useOverview.getState().rooms?.find((r) => r.info.id === id);

/** One socket per room, each joining that room's channel with the producer's token. */
function connectRoom(info: RoomInfo, token: string | undefined): void {
  const s: RostrumSocket = io({
    ...(token === undefined ? {} : { auth: { token } }),
    query: { [ROOM_PARAM]: info.id },
    forceNew: true,
    transports: ['websocket', 'polling'],
    tryAllTransports: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 1000,
  });
  sockets.set(info.id, s);
  s.on('state:snapshot', (snapshot) => update(info.id, { snapshot, offsetMs: snapshot.serverTime - Date.now(), link: 'online' }));
  s.on('state:patch', (patch) => {
    const result = applyPatch(roomOf(info.id)?.snapshot ?? null, patch);
    if (result.kind === 'applied') update(info.id, { snapshot: result.snapshot, offsetMs: patch.serverTime - Date.now() });
    else if (result.kind === 'gap') s.emit('state:request');
  });
  s.on('displays:update', (displays) => update(info.id, { displays: displays.length }));
  s.on('disconnect', () => update(info.id, { link: 'offline' }));
  s.on('connect_error', (err: Error & { data?: { code?: string } }) => {
    const refused = !s.active && /unauthori[sz]ed|forbidden/i.test(err.data?.code ?? err.message);
    update(info.id, { link: refused ? 'unauthorized' : 'offline' });
  });
}

type ListRooms = () => Promise<{ ok: true; rooms: RoomInfo[] } | { ok: false; message: string }>;
let lister: ListRooms | null = null;
let producerToken: string | undefined;

/** Reads the rooms (`GET /api/v1/rooms`), then follows each over its own channel. */
export async function startOverview(listRooms: ListRooms, token: string | undefined): Promise<void> {
  lister = listRooms;
  producerToken = token;
  await refreshRooms();
}

/** Reads the room list again (after an add, rename or remove): follows new rooms, drops removed ones, keeps the rest. */
export async function refreshRooms(): Promise<void> {
  if (!lister) return;
  const listed = await lister();
  if (!listed.ok) {
    useOverview.setState({ error: listed.message });
    return;
  }
  const before = new Map((useOverview.getState().rooms ?? []).map((r) => [r.info.id, r]));
  for (const [id, socket] of sockets) {
    if (listed.rooms.some((r) => r.id === id)) continue;
    socket.close();
    sockets.delete(id);
  }
  useOverview.setState({
    rooms: listed.rooms.map((info) => ({ ...(before.get(info.id) ?? { snapshot: null, offsetMs: 0, displays: 0, link: 'connecting' as const }), info })),
    error: null,
  });
  for (const info of listed.rooms) if (!sockets.has(info.id)) connectRoom(info, producerToken);
}

/** Sends a command into one room; fails at once when that room's link is down. */
export function sendToRoom(id: string, command: CommandInput): Promise<CommandAck> {
  const socket = sockets.get(id);
  if (!socket?.connected) return Promise.resolve({ ok: false, error: apiError('offline', 'not connected to the server') });
  return new Promise((resolve) => {
    socket.timeout(COMMAND_TIMEOUT_MS).emit('command', command, (err, ack) => {
      if (err || !ack) resolve({ ok: false, error: apiError('timeout', `no answer within ${COMMAND_TIMEOUT_MS} ms`) });
      else resolve(ack);
    });
  });
}
