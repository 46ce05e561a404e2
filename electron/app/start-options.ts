import { join, resolve } from 'node:path';
import { instant } from '../../shared/time/instant';
import type { ServeArgs } from '../cli/args';
import { defaultDataDir } from '../persistence/default-data-dir';
import { STORE_FILES } from '../persistence/state-store';
import { readAgendaFile } from './agenda-file';
import { sampleAgenda } from './sample-agenda';
import type { StartOptions } from './start-rostrum';

/** What only the host decides: where the views are, the version, and the persistence adapters. */
type HostOptions = Pick<StartOptions, 'rendererDir' | 'version' | 'openStateStore' | 'openSettingsStore'>;

/**
 * The start options that follow from the serve flags — one place for `npm run serve` and the desktop
 * app, so a flag added to one reaches the other.
 */
export async function startOptionsFromArgs(args: ServeArgs, host: HostOptions): Promise<StartOptions> {
  const dataDir = resolve(args.dataDir ?? defaultDataDir());
  return {
    ...host,
    host: args.host,
    port: args.port,
    dataDir,
    agenda: args.agenda ? await readAgendaFile(args.agenda, { dataDir }) : null,
    tokens: {
      ...(args.controlToken ? { control: args.controlToken } : {}),
      ...(args.boothToken ? { booth: args.boothToken } : {}),
      ...(args.viewToken ? { view: args.viewToken } : {}),
    },
    clock: { now: () => instant(Date.now()) },
    sample: sampleAgenda,
    stateFilePath: (dir) => join(dir, `${STORE_FILES.state}.json`),
    allowedHosts: args.allowedHosts,
    trustedAddresses: args.trustedAddresses,
    rateLimit: args.rateLimit,
    maxConnections: args.maxConnections,
    osc: { port: args.oscPort, feedback: args.oscFeedback, allow: args.oscAllow },
    relay: args.relay,
    remoteModerator: args.remoteModerator,
  };
}
