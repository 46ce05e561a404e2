import type { Agenda } from '../../shared/agenda/agenda-schema';
import type { Clock } from '../../shared/time/instant';
import { listenWithPortRules } from '../cli/listen-port';
import { initialState } from '../engine/initial-state';
import { openState } from '../persistence/load-state';
import type { SettingsStore, StateStore } from '../persistence/state-store';
import { RostrumCore } from '../server/core';
import { createRostrumServer, type RostrumServer } from '../server/create-server';
import { resolveTokens, type Tokens } from '../server/tokens';
import { startOscFeedback, type OscTarget } from '../osc/osc-feedback';
import { startOscInput } from '../osc/osc-input';
import { baseUrl, viewUrls } from './view-urls';

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
  /** The two persistence adapters: conf headless, electron-store in the app. */
  openStateStore: (dataDir: string) => StateStore;
  openSettingsStore: (dataDir: string) => SettingsStore;
  stateFilePath: (dataDir: string) => string;
  /** Network hardening (#8): extra Host names, trusted addresses, rate limit per second. */
  allowedHosts?: readonly string[];
  trustedAddresses?: readonly string[];
  rateLimit?: number | null;
  /** OSC control (docs/control.md); off when absent. */
  osc?: { port: number | null; feedback: OscTarget | null; allow: string[] | null; log?: (line: string) => void };
}

export interface RunningRostrum {
  core: RostrumCore;
  server: RostrumServer;
  port: number;
  url: string;
  urls: ReturnType<typeof viewUrls>;
  tokens: Tokens;
  notices: string[];
  /** Where OSC is received (udp://host:port), or null when OSC input is off. */
  oscUrl: string | null;
  stop(): Promise<void>;
}

/** Starts the core and its server: the same path for `npm run serve` and the desktop app. */
export async function startRostrum(o: StartOptions): Promise<RunningRostrum> {
  const notices: string[] = [];
  const opened = openState(() => o.openStateStore(o.dataDir), o.stateFilePath(o.dataDir), o.sample(), new Date(o.clock.now()));
  if (opened.warning) notices.push(`WARNING: ${opened.warning}`);
  let state = opened.state;
  if (o.agenda) {
    state = initialState(o.agenda, state.revision + 1);
    opened.store.save(state);
  } else if (state.revision === 0) {
    opened.store.save(state);
  }
  const settings = o.openSettingsStore(o.dataDir);
  const tokens = resolveTokens(settings, o.tokens);
  const core = new RostrumCore(state, opened.store, o.clock);
  const server = createRostrumServer({
    core,
    tokens,
    rendererDir: o.rendererDir,
    version: o.version,
    allowedHosts: o.allowedHosts ?? [],
    trustedAddresses: o.trustedAddresses ?? ['loopback'],
    ...(o.rateLimit ? { rateLimit: { perSecond: o.rateLimit, burst: 2 * o.rateLimit } } : {}),
    onTokensChanged: (rotated) => {
      settings.set('tokens', rotated);
      Object.assign(tokens, rotated);
    },
  });
  const { port, fellBackFrom } = await listenWithPortRules(server, o.host, o.port, settings);
  if (fellBackFrom !== null) notices.push(`Port ${fellBackFrom} was taken; using ${port} from now on (saved in ${settings.path}).`);
  const url = baseUrl(o.host, port);
  const oscLog = o.osc?.log ?? ((line: string) => console.warn(line));
  const lan = o.host !== '127.0.0.1' && o.host !== 'localhost' && o.host !== '::1';
  let oscInput: Awaited<ReturnType<typeof startOscInput>> | null = null;
  let oscUrl: string | null = null;
  if (o.osc && o.osc.port !== null) {
    // Loopback only, unless the server is open to the LAN: then only listed senders.
    const oscHost = lan ? '0.0.0.0' : '127.0.0.1';
    if (lan && (o.osc.allow ?? []).length === 0) notices.push('OSC: LAN mode without --osc-allow: every OSC packet will be ignored.');
    oscInput = await startOscInput({ core, port: o.osc.port, host: oscHost, allow: lan ? (o.osc.allow ?? []) : o.osc.allow, log: oscLog });
    oscUrl = `udp://${oscHost}:${oscInput.port}`;
  }
  const oscFeedback = o.osc?.feedback ? startOscFeedback({ core, target: o.osc.feedback, log: oscLog }) : null;
  return {
    core,
    server,
    port,
    url,
    urls: viewUrls(url, tokens),
    tokens,
    notices,
    oscUrl,
    stop: async () => {
      await oscFeedback?.close();
      await oscInput?.close();
      core.flush();
      await server.close();
    },
  };
}
