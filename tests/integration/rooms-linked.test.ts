import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LinkedRoomInfo } from '../../shared/contract/rooms';
import { startServer, type StartedServer } from '../helpers/server-process';

/**
 * A room on another machine (#18): the producer's server links it by URL and token, follows its
 * state, forwards commands (a view token's are refused by that server), and marks only that room
 * "lost" when its server dies.
 */
describe('rooms on other servers', () => {
  let server: StartedServer;
  let other: StartedServer;
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.url}${path}`, { method, headers: { authorization: `Bearer ${server.tokens.control}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> & { error?: { message: string } } };
  };
  const linked = async () => ((await call('GET', '/api/v1/linked-rooms')).body['rooms'] as LinkedRoomInfo[]);

  beforeAll(async () => {
    server = await startServer();
    other = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
    await other?.stop();
  });

  it('links a room by URL and token, follows it, forwards commands, and says "lost" when that server dies', async () => {
    expect((await call('POST', '/api/v1/linked-rooms', { url: 'ftp://x', token: other.tokens.view, name: { en: 'A', zh: 'A' } })).body.error?.message).toBe('url: must start with http:// or https://');
    const added = await call('POST', '/api/v1/linked-rooms', { url: other.url, token: other.tokens.control, name: { en: 'Annex', zh: '副楼' } });
    expect(added.status).toBe(200);
    await expect.poll(async () => (await linked())[0]?.link).toBe('linked');
    const room = (await linked())[0]!;
    expect(room.id).toBe('linked-1');
    expect(room.snapshot?.agenda.title).toMatch(/Sustainable Fashion/);
    const sent = await call('POST', '/api/v1/linked-rooms/command?id=linked-1', { type: 'message.speaker', text: 'From the producer' });
    expect(sent.status).toBe(200);
    const otherState = (await (await fetch(`${other.url}/api/v1/state`)).json()) as { messages: { speaker: { text: string } | null } };
    expect(otherState.messages.speaker?.text).toBe('From the producer');
    await expect.poll(async () => (await linked())[0]?.snapshot?.messages.speaker?.text).toBe('From the producer');
    // A view token links read-only: that server refuses commands.
    expect((await call('POST', '/api/v1/linked-rooms', { url: other.url, token: other.tokens.view, name: { en: 'Annex (view)', zh: '副楼（只读）' } })).status).toBe(200);
    await expect.poll(async () => (await linked())[1]?.link).toBe('linked');
    expect((await call('POST', '/api/v1/linked-rooms/command?id=linked-2', { type: 'message.speaker', text: 'no' })).status).toBe(403);

    await other.kill();
    await expect.poll(async () => (await linked()).map((r) => r.link)).toEqual(['lost', 'lost']);
    expect((await call('POST', '/api/v1/linked-rooms/command?id=linked-1', { type: 'start' })).status).toBe(503);
    // This server's own rooms are unaffected.
    expect((await call('POST', '/api/v1/commands', { type: 'message.speaker', text: 'here' })).status).toBe(200);
  });
});
