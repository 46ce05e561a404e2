import fc from 'fast-check';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../shared/contract/state';
import { startServer, type StartedServer } from '../helpers/server-process';
import { connectSocket, sendCommand, type TestSocket } from '../helpers/socket-client';

/**
 * Hostile input (#8): thousands of malformed commands over socket.io and HTTP. Each must be
 * refused as a validation error naming the offending field (never a rate-limit refusal), nothing
 * may change, the server must keep answering, and a valid command must still work afterwards.
 * The seed is printed so a failure can be replayed (FUZZ_SEED=...).
 */
const SOCKET_RUNS = 7_000;
const HTTP_RUNS = 3_000;
const seed = Number(process.env['FUZZ_SEED'] ?? Date.now() % 2 ** 31);

const VALIDATION_CODES = ['invalid', 'unknown-command', 'unknown-item', 'unknown-session', 'too-large'];

/** A valid command, and the field a case corrupts (dotted path). */
const BASES: { command: Record<string, unknown>; field: string; kind: 'id' | 'int' | 'duration' | 'text' | 'bool' | 'enum' }[] = [
  { command: { type: 'goto', itemId: 's1-yoon' }, field: 'itemId', kind: 'id' },
  { command: { type: 'adjust', seconds: 30 }, field: 'seconds', kind: 'int' },
  { command: { type: 'message.speaker', text: 'Please wrap up' }, field: 'text', kind: 'text' },
  { command: { type: 'message.booth', text: 'Slower please' }, field: 'text', kind: 'text' },
  { command: { type: 'message.clear', target: 'speaker' }, field: 'target', kind: 'enum' },
  { command: { type: 'skip', itemId: 's2-tang', skipped: true }, field: 'itemId', kind: 'id' },
  { command: { type: 'skip', itemId: 's2-tang', skipped: true }, field: 'skipped', kind: 'bool' },
  { command: { type: 'item.update', itemId: 's1-wang', patch: { durationSec: 300 } }, field: 'patch.durationSec', kind: 'duration' },
  { command: { type: 'item.update', itemId: 's1-wang', patch: { durationSec: 300 } }, field: 'itemId', kind: 'id' },
  { command: { type: 'item.remove', itemId: 's2-hur' }, field: 'itemId', kind: 'id' },
  { command: { type: 'display.blank', blank: true }, field: 'blank', kind: 'bool' },
];

const deep = (depth: number, leaf: unknown = 1): unknown => {
  let v: unknown = leaf;
  for (let i = 0; i < depth; i += 1) v = i % 2 === 0 ? [v] : { a: v };
  return v;
};
const withKey = (key: string, value: unknown): Record<string, unknown> => JSON.parse(`{${JSON.stringify(key)}:${JSON.stringify(value)}}`) as Record<string, unknown>;

const hugeString = fc.integer({ min: 5_000, max: 100_000 }).map((n) => 'x'.repeat(n));
const notAString = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.integer(), { maxKeys: 3 }));
const notANumber = fc.oneof(fc.string({ maxLength: 20 }), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), fc.constantFrom(1e12, -1e12, 2 ** 53));
const notABool = fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.constant(null), fc.constant([]), fc.constant({}));
const unknownId = fc.stringMatching(/^[a-z][a-z0-9-]{0,30}$/).map((s) => `zz-${s}`);
const deepValue = fc.integer({ min: 50, max: 2_000 }).map((d) => deep(d));

/** A corrupt value for a kind of field. */
function badValue(kind: (typeof BASES)[number]['kind']): fc.Arbitrary<unknown> {
  switch (kind) {
    case 'id':
      return fc.oneof(unknownId, notAString, hugeString, deepValue, fc.constant(''), fc.constant('__proto__'));
    case 'int':
      return fc.oneof(notANumber, deepValue, fc.constant('NaN'), fc.constant('Infinity'));
    case 'duration':
      // null included: a patch removes a duration with "none", and null (what a client's NaN becomes
      // in JSON) must be refused, naming the field, rather than turn a slot into a count-up.
      return fc.oneof(notANumber, fc.integer({ max: -1 }), deepValue, fc.constant('NaN'), fc.constant('Infinity'));
    case 'text':
      return fc.oneof(notAString, hugeString, deepValue, fc.constant('   '), fc.constant(''));
    case 'bool':
      return fc.oneof(notABool, deepValue);
    case 'enum':
      return fc.oneof(fc.string({ maxLength: 30 }).filter((s) => s !== 'speaker' && s !== 'booth'), notAString, hugeString);
  }
}

const setPath = (obj: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> => {
  const copy = structuredClone(obj);
  const parts = path.split('.');
  let at: Record<string, unknown> = copy;
  for (const p of parts.slice(0, -1)) at = at[p] as Record<string, unknown>;
  at[parts.at(-1)!] = value;
  return copy;
};

interface Case {
  command: unknown;
  /** The path the refusal must name ('' for a command that is not an object at all). */
  path: string;
}

const caseArb: fc.Arbitrary<Case> = fc.oneof(
  // A corrupt field.
  { weight: 6, arbitrary: fc.constantFrom(...BASES).chain((b) => badValue(b.kind).map((v) => ({ command: setPath(b.command, b.field, v), path: b.field }))) },
  // Prototype-pollution and unknown keys, on the command or inside a nested object.
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom('__proto__', 'constructor', 'prototype', 'isAdmin'), fc.oneof(fc.constant({ polluted: true }), fc.integer(), deepValue), fc.boolean())
      .map(([key, value, nested]) =>
        nested
          ? { command: { type: 'item.update', itemId: 's1-wang', patch: { durationSec: 300, ...withKey(key, value) } }, path: `patch.${key}` }
          : { command: { type: 'message.speaker', text: 'hello', ...withKey(key, value) }, path: key },
      ),
  },
  // Unknown or wrong command types.
  { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 40 }), fc.integer(), fc.constant(null), fc.constant('__proto__'), fc.constant('constructor')).map((t) => ({ command: { type: t, itemId: 'open-cao' }, path: 'type' })) },
  // Not an object at all.
  { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 40 }), fc.integer(), fc.constant(null), fc.array(fc.integer(), { maxLength: 5 }), deepValue).map((c) => ({ command: c, path: '' })) },
);

describe('fuzz: hostile commands', () => {
  let server: StartedServer;
  let socket: TestSocket;
  let start: Snapshot;
  const patches: number[] = [];

  beforeAll(async () => {
    console.log(`fuzz seed ${seed} (replay with FUZZ_SEED=${seed})`);
    // A high limit: this test is about validation, not the rate limiter (which is tested elsewhere).
    server = await startServer({ args: ['--rate-limit', '1000000'] });
    const connected = await connectSocket(server.url, server.tokens.control);
    socket = connected.socket;
    start = connected.snapshot;
    socket.on('state:patch', (p) => patches.push(p.revision));
  });
  afterAll(async () => {
    socket?.close();
    await server?.stop();
  });

  const currentState = async (): Promise<Snapshot> => (await (await fetch(`${server.url}/api/v1/state`)).json()) as Snapshot;
  const expectUnchanged = async () => {
    const now = await currentState();
    expect(now.revision).toBe(start.revision);
    expect(now.agenda).toEqual(start.agenda);
    expect(patches).toEqual([]);
  };

  const checkRefusal = (c: Case, ack: { ok?: boolean; error?: { code: string; path: string; message: string } }) => {
    expect(ack.ok, JSON.stringify(c.command)?.slice(0, 200)).not.toBe(true);
    expect(VALIDATION_CODES, `code for ${JSON.stringify(c.command)?.slice(0, 200)}: ${ack.error?.message}`).toContain(ack.error?.code);
    if (c.path !== '') {
      expect(ack.error?.path.split('.')[0], `path for ${JSON.stringify(c.command)?.slice(0, 200)}: ${ack.error?.message}`).toBe(c.path.split('.')[0]);
      expect(ack.error?.path.startsWith(c.path), `path ${ack.error?.path} names ${c.path}`).toBe(true);
    }
  };

  it(`refuses ${SOCKET_RUNS} hostile commands over socket.io, each naming its field, changing nothing`, async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        runs += 1;
        const ack = await sendCommand(socket, c.command as Record<string, unknown>);
        checkRefusal(c, ack as never);
        if (runs % 1000 === 0) await expectUnchanged();
      }),
      { numRuns: SOCKET_RUNS, seed },
    );
    await expectUnchanged();
  }, 60_000);

  it(`refuses ${HTTP_RUNS} hostile bodies over HTTP, including NaN, Infinity and 100,000-deep JSON`, async () => {
    const rawCase: fc.Arbitrary<{ body: string; path: string }> = fc.oneof(
      { weight: 8, arbitrary: caseArb.map((c) => ({ body: JSON.stringify(c.command), path: c.path })) },
      // Infinity survives JSON.parse as 1e999; NaN is not JSON at all.
      { weight: 1, arbitrary: fc.constantFrom('1e999', '-1e999', 'NaN', 'Infinity').map((n) => ({ body: `{"type":"adjust","seconds":${n}}`, path: n.includes('e999') ? 'seconds' : 'body' })) },
      { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 100_000 }).map((d) => ({ body: `{"type":"item.update","itemId":"s1-wang","patch":{"durationSec":${'['.repeat(d)}${']'.repeat(d)}}}`, path: 'patch.durationSec' })) },
    );
    await fc.assert(
      fc.asyncProperty(rawCase, async (c) => {
        const res = await fetch(`${server.url}/api/v1/commands`, {
          method: 'POST',
          headers: { authorization: `Bearer ${server.tokens.control}`, 'content-type': 'application/json' },
          body: c.body,
        });
        const body = (await res.json()) as { ok?: boolean; error: { code: string; path: string; message: string } };
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        checkRefusal({ command: c.body, path: c.path }, body);
      }),
      { numRuns: HTTP_RUNS, seed },
    );
    await expectUnchanged();
  }, 60_000);

  it('refuses a body over the size limit as too-large, and still works afterwards', async () => {
    const res = await fetch(`${server.url}/api/v1/commands`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.tokens.control}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message.speaker', text: 'x'.repeat(3 * 1024 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string; path: string } }).error).toMatchObject({ code: 'too-large', path: 'body' });
    await expectUnchanged();
  });

  it('survives 200,000-deep raw socket.io packets (JSON and binary-event framing) without crashing or hanging', async () => {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
    const messages: string[] = [];
    const waiters: { prefix: string; resolve: (m: string) => void }[] = [];
    let closed = false;
    const closedP = new Promise<void>((r) => ws.once('close', () => ((closed = true), r())));
    ws.on('message', (data: Buffer) => {
      const m = data.toString();
      messages.push(m);
      for (const w of waiters.splice(0)) if (m.startsWith(w.prefix)) w.resolve(m);
      else waiters.push(w);
    });
    const next = (prefix: string) => new Promise<string>((resolve) => {
      const seen = messages.find((m) => m.startsWith(prefix));
      if (seen) resolve(seen);
      else waiters.push({ prefix, resolve });
    });
    await new Promise((r) => ws.once('open', r));
    ws.send(`40${JSON.stringify({ token: server.tokens.control })}`);
    await next('40');
    const depth = 200_000;
    ws.send(`420["command",${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}]`);
    const ack = JSON.parse((await next('430')).slice(3)) as [{ ok: boolean; error: { code: string; path: string } }];
    expect(ack[0]).toMatchObject({ ok: false, error: { code: 'unknown-command', path: 'type' } });
    // A binary-event packet is rebuilt recursively by socket.io's parser: the connection may be dropped, the server must live.
    ws.send(`451-["command",${'['.repeat(depth)}${']'.repeat(depth)}]`);
    ws.send('421["time:ping",0]');
    await Promise.race([next('431'), closedP]);
    if (!closed) ws.close();
    const health = await fetch(`${server.url}/api/v1/health`);
    expect(health.status).toBe(200);
    expect(server.process.exitCode).toBeNull();
    await expectUnchanged();
  });

  it('still accepts a valid command on the same socket and over HTTP afterwards', async () => {
    const ack = await sendCommand(socket, { type: 'message.speaker', text: 'Still alive' });
    expect(ack).toMatchObject({ ok: true, revision: start.revision + 1 });
    const res = await fetch(`${server.url}/api/v1/commands`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.tokens.control}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'adjust', seconds: 30 }),
    });
    expect(res.status).toBe(200);
    const now = await currentState();
    expect(now.revision).toBe(start.revision + 2);
    expect(now.messages.speaker?.text).toBe('Still alive');
    expect(server.process.exitCode).toBeNull();
  });
});
