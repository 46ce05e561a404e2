import type { RelayBody, RelaySettingsView, RemoteGrant, RemoteRole, RemoteTokens } from '../../shared/contract/relay';
import type { SettingKey, Settings } from '../persistence/settings-schema';
import type { SettingsStore } from '../persistence/state-store';
import type { RostrumCore } from '../server/core';
import { MAIN_ROOM } from '../../shared/contract/rooms';
import type { RoomRegistry } from '../rooms/room-registry';
// Types only: the link itself (and socket.io's client) is imported when a link is switched on.
import type { RelayLink, startRelayLink } from './relay-link';
import { resolveRoomRemoteTokens, saveRoomRemoteTokens, uniqueToken } from './remote-tokens';

/** Key in the venue's settings file: the link as last set from the console. */
const LINK_SETTING = 'relayLink' satisfies SettingKey;
const TOKENS_SETTING = 'remoteTokens' satisfies SettingKey;
const ROOM_TOKENS_SETTING = 'roomRemoteTokens' satisfies SettingKey;

export interface RelayFlags {
  /** `--relay URL --relay-key K` (or the environment): both or neither. */
  link: { url: string; key: string } | null;
  /** `--remote-moderator`: the co-host is on from the start. */
  cohost: boolean;
}

/** The event's rooms, each linked as its own channel (room-registry.ts); absent: `main` only. */
export type RelayRooms = Pick<RoomRegistry, 'all' | 'get' | 'onAdded' | 'onRemoved'>;

export interface RelayControlOptions {
  /** `main`'s core. */
  core: RostrumCore;
  rooms?: RelayRooms;
  settings: SettingsStore;
  flags: RelayFlags;
  log: (line: string) => void;
}

export type RelayChangeResult = { ok: true } | { ok: false; field: keyof RelayBody; message: string };

export interface RelayControl {
  /** Starts the link if it is on (flags, or the console's last setting). Resolves with start-up notices. */
  start(): Promise<string[]>;
  /** The link of a room (`main` by default): each room is linked as its own channel. */
  link(room?: string): RelayLink | null;
  /** A room's remote tokens (`main` by default). Null until a relay is used: a venue that never links creates no remote token. */
  remoteTokens(room?: string): RemoteGrant | null;
  /** The link as set; never the key. */
  view(): RelaySettingsView;
  /** Changes the link live (no restart): starts, changes or stops it, and keeps the choice. */
  update(change: RelayBody): Promise<RelayChangeResult>;
  /** A new token for one remote role of a room (`main` by default); the relay drops the viewers that used the old one. */
  rotate(role: RemoteRole, room?: string): void;
  close(): void;
}

type Chosen = Partial<Settings['relayLink']>;

/**
 * The venue's relay link as a console setting (docs/remote.md): URL, key, on/off and the remote
 * moderator, changed live from the Network panel and kept in settings.json (`relayLink`). Flags
 * win at start: `--relay`/`--relay-key` start the link with their URL and key whatever was kept;
 * a change from the console then holds for this run and is kept, but is not written over the
 * flags' values (a key from the environment does not land on disk unless typed in the console).
 * Switches run one after the other, so two quick clicks cannot open two links.
 *
 * Every room is linked as its own channel (channel = room id), with the one key: a room added while
 * the link is on is linked at once, a removed one's tokens are withdrawn at the relay. Each room has
 * its own remote tokens (`main`'s in `remoteTokens`, the others' in `roomRemoteTokens`), none shared
 * with another room, so the relay finds the room from the token and remote links keep their shape.
 */
export function createRelayControl(o: RelayControlOptions): RelayControl {
  const saved: Chosen = { ...o.settings.get(LINK_SETTING) };
  const fromFlags = o.flags.link !== null;
  /** What is in force now: the flags over what was kept. */
  let current: Chosen = { ...saved, ...(o.flags.link ? { url: o.flags.link.url, key: o.flags.link.key, enabled: true } : {}), ...(o.flags.cohost ? { cohost: true } : {}) };
  /** Each room's remote tokens, once used; `main`'s there means a relay has been used. */
  const tokens = new Map<string, RemoteTokens>();
  /** Each room's link to the relay (channel = room id), while the link is on. */
  const links = new Map<string, RelayLink>();
  let linked: { url: string; key: string } | null = null;
  let start: typeof startRelayLink | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const roomCores = (): { id: string; core: RostrumCore }[] => o.rooms?.all().map((r) => ({ id: r.info.id, core: r.core })) ?? [{ id: MAIN_ROOM, core: o.core }];
  const exists = (room: string) => room === MAIN_ROOM || o.rooms?.get(room) !== undefined;
  const cohost = () => current.cohost === true;
  /** Every remote token kept, of every room: a new one is never one of them. */
  const taken = (): Set<string> => {
    const all = [...tokens.values(), o.settings.get(TOKENS_SETTING), ...Object.values(o.settings.get(ROOM_TOKENS_SETTING))];
    return new Set(all.flatMap((t) => Object.values(t).filter((v): v is string => typeof v === 'string')));
  };
  /**
   * The tokens the relay is told. The remote moderator's goes too once made, marked off while the
   * co-host is switched off: the relay then refuses it (403) and drops its viewers.
   */
  const sentTokens = (room: string): RemoteGrant => {
    const t = ensureTokens(room);
    return { ...t, off: cohost() || t.moderator === null ? [] : ['moderator'] };
  };
  const known = (room: string): RemoteTokens => {
    let t = tokens.get(room);
    if (t === undefined) {
      t = resolveRoomRemoteTokens(o.settings, room, taken());
      tokens.set(room, t);
    }
    return t;
  };
  const ensureTokens = (room: string): RemoteTokens => {
    const t = known(room);
    if (cohost() && t.moderator === null) setToken(room, 'moderator', uniqueToken(taken()));
    return tokens.get(room)!;
  };
  const setToken = (room: string, role: RemoteRole, token: string) => {
    const next = { ...known(room), [role]: token };
    tokens.set(room, next);
    if (room === MAIN_ROOM) o.settings.set(TOKENS_SETTING, next);
    else saveRoomRemoteTokens(o.settings, room, next);
  };

  const linkRoom = (room: string, core: RostrumCore) => {
    if (!linked || !start || links.has(room)) return;
    ensureTokens(room);
    links.set(room, start({ core, channel: room, url: linked.url, key: linked.key, remoteTokens: () => sentTokens(room), log: o.log }));
  };
  // A room added while the link is on is linked at once; a removed one's tokens are withdrawn at the
  // relay (its remote links stop working) and forgotten here.
  o.rooms?.onAdded((room) => linkRoom(room.info.id, room.core));
  /** Links of removed rooms still withdrawing their tokens (the link was down): closed with the others. */
  const withdrawing = new Set<RelayLink>();
  o.rooms?.onRemoved((room) => {
    const id = room.info.id;
    const link = links.get(id);
    if (link) {
      link.revoke();
      // Closing it again once it has withdrawn does nothing.
      withdrawing.add(link);
    }
    links.delete(id);
    if (tokens.delete(id) || o.settings.get(ROOM_TOKENS_SETTING)[id] !== undefined) saveRoomRemoteTokens(o.settings, id, null);
  });

  const closeAll = () => {
    for (const link of [...links.values(), ...withdrawing]) link.close();
    links.clear();
    withdrawing.clear();
  };
  const apply = async (): Promise<void> => {
    const want = current.enabled === true && current.url !== undefined && current.key !== undefined ? { url: current.url, key: current.key } : null;
    // The same link: only the tokens may have changed. A refused one is made again (the relay's key
    // may have been fixed meanwhile): "Apply" is the way to retry it.
    const refused = [...links.values()].some((l) => l.status().state === 'refused');
    if (want && linked && want.url === linked.url && want.key === linked.key && !refused) {
      for (const link of links.values()) link.tokensChanged();
      return;
    }
    closeAll();
    linked = null;
    if (!want) return;
    ensureTokens(MAIN_ROOM);
    start ??= (await import('./relay-link')).startRelayLink;
    linked = want;
    for (const { id, core } of roomCores()) linkRoom(id, core);
  };
  const serial = <T>(run: () => Promise<T>): Promise<T> => {
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    start: () =>
      serial(async () => {
        await apply();
        if (!linked) return [];
        return [`Linking to the relay at ${linked.url} (state: GET /api/v1/relay)${fromFlags ? '' : ', as set from the console'}.`];
      }),
    link: (room = MAIN_ROOM) => links.get(room) ?? null,
    remoteTokens: (room = MAIN_ROOM) => (!tokens.has(MAIN_ROOM) || !exists(room) ? null : sentTokens(room)),
    view: () => ({ url: current.url ?? null, keySet: current.key !== undefined, enabled: current.enabled === true, cohost: cohost(), fromFlags }),
    update: (change) =>
      serial(async (): Promise<RelayChangeResult> => {
        const next: Chosen = { ...current, ...change };
        if (change.url !== undefined) next.url = new URL(change.url).origin;
        if (next.enabled === true && next.url === undefined) return { ok: false, field: 'url', message: "url: give the relay's URL before switching the link on" };
        if (next.enabled === true && next.key === undefined) return { ok: false, field: 'key', message: 'key: give the link key (the relay prints it at start) before switching the link on' };
        current = next;
        // Only what the console changed is kept: the flags' values stay off the disk.
        for (const field of ['url', 'key', 'enabled', 'cohost'] as const) if (change[field] !== undefined) Object.assign(saved, { [field]: next[field] });
        o.settings.set(LINK_SETTING, saved);
        await apply();
        return { ok: true };
      }),
    rotate: (role, room = MAIN_ROOM) => {
      if (!exists(room)) return;
      setToken(room, role, uniqueToken(taken()));
      links.get(room)?.tokensChanged();
    },
    close: closeAll,
  };
}
