import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { routeIn } from '../../../shared/contract/http-routes';
import type { RemoteGrant, RemoteTokens } from '../../../shared/contract/relay';
import { RELAY_ROUTES, type RelayRouteName } from '../../../shared/contract/relay-routes';
import type { Snapshot } from '../../../shared/contract/state';
import { RELAY_ROUTE_HANDLERS, findRelayRoute, relayRouter, type RelayRouteContext } from '../../../electron/http/relay-routes';
import { remoteAccessFor } from '../../../electron/server/access';
import { authenticateRemote } from '../../../electron/server/authenticate';

const names = Object.keys(RELAY_ROUTES) as RelayRouteName[];
const REMOTE = { speaker: 's'.repeat(24), booth: 'b'.repeat(24), audience: 'a'.repeat(24), moderator: null } satisfies RemoteTokens;
const ROLES = ['speaker', 'booth', 'audience', 'moderator'] as const;

function request(url: string, headers: Record<string, string> = {}): IncomingMessage {
  return { url, headers, socket: { remoteAddress: '192.0.2.7' } } as unknown as IncomingMessage;
}
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe("the relay's route table, derived from the contract", () => {
  it('has one handler per relay route, and no handler without a route', () => {
    expect(Object.keys(RELAY_ROUTE_HANDLERS).sort()).toEqual([...names].sort());
    for (const name of names) expect(findRelayRoute(routeIn(RELAY_ROUTES, name).method, RELAY_ROUTES[name].path), name).toEqual({ ok: true, name });
  });

  it('answers a known path with another method by naming the methods it has, an unknown one plainly, both "on a relay"', () => {
    expect(findRelayRoute('GET', '/api/v1/commands')).toEqual({ ok: false, message: 'no route GET /api/v1/commands on a relay (use POST)', allowed: ['POST'] });
    expect(findRelayRoute('GET', '/api/v1/relay')).toEqual({ ok: false, message: 'no route GET /api/v1/relay on a relay', allowed: [] });
  });
});

describe("the relay's access rules, over a remote principal", () => {
  const access = (route: RelayRouteName, req: IncomingMessage, tokens: RemoteGrant | null = REMOTE) =>
    remoteAccessFor(RELAY_ROUTES[route], authenticateRemote(req, tokens, ROLES), tokens);

  it('health looks at no token, not even a wrong one', () => {
    expect(access('health', request('/api/v1/health', bearer('nope')))).toEqual({ ok: true, role: null });
  });

  it('state takes a remote token as a header or ?token=, and refuses none or an unknown one', () => {
    expect(access('state', request(`/api/v1/state?token=${REMOTE.audience}`))).toEqual({ ok: true, role: 'audience' });
    expect(access('state', request('/api/v1/state', bearer(REMOTE.speaker)))).toEqual({ ok: true, role: 'speaker' });
    expect(access('state', request('/api/v1/state'))).toMatchObject({ ok: false, error: { code: 'unauthorized', message: 'a remote token is required ("Authorization: Bearer <token>")' } });
    expect(access('state', request('/api/v1/state', bearer('nope')))).toMatchObject({ ok: false, error: { code: 'unauthorized', message: 'the token is not valid' } });
  });

  it('before the venue linked, a token is "try again" (venue-unavailable), none is still unauthorized', () => {
    expect(access('state', request('/api/v1/state', bearer(REMOTE.speaker)), null)).toMatchObject({ ok: false, error: { code: 'venue-unavailable' } });
    expect(access('state', request('/api/v1/state'), null)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('commands: a bearer token of a role that may send; speaker and audience refused, naming the role', () => {
    expect(access('commands', request('/api/v1/commands', bearer(REMOTE.booth)))).toEqual({ ok: true, role: 'booth' });
    expect(access('commands', request('/api/v1/commands', bearer(REMOTE.speaker)))).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: 'a remote speaker link may not send commands' },
    });
    // A command is not a link opened in a tab: ?token= does not count.
    expect(access('commands', request(`/api/v1/commands?token=${REMOTE.booth}`))).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('a co-host switched off at the venue is known and refused (403) on every route but health; switched on, it may send', () => {
    const grant = { ...REMOTE, moderator: 'm'.repeat(24), off: ['moderator' as const] };
    const cohost = () => request('/api/v1/commands', bearer(grant.moderator));
    expect(access('commands', cohost(), grant)).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'the remote moderator is switched off at the venue' } });
    expect(access('state', cohost(), grant)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(access('health', cohost(), grant)).toEqual({ ok: true, role: null });
    expect(access('commands', cohost(), { ...grant, off: [] })).toEqual({ ok: true, role: 'moderator' });
  });
});

describe("the relay's router", () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  async function serve(ctx: RelayRouteContext): Promise<string> {
    const api = relayRouter(ctx);
    server = createServer((req, res) => {
      void api(req, res, new URL(req.url ?? '/', 'http://relay')).then((handled) => {
        if (!handled) res.writeHead(418).end();
      });
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  const forwarded: { command: unknown; role: string }[] = [];
  const ctx: RelayRouteContext = {
    version: '1.2.3',
    links: {
      tokens: () => REMOTE,
      // One channel, main: a token is main's or nobody's.
      channelOf: () => null,
      channels: () => ['main'],
      state: () => 'linked',
      forward: (_channel, command, role) => {
        forwarded.push({ command, role });
        return Promise.resolve({ ok: true, revision: 8 });
      },
    },
    latest: () => ({ revision: 7 }) as Snapshot,
  };

  it('answers health, state and a booth command; leaves other paths to the views; a wrong method says which', async () => {
    const url = await serve(ctx);
    const health = await fetch(`${url}/api/v1/health`);
    expect([health.status, await health.json()]).toEqual([200, { ok: true, name: 'rostrum-relay', version: '1.2.3', venues: { main: 'linked' } }]);
    expect(await fetch(`${url}/api/v1/state`, { headers: bearer(REMOTE.audience) }).then((r) => r.json())).toEqual({ revision: 7 });
    const sent = await fetch(`${url}/api/v1/commands`, { method: 'POST', headers: bearer(REMOTE.booth), body: '{"type":"pause"}' });
    expect([sent.status, await sent.json()]).toEqual([200, { ok: true, revision: 8 }]);
    expect(forwarded).toEqual([{ command: { type: 'pause' }, role: 'booth' }]);
    expect((await fetch(`${url}/speaker`)).status).toBe(418);
    const wrong = await fetch(`${url}/api/v1/state`, { method: 'POST', headers: bearer(REMOTE.booth), body: '{}' });
    expect([wrong.status, wrong.headers.get('allow'), ((await wrong.json()) as { error: { message: string } }).error.message]).toEqual([
      404,
      'GET',
      'no route POST /api/v1/state on a relay (use GET)',
    ]);
  });
});
