import { join } from 'node:path';
import { JsonFile } from './json-file';
import { STORE_FILES, type StateFile, type StateStore } from './state-store';
import { stateStoreOver } from './store-views';

const fileIn = (dataDir: string, name: string, onSyncError?: (error: Error) => void) =>
  new JsonFile(join(dataDir, `${name}.json`), onSyncError);

const warnSyncError = (error: Error) => console.warn(`Rostrum: the state file could not be flushed to disk: ${error.message}`);

/**
 * The state file (`state.json` in the data dir), for the headless server and the desktop app alike:
 * replaced atomically before each command is acknowledged, flushed to disk just after (json-file.ts).
 */
export function fileStateStore(dataDir: string): StateStore {
  const file = fileIn(dataDir, STORE_FILES.state, warnSyncError);
  return stateStoreOver({
    path: file.path,
    get store() {
      const content = file.read();
      return (typeof content === 'object' && content !== null ? content : {}) as Partial<StateFile>;
    },
    set store(value: Partial<StateFile>) {
      file.write(value);
    },
    flush: () => file.flushSync(),
  });
}
