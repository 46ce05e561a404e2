import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTH_REQUEST_KINDS } from '../../shared/contract/presets';
import { COMMAND_TYPES } from '../../shared/contract/commands';
import { apiClient } from '../helpers/api-client';
import { linkedStatus, relayHoldsVenue, startRelay, tokenOf, type StartedRelay } from '../helpers/relay-process';
import { startServer, type StartedServer } from '../helpers/server-process';
import { connectSocket, sendCommand, type TestSocket } from '../helpers/socket-client';

/**
 * Hostile input (#8) against the relay (#17): malformed commands from a remote booth link, over
 * socket.io and HTTP, through a real relay to a real venue. Each must come back refused as a
 * validation error (the venue's core checks them), nothing may change at the venue, and relay and
 * venue must keep answering. Junk on the other viewer events must not break the relay either.
 */
const SOCKET_RUNS = 1_500;
const HTTP_RUNS = 500;
const seed = Number(process.env['FUZZ_SEED'] ?? Date.now() % 2 ** 31);
const REFUSALS = ['invalid', 'unknown-command', 'too-large'];

const notAString = fc.oneof(fc.integer(), fc.constant(null), fc.boolean(), fc.array(fc.integer(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }));
const commandArb: fc.Arbitrary<unknown> = fc.oneof(
  // A booth request with a wrong kind or booth.
  fc.oneof(notAString, fc.string({ maxLength: 20 }).filter((k) => !(BOOTH_REQUEST_KINDS as readonly string[]).includes(k))).map((kind) => ({ type: 'booth.request', booth: 'Remote', kind })),
  fc.oneof(notAString, fc.constant(''), fc.string({ minLength: 41, maxLength: 80 }).filter((s) => s.trim().length > 40)).map((booth) => ({ type: 'booth.request', booth, kind: 'slow-down' })),
  // A turn length out of range or not whole seconds.
  fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 7201 }), fc.double({ min: 1.01, max: 7199, noInteger: true, noNaN: true }), fc.constant(null), fc.boolean(), fc.string({ maxLength: 5 })).map((turnSec) => ({ type: 'booth.turn.length', booth: 'Remote', turnSec })),
  // Unknown types, extra fields, not an object.
  fc.string({ maxLength: 30 }).filter((t) => !(COMMAND_TYPES as readonly string[]).includes(t)).map((type) => ({ type })),
  fc.string({ minLength: 1, maxLength: 10 }).filter((k) => !['type', 'booth', 'kind', 'text'].includes(k)).map((key) => ({ type: 'booth.request', booth: 'Remote', kind: 'slow-down', [key]: 1 })),
  fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.constant(null), fc.array(fc.integer(), { maxLength: 4 })),
);

describe('fuzz: hostile commands through a relay', () => {
  let relay: StartedRelay;
  let venue: StartedServer;
  let booth: string;
  let socket: TestSocket;
  let revision: number;

  beforeAll(async () => {
    console.log(`relay fuzz seed ${seed} (replay with FUZZ_SEED=${seed})`);
    relay = await startRelay({ args: ['--rate-limit', '1000000'] });
    venue = await startServer({ args: ['--rate-limit', '1000000', '--relay', relay.url, '--relay-key', relay.key] });
    const status = await linkedStatus(venue);
    await relayHoldsVenue(relay.url);
    booth = tokenOf(status.links!.booth);
    socket = (await connectSocket(relay.url, booth)).socket;
    revision = (await apiClient(venue.url, venue.tokens.control).state()).revision;
  });
  afterAll(async () => {
    socket?.close();
    await venue?.stop();
    await relay?.kill();
  });

  const unchanged = async () => expect((await apiClient(venue.url, venue.tokens.control).state()).revision).toBe(revision);

  it(`refuses ${SOCKET_RUNS} hostile commands from a remote booth over socket.io, changing nothing`, async () => {
    await fc.assert(
      fc.asyncProperty(commandArb, async (command) => {
        const ack = await sendCommand(socket, command as Record<string, unknown>);
        expect(ack.ok, JSON.stringify(command)).toBe(false);
        expect(REFUSALS, `${JSON.stringify(command)}: ${ack.ok ? '' : ack.error.message}`).toContain(ack.ok ? 'ok' : ack.error.code);
      }),
      { numRuns: SOCKET_RUNS, seed },
    );
    await unchanged();
  }, 60_000);

  it(`refuses ${HTTP_RUNS} hostile bodies from a remote booth over HTTP, and bodies that are not JSON`, async () => {
    const bodyArb = fc.oneof(
      { weight: 8, arbitrary: commandArb.map((c) => JSON.stringify(c)) },
      { weight: 1, arbitrary: fc.constantFrom('NaN', '{', '', '{"type":"booth.request","booth":"R","kind":"slow-down"', 'null') },
      { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 50_000 }).map((d) => `{"type":"booth.request","booth":${'['.repeat(d)}${']'.repeat(d)},"kind":"slow-down"}`) },
    );
    await fc.assert(
      fc.asyncProperty(bodyArb, async (body) => {
        const res = await apiClient(relay.url, booth).command(body);
        expect(res.status, body.slice(0, 200)).toBe(400);
        expect(REFUSALS, `${body.slice(0, 200)}: ${res.body.error?.message}`).toContain(res.body.error?.code);
      }),
      { numRuns: HTTP_RUNS, seed },
    );
    await unchanged();
  }, 60_000);

  it('shrugs off junk on the other viewer events, and still takes a valid request afterwards', async () => {
    const raw = socket as unknown as { emit: (event: string, ...args: unknown[]) => void };
    for (const junk of [null, 'x', { a: 1 }, [1, 2], Number.POSITIVE_INFINITY, -1]) {
      raw.emit('display:hello', junk);
      raw.emit('state:request', junk);
      raw.emit('time:ping', junk, () => {});
      raw.emit('time:ping', junk);
      raw.emit('command', junk);
      raw.emit('no-such-event', junk);
    }
    const pong = await new Promise<{ clientSentAt: number; serverTime: number }>((resolve) => raw.emit('time:ping', 'not a number', resolve));
    expect(pong.clientSentAt).toBe(0);
    expect(Number.isFinite(pong.serverTime)).toBe(true);
    await unchanged();
    const ack = await sendCommand(socket, { type: 'booth.request', booth: 'Remote', kind: 'slow-down' });
    expect(ack.ok).toBe(true);
    expect((await fetch(`${relay.url}/api/v1/health`)).status).toBe(200);
  });
});
