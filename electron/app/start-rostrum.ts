import type { Agenda } from '../../shared/agenda/agenda-schema';
import type { Clock } from '../../shared/time/instant';
import { listenWithPortRules } from '../cli/listen-port';
import { initialState } from '../engine/initial-state';
import { openState } from '../persistence/load-state';
import type { SettingsStore, StateStore } from '../persistence/state-store';
import { RostrumCore } from '../server/core';
import { createRostrumServer, type RostrumServer } from '../server/create-server';
import { resolveTokens, type Tokens } from '../server/tokens';
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
}

export interface RunningRostrum {
  core: RostrumCore;
  server: RostrumServer;
  port: number;
  url: string;
  urls: ReturnType<typeof viewUrls>;
  tokens: Tokens;
  notices: string[];
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
  const server = createRostrumServer({ core, tokens, rendererDir: o.rendererDir, version: o.version });
  const { port, fellBackFrom } = await listenWithPortRules(server, o.host, o.port, settings);
  if (fellBackFrom !== null) notices.push(`Port ${fellBackFrom} was taken; using ${port} from now on (saved in ${settings.path}).`);
  const url = baseUrl(o.host, port);
  return {
    core,
    server,
    port,
    url,
    urls: viewUrls(url, tokens),
    tokens,
    notices,
    stop: async () => {
      core.flush();
      await server.close();
    },
  };
}
