import { TRIGGER_PREFIX } from '../../shared/contract/http-routes';
import { apiError } from '../../shared/contract/errors';
import { AUX_VERBS, commandFor, type AuxVerb, type Intent } from '../../shared/control/command-for';
import { controlSummary } from '../server/control-actions';
import { sendError, sendJson } from '../server/http-util';
import type { Handler } from './route-context';

type Parsed = { ok: true; action: Intent } | { ok: false; message: string };

/** `start`, `goto/abc`, `adjust/-30`, `hold`, `release/<sessionId>`… → an action; query: expected, text, flash. */
export function parseTrigger(rest: string, query: URLSearchParams): Parsed | null {
  const parts = rest.split('/').map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  const expected = query.get('expected') ?? undefined;
  const e = expected === undefined || expected === '' ? {} : { expected };
  const [name, arg, extra] = parts;
  if (name === 'aux') return parseAux(arg, extra, parts.length);
  if (extra !== undefined) return null;
  switch (name) {
    case 'start':
    case 'pause':
    case 'toggle':
    case 'next':
    case 'previous':
      return arg === undefined ? { ok: true, action: { kind: name, ...e } } : null;
    case 'goto':
      return arg ? { ok: true, action: { kind: 'goto', itemId: arg, ...e } } : null;
    case 'goto-index': {
      if (!arg) return null;
      if (!/^\d{1,6}$/.test(arg)) return { ok: false, message: `index: "${arg}" is not a whole number from 1` };
      return { ok: true, action: { kind: 'goto-index', index: Number(arg), ...e } };
    }
    case 'adjust': {
      if (!arg) return null;
      if (!/^[+-]?\d{1,6}$/.test(arg)) return { ok: false, message: `seconds: "${arg}" is not a whole number of seconds` };
      return { ok: true, action: { kind: 'adjust', seconds: Number(arg), ...e } };
    }
    case 'message':
      if (arg === 'speaker') {
        const flash = query.get('flash');
        return { ok: true, action: { kind: 'message.speaker', text: query.get('text') ?? '', flash: flash === '1' || flash === 'true' } };
      }
      if (arg === 'clear') return { ok: true, action: { kind: 'message.clear' } };
      return null;
    case 'lower-third':
      if (arg === 'show' || arg === 'hide') return { ok: true, action: { kind: `lower-third.${arg}` } };
      return null;
    case 'hold':
    case 'release':
      // `hold` / `release`: the session waiting to start by itself (or the held one); `hold/<sessionId>` names it.
      return { ok: true, action: { kind: name, ...(arg ? { sessionId: arg } : {}) } };
    default:
      return null;
  }
}

/** `aux/start/1`, `aux/pause/2`, `aux/reset/1`: an extra timer. */
function parseAux(verb: string | undefined, id: string | undefined, count: number): Parsed | null {
  if (count !== 3 || !(AUX_VERBS as readonly (string | undefined)[]).includes(verb)) return null;
  if (id !== '1' && id !== '2') return { ok: false, message: `timerId: "${id ?? ''}" is not 1 or 2` };
  return { ok: true, action: { kind: 'aux', verb: verb as AuxVerb, timerId: id === '1' ? 1 : 2 } };
}

/**
 * `GET|POST /api/v1/trigger/...` for hardware controllers that can only call a URL
 * (docs/control.md), with the control token (route-table.ts checked it). Every trigger goes
 * through `core.execute` like any other command.
 */
export const trigger: Handler<'trigger'> = ({ req, res, url, ctx, role }) => {
  req.resume(); // a POST body, if any, is not used
  const parsed = parseTrigger(url.pathname.slice(TRIGGER_PREFIX.length), url.searchParams);
  if (parsed === null) return sendError(res, apiError('not-found', `no trigger ${url.pathname}`));
  if (!parsed.ok) return sendError(res, apiError('invalid', parsed.message));
  const built = commandFor(parsed.action, ctx.core.state);
  if (!built.ok) return sendError(res, built.error);
  const ack = ctx.core.execute(built.command, role);
  if (!ack.ok) return sendError(res, ack.error);
  const summary = controlSummary(ctx.core.state, ctx.core.clock.now());
  sendJson(res, 200, {
    ok: true,
    revision: ack.revision,
    status: summary.status,
    current: summary.current,
    remaining: summary.remaining,
  });
};
