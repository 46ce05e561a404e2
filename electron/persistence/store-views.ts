import { parseSavedState } from './state-file-schema';
import { STATE_FORMAT_VERSION, type StateFile, type StateStore } from './state-store';

/** A file's path and its whole content (json-file.ts, or a conf/electron-store instance). */
interface WholeFileStore {
  readonly path: string;
  store: Partial<StateFile>;
  /** Makes the last write durable now; absent when every write already is. */
  flush?: () => void;
}

/**
 * The state file format, written once for both adapters: `{formatVersion, state}`, checked on load.
 * Keeping it in one place is what lets either adapter open what the other wrote.
 */
export function stateStoreOver(file: WholeFileStore): StateStore {
  return {
    path: file.path,
    load: () => (file.store.state === undefined ? undefined : parseSavedState(file.store.state)),
    save: (state) => {
      file.store = { formatVersion: STATE_FORMAT_VERSION, state };
    },
    flush: () => file.flush?.(),
  };
}
