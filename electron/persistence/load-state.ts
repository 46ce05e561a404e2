import { copyFileSync, existsSync, readFileSync, renameSync, statSync } from 'node:fs';
import type { Agenda } from '../../shared/agenda/agenda-schema';
import type { RostrumState } from '../../shared/contract/state';
import { initialState } from '../engine/initial-state';
import { makePrivate } from './private-files';
import { parseSavedState } from './state-file-schema';
import type { StateFile, StateStore } from './state-store';

export interface LoadedState {
  state: RostrumState;
  /** Something the operator must see: e.g. a corrupt file was moved aside. */
  warning: string | null;
  /** The state came from the data dir's file as it was: once the start completes, it is the last good copy. */
  fromFile: boolean;
}

/** Beside the state file: a copy of it as it was at the last start that could read it. */
export const lastGoodPath = (filePath: string) => `${filePath}.last-good`;

/**
 * Copies the state file as the last good copy, atomically (temp file, then rename). Called once a
 * start has completed (server listening, OSC up), never at load: a file that loads but then stops
 * the start (issue 14 §4: an OSC integer overflow) must not replace the copy every later start
 * falls back to.
 */
export function keepLastGood(filePath: string): void {
  if (!existsSync(filePath)) return;
  const temp = `${lastGoodPath(filePath)}.tmp`;
  copyFileSync(filePath, temp);
  makePrivate(temp);
  renameSync(temp, lastGoodPath(filePath));
}

/** The last good copy, when there is one and it can be read. */
function readLastGood(filePath: string): { state: RostrumState; savedAt: Date } | null {
  const path = lastGoodPath(filePath);
  if (!existsSync(path)) return null;
  try {
    const file = JSON.parse(readFileSync(path, 'utf8')) as Partial<StateFile>;
    return { state: parseSavedState(file.state), savedAt: statSync(path).mtime };
  } catch {
    return null;
  }
}

/**
 * Opens the store, falling back to the sample event on a fresh data dir. A state file that cannot
 * be read is never lost silently: it is moved aside with a timestamp, the last good copy (kept at
 * each complete start, `keepLastGood`) or else the sample is loaded and saved, and a warning is
 * returned for the start-up output and every client's snapshot.
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
    return { store, state: saved ?? initialState(sample), warning: null, fromFile: saved !== undefined };
  } catch (error) {
    if (!existsSync(filePath)) throw error;
    const aside = `${filePath}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
    renameSync(filePath, aside);
    makePrivate(aside);
    const store = openStore();
    const reason = `The saved state could not be read (${(error as Error).message.split('\n')[0]}); it was moved to ${aside}`;
    const lastGood = readLastGood(filePath);
    if (lastGood) {
      // Saved at once: a crash before the next command must not fall back to the sample.
      store.save(lastGood.state);
      return {
        store,
        fromFile: false,
        state: lastGood.state,
        warning: `${reason} and the last good copy (from ${lastGood.savedAt.toISOString()}, revision ${lastGood.state.revision}) was loaded: changes made since then are lost.`,
      };
    }
    return { store, state: initialState(sample), warning: `${reason} and the sample event was loaded.`, fromFile: false };
  }
}
