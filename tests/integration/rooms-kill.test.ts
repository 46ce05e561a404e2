import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../shared/contract/state';
import { setUpFixtureRooms } from '../helpers/rooms';
import { startServer, type StartedServer } from '../helpers/server-process';
import { connectSocket, sendCommand, type TestSocket } from '../helpers/socket-client';

/**
 * Crash safety per room (#18, on top of #8's kill test): commands across three rooms, the server
 * SIGKILLed while commands are in flight, restarted; each time, every room holds every command it
 * acknowledged (its revision and its last acknowledged message), whatever the other rooms did.
 */
const ROOMS = ['main', 'breakout-a', 'breakout-b'] as const;
const KILLS = 5;

describe('kill test across three rooms', () => {
  it(`SIGKILLed ${KILLS} times mid-stream: no room loses an acknowledged command`, async () => {
    let server: StartedServer = await startServer({ args: ['--rate-limit', '100000'] });
    await setUpFixtureRooms(server);
    const last: Record<string, { revision: number; text: string } | null> = { main: null, 'breakout-a': null, 'breakout-b': null };
    const inFlight: Record<string, string | null> = { main: null, 'breakout-a': null, 'breakout-b': null };
    let sent = 0;
    let acknowledged = 0;
    try {
      for (let kill = 0; kill < KILLS; kill += 1) {
        const sockets: Record<string, TestSocket> = {};
        for (const room of ROOMS) sockets[room] = (await connectSocket(server.url, server.tokens.control, room)).socket;
        // Each room sends on its own, as fast as its acks come; the kill lands after a varying number.
        const stopAfter = 20 + kill * 7;
        let killed = false;
        const stream = async (room: string) => {
          for (let i = 0; !killed; i += 1) {
            const text = `${room} #${kill}.${i}`;
            inFlight[room] = text;
            sent += 1;
            const ack = await Promise.race([sendCommand(sockets[room]!, { type: 'message.speaker', text }), new Promise<null>((r) => sockets[room]!.once('disconnect', () => r(null)))]);
            if (ack === null) return;
            expect(ack.ok, text).toBe(true);
            if (ack.ok) {
              last[room] = { revision: ack.revision, text };
              acknowledged += 1;
            }
            if (room === 'main' && i + 1 === stopAfter) {
              killed = true;
              // Killed while the other rooms' commands are in flight.
              await server.kill();
            }
          }
        };
        await Promise.all(ROOMS.map(stream));
        for (const s of Object.values(sockets)) s.close();
        server = await server.restart();
        for (const room of ROOMS) {
          const state = (await (await fetch(`${server.url}/api/v1/rooms/${room}/state`, { headers: { authorization: `Bearer ${server.tokens.control}` } })).json()) as Snapshot;
          const acked = last[room]!;
          // Saved before its ack: the last acknowledged one, or the one in flight at the kill (saved, not yet acknowledged).
          expect(state.revision, `${room} after kill ${kill + 1}`).toBeGreaterThanOrEqual(acked.revision);
          expect([acked.text, inFlight[room]], `${room} after kill ${kill + 1}`).toContain(state.messages.speaker?.text);
          if (state.revision > acked.revision) {
            expect(state.revision).toBe(acked.revision + 1);
            expect(state.messages.speaker?.text).toBe(inFlight[room]);
            last[room] = { revision: state.revision, text: inFlight[room]! };
          }
        }
      }
    } finally {
      await server.stop();
    }
    console.log(`rooms kill test: ${sent} commands sent across ${ROOMS.length} rooms, ${acknowledged} acknowledged, ${KILLS} kills`);
    expect(acknowledged).toBeGreaterThan(KILLS * 20);
  }, 120_000);
});
