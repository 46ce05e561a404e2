import { apiError } from '../../shared/contract/errors';
import { automationsBodySchema, automationTestBodySchema } from '../../shared/contract/automation-schemas';
import { sendError } from '../server/http-util';
import type { Handler, RouteCall } from './route-context';
import { readValidBody } from './valid-body';

/** Without automations (none given to the server), their routes are not there. */
const absent = ({ res, url, req }: Pick<RouteCall<'automations'>, 'req' | 'res' | 'url'>) => sendError(res, apiError('not-found', `no route ${req.method ?? 'GET'} ${url.pathname}`));

/** `GET /api/v1/automations`, control only: the rules, the allow list and how each rule last went. */
export const automations: Handler<'automations'> = (call) => {
  if (call.ctx.automations === undefined) return absent(call);
  call.answer(call.ctx.automations.answer());
};

/** `PUT /api/v1/automations {rules, allow?}`, control only: saved in settings.json before the answer. */
export const automationsReplace: Handler<'automationsReplace'> = async (call) => {
  const { req, res, ctx, answer } = call;
  if (ctx.automations === undefined) return absent(call);
  const body = await readValidBody(req, automationsBodySchema, 'expected {"rules": [ … ], "allow"?: [ … ]}');
  if (!body.ok) return sendError(res, body.error);
  const { rules, allow } = body.value;
  const replaced = await ctx.automations.replace({ rules, ...(allow !== undefined ? { allow } : {}) });
  if (!replaced.ok) sendError(res, replaced.error);
  else answer(replaced.answer);
};

/** `POST /api/v1/automations/test {rule}`, control only: fires it now and answers how it went. */
export const automationsTest: Handler<'automationsTest'> = async (call) => {
  const { req, res, ctx, answer } = call;
  if (ctx.automations === undefined) return absent(call);
  const body = await readValidBody(req, automationTestBodySchema, 'expected {"rule": { … }}');
  if (!body.ok) return sendError(res, body.error);
  answer(await ctx.automations.test(body.value.rule));
};
