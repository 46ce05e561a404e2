import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DisplaysResponse, IdentifyOrder, RedirectOrder } from '../../shared/contract/displays';
import type { ConnectedDisplay, DisplayHello } from '../../shared/contract/presence';
import { apiClient } from '../helpers/api-client';
import { startServer, type StartedServer } from '../helpers/server-process';
import { connectSocket, sendCommand, type TestSocket } from '../helpers/socket-client';

/**
 * Display management (#19) against the real server: the list over HTTP, and the display commands
 * over socket.io and HTTP, each reaching the one display it names.
 */

let server: StartedServer | undefined;
const sockets: TestSocket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await server?.stop();
  server = undefined;
});

async function socketAs(token: string): Promise<TestSocket> {
  const { socket } = await connectSocket(server!.url, token);
  sockets.push(socket);
  return socket;
}

/** A display that says hello, and the list the console then has with it in it. */
async function display(console: TestSocket, token: string, hello: DisplayHello): Promise<{ socket: TestSocket; id: string }> {
  const listed = new Promise<ConnectedDisplay[]>((resolve) => {
    const on = (list: ConnectedDisplay[]) => {
      if (!list.some((d) => d.name === hello.name && d.page === (hello.page ?? hello.view))) return;
      console.off('displays:update', on);
      resolve(list);
    };
    console.on('displays:update', on);
  });
  const socket = await socketAs(token);
  socket.emit('display:hello', hello);
  const list = await listed;
  return { socket, id: list.find((d) => d.name === hello.name)!.id };
}

const listDisplays = async (token?: string) => {
  const res = await fetch(`${server!.url}/api/v1/displays`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, body: (await res.json()) as DisplaysResponse & { error?: { code: string; message: string } } };
};

/** Resolves with the first event `name` the socket receives, or 'nothing' once `settle` resolves first. */
function firstOf<T>(socket: TestSocket, name: 'display:identify' | 'display:redirect', settle: Promise<unknown>): Promise<T | 'nothing'> {
  return new Promise((resolve) => {
    socket.once(name, ((order: T) => resolve(order)) as never);
    void settle.then(() => resolve('nothing'));
  });
}

describe('display management', () => {
  it('displays-list-roles: lists every display for the control key only, with view, role, name, address, language and last seen', async () => {
    server = await startServer();
    const control = await socketAs(server.tokens.control);
    await display(control, server.tokens.view, { view: 'speaker', page: 'audience', name: 'Foyer', language: 'zh', deviceId: 'device-foyer-1' });
    const { status, body } = await listDisplays(server.tokens.control);
    expect(status).toBe(200);
    const foyer = body.displays.find((d) => d.name === 'Foyer')!;
    expect(foyer).toEqual({ id: expect.stringMatching(/^d\d+$/), view: 'audience', role: 'view', name: 'Foyer', address: expect.stringMatching(/127\.0\.0\.1/), language: 'zh', lastSeen: expect.any(String) });
    expect(new Date(foyer.lastSeen).toISOString()).toBe(foyer.lastSeen);
    expect((await listDisplays(server.tokens.booth)).status).toBe(403);
    expect((await listDisplays(server.tokens.view)).status).toBe(403);
    expect((await listDisplays()).status).toBe(401);
  });

  it('renames a display, keeps the name before the ack, and gives it back to the device after a restart', async () => {
    server = await startServer();
    const control = await socketAs(server.tokens.control);
    const hello: DisplayHello = { view: 'speaker', page: 'speaker', name: '', language: 'en', deviceId: 'device-stage-7' };
    const stage = await display(control, server.tokens.view, hello);
    const before = await apiClient(server.url, server.tokens.control).state();
    const ack = await sendCommand(control, { type: 'display.rename', displayId: stage.id, name: 'Lectern tablet' });
    expect(ack).toEqual({ ok: true, revision: before.revision });
    // On disk when acknowledged.
    const settings = JSON.parse(readFileSync(join(server.dataDir, 'settings.json'), 'utf8')) as { displayNames: Record<string, string> };
    expect(settings.displayNames).toEqual({ 'device-stage-7': 'Lectern tablet' });
    expect((await listDisplays(server.tokens.control)).body.displays.find((d) => d.id === stage.id)?.name).toBe('Lectern tablet');

    for (const s of sockets.splice(0)) s.close();
    await server.stop();
    server = await server.restart();
    const console2 = await socketAs(server.tokens.control);
    const listed = new Promise<ConnectedDisplay[]>((resolve) => console2.on('displays:update', (l) => l.some((d) => d.view === 'speaker') && resolve(l)));
    const again = await socketAs(server.tokens.view);
    again.emit('display:hello', hello);
    expect((await listed).find((d) => d.view === 'speaker')?.name).toBe('Lectern tablet');
  });

  it('displays-unknown-id: a command to a display that is not connected is refused (404 unknown-display, naming displayId)', async () => {
    server = await startServer();
    const http = apiClient(server.url, server.tokens.control);
    const before = await http.state();
    for (const type of ['display.identify', 'display.reload'] as const) {
      const unknown = await http.command({ type, displayId: 'd999' });
      expect(unknown.status).toBe(404);
      expect(unknown.body.error).toMatchObject({ code: 'unknown-display', path: 'displayId', message: expect.stringContaining('no display "d999" is connected') });
    }
    expect((await http.state()).revision).toBe(before.revision);
  });

  it('displays-open-redirect: a redirect off our pages, to the console, carrying a key, or to a page the display has no key for is refused; nothing changes', async () => {
    server = await startServer();
    const control = await socketAs(server.tokens.control);
    const foyer = await display(control, server.tokens.view, { view: 'speaker', page: 'audience', name: 'Foyer', language: 'en', deviceId: 'device-foyer-2' });
    const http = apiClient(server.url, server.tokens.control);
    const before = await http.state();

    // Hostile input is typed as what arrives from the wire: any object.
    const redirectTo = (view: string): Record<string, unknown> => ({ type: 'display.redirect', displayId: foyer.id, view, params: {} });
    const offsite = await sendCommand(control, redirectTo('https://evil.example/'));
    expect(offsite).toMatchObject({ ok: false, error: { code: 'invalid', path: 'view', message: expect.stringContaining('must be one of speaker, booth, audience') } });
    const protocolRelative = await sendCommand(control, redirectTo('//evil.example'));
    expect(protocolRelative).toMatchObject({ ok: false, error: { code: 'invalid', path: 'view' } });
    const console_ = await sendCommand(control, redirectTo('moderator'));
    expect(console_).toMatchObject({ ok: false, error: { code: 'invalid', path: 'view' } });
    const withKey = await sendCommand(control, { type: 'display.redirect', displayId: foyer.id, view: 'audience', params: { token: server.tokens.control } });
    expect(withKey).toMatchObject({ ok: false, error: { code: 'invalid', path: 'params.token', message: expect.stringContaining('cannot carry a key') } });
    const badName = await sendCommand(control, { type: 'display.redirect', displayId: foyer.id, view: 'audience', params: { '../x': '1' } });
    expect(badName).toMatchObject({ ok: false, error: { code: 'invalid', path: 'params.../x' } });
    const toBooth = await sendCommand(control, { type: 'display.redirect', displayId: foyer.id, view: 'booth', params: {} });
    expect(toBooth).toMatchObject({ ok: false, error: { code: 'invalid', path: 'view', message: 'view: the display "Foyer" has the view key; the booth page needs the booth key (open that link on it instead)' } });
    const longName = await sendCommand(control, { type: 'display.rename', displayId: foyer.id, name: 'x'.repeat(41) });
    expect(longName).toMatchObject({ ok: false, error: { code: 'invalid', path: 'name' } });
    // Other roles: refused for the role before anything else.
    const booth = await socketAs(server.tokens.booth);
    expect(await sendCommand(booth, { type: 'display.rename', displayId: foyer.id, name: 'Mine' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    expect((await http.state()).revision).toBe(before.revision);
    expect((await listDisplays(server.tokens.control)).body.displays.find((d) => d.id === foyer.id)?.name).toBe('Foyer');
  });

  it('sends identify and redirect to the one display named, and to no other', async () => {
    server = await startServer();
    const control = await socketAs(server.tokens.control);
    const left = await display(control, server.tokens.view, { view: 'speaker', page: 'speaker', name: 'Left', language: 'en', deviceId: 'device-left-01' });
    const right = await display(control, server.tokens.view, { view: 'speaker', page: 'speaker', name: 'Right', language: 'en', deviceId: 'device-right-1' });

    let acked!: () => void;
    const done = new Promise<void>((r) => (acked = r));
    const atRight = firstOf<IdentifyOrder>(right.socket, 'display:identify', done);
    const atLeft = firstOf<IdentifyOrder>(left.socket, 'display:identify', done);
    expect(await sendCommand(control, { type: 'display.identify', displayId: right.id })).toMatchObject({ ok: true });
    expect(await atRight).toEqual({ name: 'Right', durationMs: 5000 });
    // A round trip on the left socket after the ack: anything sent to it would have arrived by now.
    await new Promise((r) => left.socket.emit('time:ping', 0, r));
    acked();
    expect(await atLeft).toBe('nothing');

    let acked2!: () => void;
    const done2 = new Promise<void>((r) => (acked2 = r));
    const redirected = firstOf<RedirectOrder>(left.socket, 'display:redirect', done2);
    const notRight = firstOf<RedirectOrder>(right.socket, 'display:redirect', done2);
    expect((await apiClient(server.url, server.tokens.control).command({ type: 'display.redirect', displayId: left.id, view: 'clock', params: { lang: 'en+zh' } })).status).toBe(200);
    expect(await redirected).toEqual({ view: 'clock', params: { lang: 'en+zh' } });
    await new Promise((r) => right.socket.emit('time:ping', 0, r));
    acked2();
    expect(await notRight).toBe('nothing');
  });
});
