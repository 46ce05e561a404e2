import { makeSnapshot, startupWarningFor } from '../server/snapshot';
import { sendError } from '../server/http-util';
import { readJsonBody } from './read-body';
import type { Handler } from './route-context';

/** `GET /api/v1/health`: anyone may ask whether the server is up. */
export const health: Handler<'health'> = ({ ctx, answer }) =>
  answer({ ok: true, name: 'rostrum', version: ctx.version, revision: ctx.core.state.revision, serverTime: ctx.core.clock.now() });

/** `GET /api/v1/state`: the snapshot a view starts from. */
export const state: Handler<'state'> = ({ ctx, role, answer }) => answer(makeSnapshot(ctx.core.state, ctx.core.clock.now(), startupWarningFor(ctx.core, role)));

/** `POST /api/v1/commands`: any command, with the caller's role, through the core's one command path. */
export const commands: Handler<'commands'> = async ({ req, res, ctx, role, answer }) => {
  const body = await readJsonBody(req);
  if (!body.ok) return sendError(res, body.error);
  const ack = ctx.core.execute(body.value, role);
  if (ack.ok) answer(ack);
  else sendError(res, ack.error);
};
