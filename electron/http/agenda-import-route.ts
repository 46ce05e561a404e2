import { EVENT_OPTION_KEYS, IMPORT_FORMATS, MAX_IMPORT_BYTES, type EventOptions, type ImportFormat } from '../../shared/agenda-io/import-types';
import { HTTP_STATUS, apiError } from '../../shared/contract/errors';
import { importIntoRooms } from '../rooms/import-rooms';
import { sendError, sendJson } from '../server/http-util';
import { readFileBody } from './read-body';
import type { Handler } from './route-context';

const isFormat = (v: string | null): v is ImportFormat => v !== null && (IMPORT_FORMATS as readonly string[]).includes(v);
const isTrue = (v: string | null) => v === 'true' || v === '1' || v === 'yes';

/**
 * `POST /api/v1/agenda/import?format=csv|xlsx|json|yaml[&apply=true][&confirm=running][&title=…]`
 * (docs/api.md). The body is the file itself. Without `apply` it only answers the preview; a
 * refused apply answers the error with the preview.
 */
export const agendaImport: Handler<'agendaImport'> = async ({ req, res, url, ctx, role, room, mayActIn, answer }) => {
  const query = url.searchParams;
  const format = query.get('format');
  if (!isFormat(format)) {
    req.resume();
    return sendError(res, apiError('invalid', `format: must be one of ${IMPORT_FORMATS.join(', ')}`, 'format'));
  }
  const body = await readFileBody(req, MAX_IMPORT_BYTES);
  if (!body.ok) return sendError(res, body.error);
  const options: EventOptions = {};
  for (const key of EVENT_OPTION_KEYS) {
    const value = query.get(key);
    if (value !== null) options[key] = value;
  }
  // A `room` column (#18) fills the rooms it names; without one, the file fills this room (importAgenda).
  const outcome = await importIntoRooms(ctx.rooms, room, { format, bytes: body.value, options, apply: isTrue(query.get('apply')), confirm: query.get('confirm') }, role, mayActIn);
  if (outcome.ok) answer(outcome.response);
  else if (outcome.response === null) sendError(res, outcome.error);
  else sendJson(res, HTTP_STATUS[outcome.error.code], { error: outcome.error, ...outcome.response });
};
