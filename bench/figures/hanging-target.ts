import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BenchRow } from '../lib/result';
import { startBenchServer } from '../lib/server';
import { ms, summary } from '../lib/stats';
import { PAUSE_RESUME, openFanout } from './fanout';

const CLIENTS = 50;
const COMMANDS = 200;
const HANG_MS = 30_000;

/** An HTTP target that takes every request and answers only after 30 s (a frozen vMix, a dead webhook). */
async function hangingTarget(): Promise<{ url: string; close(): Promise<void> }> {
  const held = new Set<ServerResponse>();
  const server = createServer((_req, res) => {
    held.add(res);
    setTimeout(() => {
      held.delete(res);
      res.end();
    }, HANG_MS).unref();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((r) => {
        for (const res of held) res.destroy();
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** Pause/resume fan-out to N clients, with the given automation rules in force. */
async function fanoutWithRules(rules: object[]): Promise<number[]> {
  const server = await startBenchServer();
  const put = await fetch(`${server.url}/api/v1/automations`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${server.tokens.control}`, 'content-type': 'application/json' },
    body: JSON.stringify({ rules }),
  });
  if (!put.ok) throw new Error(`PUT /api/v1/automations: ${put.status} ${await put.text()}`);
  const session = await openFanout(server, CLIENTS);
  const samples: number[] = [];
  try {
    for (const command of PAUSE_RESUME.prepare) await session.time(command);
    for (let i = 0; i < COMMANDS + 10; i += 1) {
      const delays = await session.time(PAUSE_RESUME.command(i));
      if (i >= 10) samples.push(...delays);
      await new Promise((r) => setTimeout(r, PAUSE_RESUME.gapMs));
    }
  } finally {
    session.close();
    await server.stop();
  }
  return samples;
}

/**
 * Issue 20: a rule whose target hangs for 30 s must not slow the other clients. The same
 * pause/resume fan-out (N = 50, HTTP commands 50 ms apart) without rules, then with an HTTP and an
 * OSC rule on every pause and resume whose HTTP target holds each request for 30 s: the p99 of
 * the clients' updates may grow by at most 5 ms.
 */
export async function hangingTargetRows(): Promise<BenchRow[]> {
  const target = await hangingTarget();
  try {
    const base = summary(await fanoutWithRules([]));
    const rules = ['item.paused', 'item.resumed'].flatMap((when) => [
      { id: `${when}-http`, enabled: true, when, then: { type: 'http', method: 'POST', url: `${target.url}/hook`, body: '{"item":"{{item.id}}"}' } },
      // A UDP port nobody listens on: sent and forgotten.
      { id: `${when}-osc`, enabled: true, when, then: { type: 'osc', host: '127.0.0.1', port: 9, address: '/rostrum/{{trigger}}', args: ['{{item.speaker}}'] } },
    ]);
    const hung = summary(await fanoutWithRules(rules));
    const delta = hung.p99 - base.p99;
    return [
      {
        figure: `automation target hanging 30 s: fan-out p99 without / with the rules (N = ${CLIENTS}, pause/resume, ${hung.n} samples)`,
        target: 'p99 grows ≤ 5 ms',
        measured: `${ms(base.p99)} / ${ms(hung.p99)} (Δ ${ms(delta)})`,
        pass: delta <= 5,
      },
    ];
  } finally {
    await target.close();
  }
}
