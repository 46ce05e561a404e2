import { apiError } from '../../shared/contract/errors';
import { oscBodySchema } from '../../shared/contract/osc-schemas';
import { sendError } from '../server/http-util';
import type { Handler, RouteCall } from './route-context';
import { readValidBody } from './valid-body';

/** Without OSC (no OscControl given), its routes are not there. */
const absent = ({ res, url, req }: Pick<RouteCall<'oscStatus'>, 'req' | 'res' | 'url'>) => sendError(res, apiError('not-found', `no route ${req.method ?? 'GET'} ${url.pathname}`));

/** `GET /api/v1/network/osc`, control only (OSC commands act with the control role). */
export const oscStatus: Handler<'oscStatus'> = async (call) => {
  if (call.ctx.osc === undefined) return absent(call);
  call.answer(await call.ctx.osc.status());
};

/** `POST /api/v1/network/osc {on?, port?, allow?, feedback?}`, control only. */
export const oscChange: Handler<'oscChange'> = async (call) => {
  const { req, res, ctx, answer } = call;
  if (ctx.osc === undefined) return absent(call);
  const body = await readValidBody(req, oscBodySchema, 'expected {"on"?, "port"?, "allow"?, "feedback"?}');
  if (!body.ok) return sendError(res, body.error);
  const { on, port, allow, feedback } = body.value;
  const changed = await ctx.osc.update({
    ...(on !== undefined ? { on } : {}),
    ...(port !== undefined ? { port } : {}),
    ...(allow !== undefined ? { allow } : {}),
    ...(feedback !== undefined ? { feedback } : {}),
  });
  if (!changed.ok) sendError(res, apiError('invalid', changed.message, changed.field));
  else answer(changed.status);
};
