/**
 * A separate process that plays the misbehaving client: on each `go` it opens a fresh bare
 * socket.io connection — a websocket (bench/lib/raw-socket-client.ts) or long-polling — and sends
 * `count` messages as fast as it can (valid commands and `time:ping`s, every one asking for an ack;
 * over polling, all in one POST), then reports how they were answered. A separate process, so its
 * CPU does not skew the parent's timing.
 */
import { connectRaw } from './raw-socket-client';

export type FloodTransport = 'websocket' | 'polling';

const [url, token, countArg] = process.argv.slice(2);
const count = Number(countArg);
const now = () => Number(process.hrtime.bigint()) / 1e6;

export interface FloodReport {
  type: 'done';
  transport: FloodTransport;
  sent: number;
  answered: number;
  /** Time until the last answer arrived, from the first send. */
  answeredMs: number;
  accepted: number;
  /** Refusals by error code, with one message of each. */
  refused: Record<string, { count: number; message: string }>;
}

const message = (i: number) => (i % 2 === 0 ? `42${i + 1}["command",{"type":"adjust","seconds":1}]` : `42${i + 1}["time:ping",${Date.now()}]`);

function tally(transport: FloodTransport) {
  const report: FloodReport = { type: 'done', transport, sent: count, answered: 0, answeredMs: 0, accepted: 0, refused: {} };
  /** Counts one frame if it is an ack; true once every message is answered. */
  const take = (frame: string): boolean => {
    const m = /^43\d+\[(.*)\]$/s.exec(frame);
    if (!m) return false;
    const ack = JSON.parse(m[1]!) as { error?: { code: string; message: string } };
    report.answered += 1;
    if (ack.error) (report.refused[ack.error.code] ??= { count: 0, message: ack.error.message }).count += 1;
    else report.accepted += 1;
    return report.answered === count;
  };
  return { report, take };
}

async function floodWebsocket(): Promise<FloodReport> {
  const client = await connectRaw(url!, {}, token);
  const { report, take } = tally('websocket');
  const t0 = now();
  const done = new Promise<void>((resolve) => {
    client.ws.on('message', (data) => {
      if (take(data.toString())) resolve();
    });
    // Dropped by the server: what was answered so far is the report.
    client.ws.once('close', () => resolve());
  });
  for (let i = 0; i < count; i += 1) client.ws.send(message(i));
  await done;
  report.answeredMs = now() - t0;
  client.close();
  return report;
}

async function floodPolling(): Promise<FloodReport> {
  const base = `${url!}/socket.io/?EIO=4&transport=polling`;
  const sid = /"sid":"([^"]+)"/.exec(await (await fetch(base)).text())?.[1];
  if (!sid) throw new Error('no polling session');
  const session = `${base}&sid=${sid}`;
  await fetch(session, { method: 'POST', body: `40${JSON.stringify({ token })}` });
  await (await fetch(session)).text();
  const { report, take } = tally('polling');
  const t0 = now();
  const payload = Array.from({ length: count }, (_, i) => message(i)).join('\x1e');
  await fetch(session, { method: 'POST', body: payload });
  let done = false;
  while (!done) {
    const res = await fetch(session);
    if (!res.ok) break;
    for (const frame of (await res.text()).split('\x1e')) done = take(frame) || done;
  }
  report.answeredMs = now() - t0;
  await fetch(session, { method: 'POST', body: '1' }); // engine.io close
  return report;
}

process.on('message', (msg: { type: string; transport?: FloodTransport }) => {
  if (msg.type === 'go') void (msg.transport === 'polling' ? floodPolling() : floodWebsocket()).then((report) => process.send!(report));
  if (msg.type === 'stop') process.exit(0);
});
process.send!({ type: 'ready' });
