import type { ImportResponse } from '../../shared/agenda-io/import-types';
import { CONFIRM_RUNNING } from '../../shared/agenda-io/import-types';
import { apiError } from '../../shared/contract/errors';
import type { Role } from '../../shared/contract/roles';
import type { importAgenda as ImportAgenda, ImportOutcome, ImportRequest } from '../agenda-io/import-agenda';
import type { RoomRegistry } from './room-registry';

/** The import pipeline (readers, checks) loads on the first import, not with the server (bench: server RSS). */
const importAgenda: typeof ImportAgenda = async (...args) => (await import('../agenda-io/import-agenda')).importAgenda(...args);

/**
 * An import into `room` (#18). A file without a `room` column fills that room, as before. With one,
 * rows without a room fill `room`, and every other room the file names gets its own rows: all are
 * read and checked first (each room's preview in `byRoom`), and applied only when every room's
 * file is clean (and, for a room whose clock runs, with `confirm=running`). A room the event does
 * not have, or one the caller's token may not act in, refuses the whole import, naming its row.
 */
export async function importIntoRooms(rooms: RoomRegistry, room: string, request: ImportRequest, role: Role | null, mayActIn: (room: string) => boolean): Promise<ImportOutcome> {
  const core = rooms.core(room)!;
  // Each read gets its own copy: the worker takes the bytes it is given.
  const fresh = (filter: { id: string; blank: boolean }, apply: boolean): ImportRequest => ({ ...request, bytes: Buffer.from(request.bytes), apply, room: filter });
  const own = { id: room, blank: true };
  const first = await importAgenda(core, fresh(own, false), role);
  const others = first.response?.rooms?.filter((r) => r.room !== room) ?? [];
  if (!first.ok || first.response === null || others.length === 0) return request.apply && first.ok ? importAgenda(core, fresh(own, true), role) : first;

  const response = first.response;
  for (const other of others) {
    // A spreadsheet's row, or a JSON or YAML file's field (`sessions.1.room`, with its line in YAML).
    const where = other.path ?? `row ${other.row}`;
    if (!rooms.get(other.room)) return { ok: false, error: apiError('invalid', `room: ${where} names the room "${other.room.slice(0, 40)}", which this event does not have (add it first)`, 'room'), response };
    if (!mayActIn(other.room)) return { ok: false, error: apiError('forbidden', `room: ${where} names the room "${other.room}", which this token may not act in`, 'room'), response };
  }
  const byRoom: Record<string, ImportResponse> = {};
  for (const other of others) {
    const preview = await importAgenda(rooms.core(other.room)!, fresh({ id: other.room, blank: false }, false), role);
    if (!preview.ok || preview.response === null) return { ok: false, error: preview.ok ? apiError('internal', 'no preview') : preview.error, response };
    byRoom[other.room] = preview.response;
  }
  const combined: ImportResponse = { ...response, byRoom };
  if (!request.apply) return { ok: true, response: combined };

  // Every room clean, every running room confirmed, before any is changed.
  for (const [id, r] of [[room, response], ...Object.entries(byRoom)] as [string, ImportResponse][]) {
    const problem = r.errors[0];
    if (problem) return { ok: false, error: apiError('invalid', `room "${id}": ${problem.message}`, problem.column ?? 'body'), response: combined };
    if (r.running && request.confirm !== CONFIRM_RUNNING) {
      return { ok: false, error: apiError('invalid', `confirm: the clock of room "${id}" runs; importing stops it and starts a new event there — send confirm=${CONFIRM_RUNNING}`, 'confirm'), response: combined };
    }
  }
  const applied = await importAgenda(core, fresh(own, true), role);
  if (!applied.ok) return { ...applied, response: applied.response && { ...applied.response, byRoom } };
  for (const other of others) {
    const done = await importAgenda(rooms.core(other.room)!, fresh({ id: other.room, blank: false }, true), role);
    if (!done.ok) return { ok: false, error: apiError(done.error.code, `room "${other.room}": ${done.error.message}`, done.error.path), response: { ...applied.response, byRoom } };
    byRoom[other.room] = done.response;
  }
  return { ok: true, response: { ...applied.response, byRoom } };
}
