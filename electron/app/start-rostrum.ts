import type { Agenda } from '../../shared/agenda/agenda-schema';
import type { Clock } from '../../shared/time/instant';
import { startAutoScheduler } from '../timing/auto-scheduler';
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
import type { RelayLink } from '../relay-link/relay-link';
import { resolveRemoteTokens } from '../relay-link/remote-tokens';

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
  /** The relay to link out to (docs/remote.md); off when absent or null. */
  relay?: { url: string; key: string } | null;
}

export interface RunningRostrum {
  core: RostrumCore;
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
  core.startupWarning = warnings.length > 0 ? warnings.join(' ') : null;
  // Automatic transitions (scheduled starts, auto-advance): what came due while down is applied now, at its own instant.
  const automatic = startAutoScheduler(core);
  const osc = createOscControl({
    core,
    flags: { port: o.osc?.port ?? null, allow: o.osc?.allow ?? null, feedback: o.osc?.feedback ?? null },
    saved: settings.get(OSC_SETTING),
    save: (chosen) => settings.set(OSC_SETTING, chosen),
    log: o.osc?.log ?? ((line: string) => console.warn(line)),
    ...(o.rateLimit ? { rateLimit: { perSecond: o.rateLimit, burst: 2 * o.rateLimit } } : {}),
  });
  const rotationListeners = new Set<(role: Role) => void>();
  // Remote tokens exist (and are kept) only once a relay is used: a venue without one is unchanged.
  const remoteTokens = o.relay ? resolveRemoteTokens(settings) : null;
  let relayLink: RelayLink | null = null;
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
    relay: { link: () => relayLink, remoteTokens: () => remoteTokens },
  });
  const { port, fellBackFrom } = await listenWithPortRules(server, o.host, o.port, settings);
  if (fellBackFrom !== null) notices.push(`Port ${fellBackFrom} was taken; using ${port} from now on (saved in ${settings.path}).`);
  notices.push(...(await reapplyLanMode(server, settings)));
  const url = baseUrl(o.host, port);
  notices.push(...(await osc.start(server.lan.status().on).catch(async (error: unknown) => {
    await server.close();
    throw error;
  })));
  if (o.relay && remoteTokens) {
    // Loaded only when a relay is given: the link carries socket.io's client, which nobody else needs.
    const { startRelayLink } = await import('../relay-link/relay-link');
    relayLink = startRelayLink({ core, url: o.relay.url, key: o.relay.key, remoteTokens: () => remoteTokens, log: (line) => console.warn(line) });
    notices.push(`Linking to the relay at ${o.relay.url} (state: GET /api/v1/relay).`);
  }
  // Only now, with everything up, is the file that was read known to start: keep it as the last good copy.
  if (opened.fromFile) keepLastGood(statePath);
  return {
    core,
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
      relayLink?.close();
      await osc.close();
      core.flush();
      await server.close();
    },
  };
}
