import type { SettingsStore } from '../persistence/state-store';
import type { RostrumServer } from '../server/create-server';

export { DEFAULT_PORT } from '../persistence/settings-schema';

/**
 * An explicit port fails if taken. The default port (or the one saved after an earlier fallback)
 * falls back once to a free port, and that choice is saved so links and per-display settings stay valid.
 */
export async function listenWithPortRules(
  server: RostrumServer,
  host: string,
  explicitPort: number | null,
  settings: SettingsStore,
): Promise<{ port: number; fellBackFrom: number | null }> {
  if (explicitPort !== null) {
    try {
      return { port: await server.listen(explicitPort, host), fellBackFrom: null };
    } catch (error) {
      throw new Error(portMessage(error, host, explicitPort, 'choose another with --port'), { cause: error });
    }
  }
  const preferred = settings.get('port');
  try {
    return { port: await server.listen(preferred, host), fellBackFrom: null };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw new Error(portMessage(error, host, preferred, ''), { cause: error });
    const port = await server.listen(0, host);
    settings.set('port', port);
    return { port, fellBackFrom: preferred };
  }
}

function portMessage(error: unknown, host: string, port: number, hint: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  const what = code === 'EADDRINUSE' ? 'is already in use' : code === 'EACCES' ? 'is not allowed' : `cannot be used (${(error as Error).message})`;
  return `port ${port} on ${host} ${what}${hint ? `; ${hint}` : ''}`;
}
