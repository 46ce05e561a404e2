import { execFile } from 'node:child_process';
import { spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../shared/contract/state';
import { setUpFixtureRooms } from '../helpers/rooms';
import { startServer, type StartedServer } from '../helpers/server-process';

const run = promisify(execFile);
const HAS_OSCSEND = spawnSync('oscsend', [], { stdio: 'ignore' }).error === undefined;

/** OSC per room (#18): `/rostrum/<roomId>/…` beside today's addresses, which stay `main`'s. */
describe.skipIf(!HAS_OSCSEND)('OSC addresses per room', () => {
  let server: StartedServer;
  let oscPort: number;
  const oscsend = (address: string, types = '', ...values: string[]) =>
    run('oscsend', ['127.0.0.1', String(oscPort), address, ...(types ? [types, ...values] : [])], { timeout: 5000 });
  const state = async (room: string) =>
    (await (await fetch(`${server.url}/api/v1/rooms/${room}/state`, { headers: { authorization: `Bearer ${server.tokens.control}` } })).json()) as Snapshot;

  beforeAll(async () => {
    server = await startServer({ args: ['--osc-port', '0'] });
    oscPort = Number(/osc in\s+udp:\/\/127\.0\.0\.1:(\d+)/.exec(server.output())![1]);
    await setUpFixtureRooms(server);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('/rostrum/breakout-a/start starts breakout A only; /rostrum/message/speaker still reaches main', async () => {
    const mainBefore = await state('main');
    const bBefore = await state('breakout-b');
    await oscsend('/rostrum/breakout-a/start');
    await oscsend('/rostrum/breakout-a/message/speaker', 's', 'Five minutes, please');
    // Packets are handled in order: once main has this one, the room's were handled too.
    await oscsend('/rostrum/message/speaker', 's', 'main only');
    await expect.poll(async () => (await state('main')).messages.speaker?.text).toBe('main only');
    const a = await state('breakout-a');
    expect(a.clock.status).toBe('running');
    expect(a.messages.speaker?.text).toBe('Five minutes, please');
    const main = await state('main');
    expect(main.clock.status).toBe(mainBefore.clock.status);
    expect(main.revision).toBe(mainBefore.revision + 1);
    expect((await state('breakout-b')).revision).toBe(bBefore.revision);
  });

  it('ignores an address of a room that does not exist, and says so once', async () => {
    await oscsend('/rostrum/nowhere/start');
    await expect.poll(() => server.output()).toMatch(/no room "nowhere"/);
  });
});
