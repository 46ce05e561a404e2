import { summaryOf } from '../../shared/agenda-io/agenda-checks';
import { problemCount } from '../../shared/agenda-io/problems';
import {
  CONFIRM_RUNNING,
  EVENT_OPTION_KEYS,
  IMPORT_FORMATS,
  MAX_IMPORT_BYTES,
  type EventOptions,
  type ImportFormat,
  type ImportResponse,
} from '../../shared/agenda-io/import-types';
import { HTTP_STATUS, apiError, type ApiError } from '../../shared/contract/errors';
import { dateNotTodayWarning } from '../../shared/agenda-io/date-warning';
import { readImportQueued } from '../agenda-io/parse-in-worker';
import { sendError, sendJson } from '../server/http-util';
import { readFileBody } from './read-body';
import type { Handler } from './route-context';

const isFormat = (v: string | null): v is ImportFormat => v !== null && (IMPORT_FORMATS as readonly string[]).includes(v);
const isTrue = (v: string | null) => v === 'true' || v === '1' || v === 'yes';

/**
 * `POST /api/v1/agenda/import?format=csv|xlsx|json|yaml[&apply=true][&confirm=running][&title=…]`
 * (docs/api.md). The body is the file itself. Without `apply` it only answers the preview; with it,
 * a file without errors replaces the agenda through the engine's `agenda.replace`, like any command.
 */
export const agendaImport: Handler<'agendaImport'> = async ({ req, res, url, ctx, role, answer }) => {
  const query = url.searchParams;
  const core = ctx.core;
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
  // Read in a worker, one file at a time: the server goes on serving every other client meanwhile.
  const reading = readImportQueued({ format, bytes: body.value, options, current: core.state.agenda });
  if (reading === null) return sendError(res, apiError('rate-limited', 'body: other files are being read; send this one again in a few seconds', 'body'));
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
  };
  if (!isTrue(query.get('apply'))) return answer(response);

  const refuse = (error: ApiError) => sendJson(res, HTTP_STATUS[error.code], { error, ...response });
  const first = outcome.errors[0];
  if (first || outcome.agenda === null) {
    const count = problemCount(outcome.errors);
    const more = count > 1 ? ` (and ${(count - 1).toLocaleString('en')} more)` : '';
    return refuse(apiError('invalid', `${first?.message ?? 'the file has errors'}${more}`, first?.column ?? 'body'));
  }
  if (response.running && query.get('confirm') !== CONFIRM_RUNNING) {
    return refuse(apiError('invalid', `confirm: an item is ${state.clock.status}; importing stops the clock and starts a new event — send confirm=${CONFIRM_RUNNING}`, 'confirm'));
  }
  const ack = core.execute({ type: 'agenda.replace', agenda: outcome.agenda }, role);
  if (!ack.ok) return refuse(ack.error);
  answer({ ...response, applied: true, revision: ack.revision });
};
