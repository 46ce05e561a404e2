import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The folder the desktop app uses (Electron's userData for product "Rostrum"), so a headless
 * server and the app share one data dir by default.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Rostrum');
  if (platform === 'win32') return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), 'Rostrum');
  return join(env['XDG_CONFIG_HOME'] ?? join(home, '.config'), 'Rostrum');
}
