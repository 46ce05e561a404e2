import { MAX_REMEMBERED_NAMES } from '../../shared/contract/displays';

/**
 * The names the console gave to devices (#19), by device id: a rebooted foyer screen keeps its
 * name. `set` is durable when it returns (the settings file is written synchronously) and throws
 * when it cannot be saved, so a rename is acknowledged only once it is kept.
 */
export interface DisplayNameBook {
  get(deviceId: string): string | undefined;
  /** An empty name forgets the device's name. */
  set(deviceId: string, name: string): void;
}

/** The record with `deviceId` set to `name` (or removed for ''), the oldest dropped beyond the cap. */
export function withName(names: Readonly<Record<string, string>>, deviceId: string, name: string): Record<string, string> {
  const next = Object.fromEntries(Object.entries(names).filter(([id]) => id !== deviceId));
  if (name !== '') next[deviceId] = name;
  const ids = Object.keys(next);
  for (const id of ids.slice(0, Math.max(0, ids.length - MAX_REMEMBERED_NAMES))) delete next[id];
  return next;
}

/** A book over one stored record (settings.json `displayNames`, or memory in tests and without a data dir). */
export function nameBook(read: () => Readonly<Record<string, string>>, write: (names: Record<string, string>) => void): DisplayNameBook {
  return {
    get: (deviceId) => (Object.hasOwn(read(), deviceId) ? read()[deviceId] : undefined),
    set: (deviceId, name) => write(withName(read(), deviceId, name)),
  };
}

export function memoryNameBook(): DisplayNameBook {
  let names: Record<string, string> = {};
  return nameBook(
    () => names,
    (next) => {
      names = next;
    },
  );
}
