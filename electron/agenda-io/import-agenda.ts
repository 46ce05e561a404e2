import { summaryOf } from '../../shared/agenda-io/agenda-checks';
import { dateNotTodayWarning } from '../../shared/agenda-io/date-warning';
import { CONFIRM_RUNNING, type EventOptions, type ImportFormat, type ImportResponse } from '../../shared/agenda-io/import-types';
import { problemCount } from '../../shared/agenda-io/problems';
import { apiError, type ApiError } from '../../shared/contract/errors';
import type { Role } from '../../shared/contract/roles';
import type { RostrumCore } from '../server/core';
import { readImportQueued } from './parse-in-worker';
import type { RoomFilter } from '../../shared/agenda-io/room-column';

export interface ImportRequest {
  format: ImportFormat;
  bytes: Buffer;
  options: EventOptions;
  /** Replace the agenda (otherwise only the preview). */
  apply: boolean;
  /** `confirm=running`: the caller knows an item is running or paused. */
  confirm: string | null;
  /** Rooms (#18): which rows of a `room` column to read (electron/rooms/import-rooms.ts). */
  room?: RoomFilter;
}

/** The preview (and, applied, the new revision); a refusal carries the preview when there is one. */
export type ImportOutcome = { ok: true; response: ImportResponse } | { ok: false; error: ApiError; response: ImportResponse | null };

/**
 * Reads an agenda file and, asked to, imports it: what `POST /api/v1/agenda/import` and the shell's
 * File ▸ Import agenda… both do. A file without errors replaces the agenda through the engine's
 * `agenda.replace`, like any command.
 */
export async function importAgenda(core: RostrumCore, request: ImportRequest, role: Role | null): Promise<ImportOutcome> {
  const { format, bytes, options } = request;
  // Read in a worker, one file at a time: the server goes on serving every other client meanwhile.
  const reading = readImportQueued({ format, bytes, options, current: core.state.agenda, ...(request.room ? { room: request.room } : {}) });
  if (reading === null) return { ok: false, error: apiError('rate-limited', 'body: other files are being read; send this one again in a few seconds', 'body'), response: null };
  const read = await reading;
  const today = read.agenda ? dateNotTodayWarning(read.agenda, core.clock.now()) : null;
  const outcome = today ? { ...read, warnings: [today, ...read.warnings] } : read;

  // Read the state only now: the file was read asynchronously, and the clock may have moved.
  const state = core.state;
  const response: ImportResponse = {
    ok: outcome.errors.length === 0,
    applied: false,
    revision: null,
    format,
    agenda: outcome.agenda,
    summary: outcome.agenda ? summaryOf(outcome.agenda) : null,
    errors: outcome.errors,
    warnings: outcome.warnings,
    running: state.clock.status === 'running' || state.clock.status === 'paused',
    recordedItems: Object.values(state.report).filter((r) => r.actualStart !== null).length,
    ...(outcome.rooms ? { rooms: outcome.rooms } : {}),
  };
  if (!request.apply) return { ok: true, response };

  const refuse = (error: ApiError): ImportOutcome => ({ ok: false, error, response });
  const first = outcome.errors[0];
  if (first || outcome.agenda === null) {
    const count = problemCount(outcome.errors);
    const more = count > 1 ? ` (and ${(count - 1).toLocaleString('en')} more)` : '';
    return refuse(apiError('invalid', `${first?.message ?? 'the file has errors'}${more}`, first?.column ?? 'body'));
  }
  if (response.running && request.confirm !== CONFIRM_RUNNING) {
    return refuse(apiError('invalid', `confirm: an item is ${state.clock.status}; importing stops the clock and starts a new event — send confirm=${CONFIRM_RUNNING}`, 'confirm'));
  }
  const ack = core.execute({ type: 'agenda.replace', agenda: outcome.agenda }, role);
  if (!ack.ok) return refuse(ack.error);
  return { ok: true, response: { ...response, applied: true, revision: ack.revision } };
}
