import type { Agenda } from '../../shared/agenda/agenda-schema';
import type { Clock } from '../../shared/time/instant';
import { startAutoScheduler, type AutoScheduler } from '../timing/auto-scheduler';
import { listenWithPortRules } from '../cli/listen-port';
import { initialState } from '../engine/initial-state';
import { lockDataDir } from '../persistence/data-dir-lock';
import { keepLastGood, lastGoodPath, openState } from '../persistence/load-state';
import { securePrivateDir } from '../persistence/private-files';
import type { SettingsStore, StateStore } from '../persistence/state-store';
import { RostrumCore } from '../server/core';
import { createRostrumServer, type RostrumServer } from '../server/create-server';
import { resolveTokens, type Tokens } from '../server/tokens';
import { ROLES, type Role } from '../../shared/contract/roles';
import { createOscControl } from '../osc/osc-control';
import type { OscTarget } from '../osc/osc-feedback';
import { baseUrl, viewUrls } from './view-urls';
import { createRelayControl } from '../relay-link/relay-control';
import { nameBook } from '../server/display-names';
import { BrandingStore } from '../branding/branding-store';
import { join } from 'node:path';
import { createAutomations } from '../automation/automations';
import { openRooms } from '../rooms/open-rooms';
import { LinkedRooms } from '../rooms/linked-rooms';
import type { RoomRegistry } from '../rooms/room-registry';

export interface StartOptions {
  host: string;
  port: number | null;
  dataDir: string;
  agenda: Agenda | null;
  tokens: Partial<Tokens>;
  clock: Clock;
  rendererDir: string;
  version: string;
  sample: () => Agenda;
  /** Persistence: the state file (file-store.ts) for both; settings through conf headless, electron-store in the app. */
  openStateStore: (dataDir: string) => StateStore;
  openSettingsStore: (dataDir: string, now: Date) => SettingsStore;
  stateFilePath: (dataDir: string) => string;
  /** Network hardening (#8): extra Host names, trusted addresses, rate limit per second. */
  allowedHosts?: readonly string[];
  trustedAddresses?: readonly string[];
  rateLimit?: number | null;
  /** socket.io connections per address and per token (`--max-connections`). */
  maxConnections?: number | null;
  /** OSC control (docs/control.md); off when absent. */
  osc?: { port: number | null; feedback: OscTarget | null; allow: string[] | null; log?: (line: string) => void };
  /** The relay to link out to (docs/remote.md); when absent or null, the link as last set from the console. */
  relay?: { url: string; key: string } | null;
  /** `--remote-moderator`: the remote moderator (co-host) is on from the start. */
  remoteModerator?: boolean;
}

export interface RunningRostrum {
  /** The `main` room's core (today's state file). */
  core: RostrumCore;
  /** Every room of the event (#18), `main` first. */
  rooms: RoomRegistry;
  server: RostrumServer;
  port: number;
  url: string;
  urls: ReturnType<typeof viewUrls>;
  tokens: Tokens;
  /** settings.json, opened and checked once: the desktop shell keeps its window placements there too. */
  settings: SettingsStore;
  notices: string[];
  /** Where OSC is received at start (udp://host:port), or null when OSC input is off. */
  oscUrl: string | null;
  /** Where OSC feedback goes at start (udp://host:port, from a flag or the console), or null. */
  oscFeedbackUrl: string | null;
  /** Calls `listener` with each role whose token is rotated from now on (`tokens` already holds the new one). */
  onTokenRotated(listener: (role: Role) => void): void;
  stop(): Promise<void>;
}

/** Key in the settings file: LAN mode as last switched from the console. */
const LAN_SETTING = 'lanMode' as const;
/** Key in the settings file: OSC as last set from the console. */
const OSC_SETTING = 'osc' as const;

/** LAN mode switched on from the console stays on across restarts (a `--host` flag decides otherwise). */
async function reapplyLanMode(server: RostrumServer, settings: SettingsStore): Promise<string[]> {
  if (!settings.get(LAN_SETTING) || server.lan.status().locked) return [];
  const switched = await server.lan.set(true);
  if (!switched.ok) return [];
  const { addresses, failures } = switched.status;
  return [
    `LAN mode is on (switched on from the console): also reachable on ${addresses.length > 0 ? addresses.join(', ') : 'no address'}.`,
    ...failures.map((f) => `WARNING: LAN mode: could not listen on ${f.address}: ${f.message}`),
  ];
}

/**
 * Starts the core and its server: the same path for `npm run serve` and the desktop app. Holds
 * the data dir's lock (data-dir-lock.ts) from before it reads the state until `stop`.
 */
export async function startRostrum(o: StartOptions): Promise<RunningRostrum> {
  // Before the state file is touched: one Rostrum per data dir (serve and the app alike).
  const lock = lockDataDir(o.dataDir, { now: new Date(o.clock.now()) });
  try {
    const running = await startLocked(o);
    return {
      ...running,
      stop: async () => {
        try {
          await running.stop();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function startLocked(o: StartOptions): Promise<RunningRostrum> {
  const notices: string[] = [];
  const now = new Date(o.clock.now());
  const statePath = o.stateFilePath(o.dataDir);
  const privacy = securePrivateDir(o.dataDir, [statePath, lastGoodPath(statePath)]);
  const opened = openState(() => o.openStateStore(o.dataDir), statePath, o.sample(), now);
  let state = opened.state;
  if (o.agenda) {
    state = initialState(o.agenda, state.revision + 1);
    opened.store.save(state);
  } else if (state.revision === 0) {
    opened.store.save(state);
  }
  const settings = o.openSettingsStore(o.dataDir, now);
  const resolved = resolveTokens(settings, o.tokens);
  const tokens = resolved.tokens;
  // Everything the operator must see from this start: in the output and in the console's banner.
  const warnings = [opened.warning, privacy, ...settings.warnings, ...resolved.warnings].filter((w): w is string => w !== null);
  notices.push(...warnings.map((w) => `WARNING: ${w}`));
  const core = new RostrumCore(state, opened.store, o.clock);
  // The event's other rooms (#18, docs/rooms.md), each with its own state file beside today's.
  const rooms = openRooms({
    dataDir: o.dataDir,
    main: core,
    clock: o.clock,
    now,
    openStateStore: o.openStateStore,
    stateFilePath: o.stateFilePath,
    venueTokens: () => tokens,
  });
  notices.push(...rooms.warnings.map((w) => `WARNING: ${w}`));
  const linked = new LinkedRooms(o.dataDir, o.clock, (line) => console.warn(line));
  core.startupWarning = warnings.length > 0 ? warnings.join(' ') : null;
  // Automatic transitions (scheduled starts, auto-advance), one scheduler per room: what came due
  // while down is applied now, at its own instant.
  const schedulers = new Map<RostrumCore, AutoScheduler>();
  const schedule = (roomCore: RostrumCore) => schedulers.set(roomCore, startAutoScheduler(roomCore));
  rooms.registry.forEach((room) => schedule(room.core));
  rooms.registry.onAdded((room) => schedule(room.core));
  rooms.registry.onRemoved((room) => {
    schedulers.get(room.core)?.stop();
    schedulers.delete(room.core);
  });
  const automatic = { stop: () => schedulers.forEach((s) => s.stop()) };
  const osc = createOscControl({
    core,
    coreOf: (room) => rooms.registry.core(room),
    rooms: rooms.registry,
    flags: { port: o.osc?.port ?? null, allow: o.osc?.allow ?? null, feedback: o.osc?.feedback ?? null },
    saved: settings.get(OSC_SETTING),
    save: (chosen) => settings.set(OSC_SETTING, chosen),
    log: o.osc?.log ?? ((line: string) => console.warn(line)),
    ...(o.rateLimit ? { rateLimit: { perSecond: o.rateLimit, burst: 2 * o.rateLimit } } : {}),
  });
  const rotationListeners = new Set<(role: Role) => void>();
  // Remote tokens exist (and are kept) only once a relay is used: a venue without one is unchanged.
  const relay = createRelayControl({ core, rooms: rooms.registry, settings, flags: { link: o.relay ?? null, cohost: o.remoteModerator === true }, log: (line) => console.warn(line) });
  // LAN mode is the server's; the rules ask it at save and at each firing (until then: off).
  let lanOn = (): boolean => false;
  const automations = createAutomations({ core, rooms: rooms.registry, settings, dataDir: o.dataDir, lan: () => lanOn(), log: o.osc?.log ?? ((line: string) => console.warn(line)) });
  notices.push(...automations.notices);
  const server = createRostrumServer({
    core,
    tokens,
    rendererDir: o.rendererDir,
    version: o.version,
    allowedHosts: o.allowedHosts ?? [],
    trustedAddresses: o.trustedAddresses ?? ['loopback'],
    ...(o.rateLimit ? { rateLimit: { perSecond: o.rateLimit, burst: 2 * o.rateLimit } } : {}),
    ...(o.maxConnections ? { connectionLimits: { perAddress: o.maxConnections, perToken: o.maxConnections } } : {}),
    onTokensChanged: (rotated) => {
      settings.set('tokens', rotated);
      const changed = ROLES.filter((role) => tokens[role] !== rotated[role]);
      Object.assign(tokens, rotated);
      for (const role of changed) for (const listener of rotationListeners) listener(role);
    },
    onLanChanged: (on) => {
      settings.set(LAN_SETTING, on);
      // OSC follows LAN mode: every interface with the allow list, or loopback again.
      void osc.lanChanged(on);
    },
    osc,
    relay,
    // settings.json: written synchronously, so a rename is on disk before it is acknowledged.
    displayNames: nameBook(
      () => settings.get('displayNames'),
      (names) => settings.set('displayNames', names),
    ),
    branding: new BrandingStore(join(o.dataDir, 'branding')),
    automations,
    rooms: rooms.registry,
    linked,
  });
  lanOn = () => server.lan.status().on;
  const { port, fellBackFrom } = await listenWithPortRules(server, o.host, o.port, settings);
  if (fellBackFrom !== null) notices.push(`Port ${fellBackFrom} was taken; using ${port} from now on (saved in ${settings.path}).`);
  notices.push(...(await reapplyLanMode(server, settings)));
  await automations.start();
  const url = baseUrl(o.host, port);
  notices.push(...(await osc.start(server.lan.status().on).catch(async (error: unknown) => {
    await server.close();
    throw error;
  })));
  // The link (and socket.io's client with it) is loaded only when it is on: see relay-control.ts.
  notices.push(...(await relay.start()));
  // Only now, with everything up, is the file that was read known to start: keep it as the last good copy.
  if (opened.fromFile) keepLastGood(statePath);
  rooms.started();
  return {
    core,
    rooms: rooms.registry,
    server,
    port,
    url,
    urls: viewUrls(url, tokens),
    tokens,
    settings,
    notices,
    oscUrl: osc.url(),
    oscFeedbackUrl: await osc.status().then(({ settings }) => (settings.feedback === null ? null : `udp://${settings.feedback}`)),
    onTokenRotated: (listener) => void rotationListeners.add(listener),
    stop: async () => {
      automatic.stop();
      relay.close();
      automations.close();
      linked.close();
      await osc.close();
      core.flush();
      rooms.registry.forEach((room) => {
        if (room.core !== core) room.core.flush();
      });
      rooms.registry.flush();
      await server.close();
    },
  };
}
