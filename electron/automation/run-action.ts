import type { Socket } from 'node:dgram';
import { isIPv6 } from 'node:net';
import { Message, encode } from 'node-osc';
import { fillTemplate, type TemplateValues } from '../../shared/automation/templates';
import type { HttpAction, LowerThirdAction, MessageAction, OscAction, OscArg, RuleAction } from '../../shared/contract/automation';
import type { RostrumCore } from '../server/core';
import { oscNumber } from '../osc/osc-feedback';

/** What an action needs to run: its filled-in values, the core (speaker messages), the UDP sockets. */
export interface ActionContext {
  values: TemplateValues;
  core: RostrumCore;
  udp: (ipv6: boolean) => Socket;
  signal: AbortSignal;
}

type OscValue = string | number | { type: 'integer' | 'float' | 'string'; value: string | number };

function oscArg(arg: OscArg, values: TemplateValues, index: number): OscValue {
  if (typeof arg === 'number') return oscNumber(arg);
  if (typeof arg === 'string') return fillTemplate(arg, values);
  const raw = typeof arg.value === 'string' ? fillTemplate(arg.value, values) : arg.value;
  if (arg.type === 'string') return { type: 'string', value: String(raw) };
  const n = typeof raw === 'number' ? raw : raw.trim() === '' ? NaN : Number(raw);
  if (!Number.isFinite(n)) throw new Error(`args.${index}: ${JSON.stringify(raw)} is not a number`);
  return arg.type === 'int' ? { type: 'integer', value: oscNumber(Math.round(n)) } : { type: 'float', value: n };
}

function runOsc(a: OscAction, c: ActionContext): Promise<void> {
  const message = new Message(fillTemplate(a.address, c.values));
  (a.args ?? []).forEach((arg, i) => message.append(oscArg(arg, c.values, i)));
  const packet = encode(message);
  return new Promise((resolve, reject) => c.udp(isIPv6(a.host)).send(packet, a.port, a.host, (error) => (error ? reject(error) : resolve())));
}

/** Whether a body is sent as JSON (it parses as JSON) or as plain text. */
const contentTypeOf = (body: string): string => {
  try {
    JSON.parse(body);
    return 'application/json';
  } catch {
    return 'text/plain; charset=utf-8';
  }
};

async function runHttp(a: HttpAction, c: ActionContext): Promise<void> {
  // Values in the URL are URL-encoded; the host is fixed (checked when the rule was saved).
  const url = fillTemplate(a.url, c.values, encodeURIComponent);
  const body = a.method === 'POST' ? fillTemplate(a.body ?? '', c.values) : undefined;
  const where = `${a.method} ${new URL(url).origin}${new URL(url).pathname}`;
  let res: Response;
  try {
    res = await fetch(url, {
      method: a.method,
      signal: c.signal,
      // A redirect could lead to a host the allow list does not name: it is an answer, not followed.
      redirect: 'manual',
      ...(body !== undefined ? { body, headers: { 'content-type': contentTypeOf(body) } } : {}),
    });
  } catch (error) {
    // fetch says only "fetch failed"; the cause says why (ECONNREFUSED, ENOTFOUND, …).
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new Error(`${where}: ${cause?.code ?? cause?.message ?? (error as Error).message}`, { cause: error });
  }
  await res.body?.cancel();
  if (res.status >= 400) throw new Error(`${where} answered HTTP ${res.status}`);
}

async function runMessage(a: MessageAction, c: ActionContext): Promise<void> {
  const text = fillTemplate(a.text, c.values).slice(0, 500);
  const ack = c.core.execute({ type: 'message.speaker', text, flash: false }, 'control');
  if (!ack.ok) throw new Error(`the speaker message was refused: ${ack.error.message}`);
}

async function runLowerThird(a: LowerThirdAction, c: ActionContext): Promise<void> {
  const ack = c.core.execute({ type: a.show ? 'lowerThird.show' : 'lowerThird.hide' }, 'control');
  if (!ack.ok) throw new Error(`lowerThird.${a.show ? 'show' : 'hide'} was refused: ${ack.error.message}`);
}

/** One runner per action type (the compiler asks for a new type's runner). */
const RUNNERS: { [K in RuleAction['type']]: (a: Extract<RuleAction, { type: K }>, c: ActionContext) => Promise<void> } = {
  osc: runOsc,
  http: runHttp,
  message: runMessage,
  lowerThird: runLowerThird,
};

export const runAction = (action: RuleAction, c: ActionContext): Promise<void> => (RUNNERS[action.type] as (a: RuleAction, c: ActionContext) => Promise<void>)(action, c);

/** The queue lane of an action: its target, so a hanging one holds up only itself. */
export function laneOf(action: RuleAction): string {
  if (action.type === 'osc') return `osc ${action.host}:${action.port}`;
  if (action.type === 'http') return `http ${new URL(action.url.replace(/\{\{[^{}]*\}\}/g, 'x')).host}`;
  return action.type;
}
