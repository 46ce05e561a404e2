import { existsSync, renameSync } from 'node:fs';
import type { Agenda } from '../../shared/agenda/agenda-schema';
import type { RoomName } from '../../shared/contract/rooms';
import type { Clock } from '../../shared/time/instant';
import { initialState } from '../engine/initial-state';
import { keepLastGood, lastGoodPath, openState } from '../persistence/load-state';
import { securePrivateDir } from '../persistence/private-files';
import type { StateStore } from '../persistence/state-store';
import { RostrumCore } from '../server/core';
import type { Tokens } from '../server/tokens';
import { settlePendingMove } from './move-item';
import { RoomRegistry } from './room-registry';
import { RoomsFile, roomDir } from './rooms-file';

export interface OpenRoomsOptions {
  dataDir: string;
  main: RostrumCore;
  clock: Clock;
  now: Date;
  openStateStore: (dir: string) => StateStore;
  stateFilePath: (dir: string) => string;
  venueTokens: () => Tokens;
}

/** A new room's agenda: the event's date, zones and languages, no sessions, titled with the room's name. */
export const emptyRoomAgenda = (event: Agenda, name: RoomName): Agenda => ({ ...structuredClone(event), title: name.en, sessions: [], glossary: [] });

/**
 * Opens every room of the data dir (`rooms.json`; none: only `main`). Each room other than `main`
 * reads its own state file (`rooms/<id>/state.json`) through the same store and the same
 * corrupt-file handling as today's (load-state.ts): a corrupt file is moved aside and the room
 * starts from its last good copy, or empty, with a startup warning for that room only.
 */
export function openRooms(o: OpenRoomsOptions): { registry: RoomRegistry; warnings: string[]; started: () => void } {
  const file = new RoomsFile(o.dataDir);
  const loaded = file.load();
  const warnings = loaded.warning ? [loaded.warning] : [];
  const readFromFile: string[] = [];
  const openCore = (id: string, name: RoomName, fresh: boolean): RostrumCore => {
    const dir = roomDir(o.dataDir, id);
    const statePath = o.stateFilePath(dir);
    const privacy = securePrivateDir(dir, [statePath, lastGoodPath(statePath)]);
    const empty = emptyRoomAgenda(o.main.state.agenda, name);
    const opened = fresh ? { store: o.openStateStore(dir), state: initialState(empty), warning: null, fromFile: false } : openState(() => o.openStateStore(dir), statePath, empty, fresh ? new Date(o.clock.now()) : o.now);
    if (opened.state.revision === 0) opened.store.save(opened.state);
    if (opened.fromFile) readFromFile.push(statePath);
    const core = new RostrumCore(opened.state, opened.store, o.clock);
    const roomWarnings = [opened.warning, privacy].filter((w): w is string => w !== null);
    if (roomWarnings.length > 0) {
      core.startupWarning = roomWarnings.map((w) => `Room "${id}": ${w}`).join(' ');
      warnings.push(core.startupWarning);
    }
    return core;
  };
  const registry = new RoomRegistry({ main: o.main, file, saved: loaded.rooms, pendingMove: loaded.pendingMove ?? null, openCore, venueTokens: o.venueTokens });
  // A move between two rooms that a stop interrupted is settled before anyone connects.
  const settled = settlePendingMove(registry);
  if (settled) warnings.push(settled);
  // A removed room's folder is kept, renamed: nothing of its day is lost, and its id is free again.
  registry.onRemoved((room) => {
    const dir = roomDir(o.dataDir, room.info.id);
    if (existsSync(dir)) renameSync(dir, `${dir}.removed-${new Date(o.clock.now()).toISOString().replace(/[:.]/g, '-')}`);
  });
  return {
    registry,
    warnings,
    // Once the start completed: each room's file that was read becomes its last good copy.
    started: () => {
      for (const path of readFromFile.splice(0)) keepLastGood(path);
    },
  };
}
