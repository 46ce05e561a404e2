import { existsSync, renameSync } from 'node:fs';
import type { Agenda } from '../../shared/agenda/agenda-schema';
import type { RostrumState } from '../../shared/contract/state';
import { initialState } from '../engine/initial-state';
import type { StateStore } from './state-store';

export interface LoadedState {
  state: RostrumState;
  /** Something the operator must see: e.g. a corrupt file was moved aside. */
  warning: string | null;
}

/**
 * Opens the store, falling back to the sample event on a fresh data dir. A state file that cannot
 * be read is never lost silently: it is moved aside with a timestamp and a warning is returned.
 */
export function openState(
  openStore: () => StateStore,
  filePath: string,
  sample: Agenda,
  now: Date,
): { store: StateStore } & LoadedState {
  try {
    const store = openStore();
    const saved = store.load();
    return { store, state: saved ?? initialState(sample), warning: null };
  } catch (error) {
    if (!existsSync(filePath)) throw error;
    const aside = `${filePath}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
    renameSync(filePath, aside);
    const store = openStore();
    return {
      store,
      state: initialState(sample),
      warning: `The saved state could not be read (${(error as Error).message.split('\n')[0]}); it was moved to ${aside} and the sample event was loaded.`,
    };
  }
}
