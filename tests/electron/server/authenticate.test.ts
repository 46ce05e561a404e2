import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { HTTP_ROUTES } from '../../../shared/contract/http-routes';
import { accessFor, budgetKey, socketCaller } from '../../../electron/server/access';
import { authenticate, authenticateRemote } from '../../../electron/server/authenticate';
import type { Tokens } from '../../../electron/server/tokens';

const TOKENS: Tokens = { control: 'c'.repeat(24), booth: 'b'.repeat(24), view: 'v'.repeat(24) };

/** A request as the server sees it: a URL, headers, and the address it came from. */
function request(url: string, headers: Record<string, string> = {}, address = '127.0.0.1'): IncomingMessage {
  return { url, headers, socket: { remoteAddress: address } } as unknown as IncomingMessage;
}
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const socket = (auth: unknown, address = '127.0.0.1') => ({ handshake: { auth }, request: request('/socket.io/', {}, address) });

describe('authenticate: one principal per request or socket', () => {
  it('names the role of each token presented, where, and whether the caller is trusted', () => {
    const p = authenticate(request(`/api/v1/report?token=${TOKENS.view}`, bearer(TOKENS.booth), '192.0.2.7'), TOKENS);
    expect(p).toEqual({
      kind: 'venue',
      role: 'booth',
      presented: { bearer: { token: TOKENS.booth, role: 'booth' }, query: { token: TOKENS.view, role: 'view' } },
      trusted: false,
    });
    expect(authenticate(request('/api/v1/state'), TOKENS)).toEqual({ kind: 'venue', role: null, presented: {}, trusted: true });
  });

  it('a malformed Authorization header is a token that matches nothing; an empty ?token= is none', () => {
    expect(authenticate(request('/api/v1/state?token=', { authorization: 'Basic x' }), TOKENS).presented).toEqual({ bearer: { token: '', role: null } });
  });

  it('reads a socket handshake: no token, an unknown one, a non-string one', () => {
    expect(socketCaller(authenticate(socket({}), TOKENS))).toEqual({ ok: true, role: null });
    expect(socketCaller(authenticate(socket({}, '192.0.2.7'), TOKENS))).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(socketCaller(authenticate(socket({ token: 'nope' }), TOKENS))).toMatchObject({ ok: false, error: { message: 'unauthorized: the token is not valid' } });
    expect(socketCaller(authenticate(socket({ token: 42 }), TOKENS))).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(socketCaller(authenticate(socket({ token: TOKENS.booth }, '192.0.2.7'), TOKENS))).toEqual({ ok: true, role: 'booth' });
  });

  it('checks a relay caller against the remote tokens, and nothing before the venue linked', () => {
    const remote = { speaker: 's'.repeat(24), booth: null };
    expect(authenticateRemote(request('/api/v1/state', bearer('s'.repeat(24))), remote, ['speaker', 'booth'] as const).role).toBe('speaker');
    expect(authenticateRemote(request('/api/v1/state', bearer('s'.repeat(24))), null, ['speaker', 'booth'] as const).role).toBeNull();
    expect(authenticateRemote(request('/api/v1/state', bearer(TOKENS.control)), remote, ['speaker', 'booth'] as const).role).toBeNull();
  });
});

describe('the access rules of the contract, over a principal', () => {
  const access = (route: keyof typeof HTTP_ROUTES, req: IncomingMessage) => accessFor(HTTP_ROUTES[route], authenticate(req, TOKENS));

  it('control routes: 401 without or with an unknown token, 403 naming the action for another role', () => {
    expect(access('lan', request('/api/v1/network/lan'))).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(access('lan', request('/api/v1/network/lan', bearer('nope')))).toMatchObject({ ok: false, error: { code: 'unauthorized', message: 'the token is not valid' } });
    expect(access('lan', request('/api/v1/network/lan', bearer(TOKENS.booth)))).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: 'the booth role may not switch LAN mode' },
    });
    expect(access('agendaImport', request('/api/v1/agenda/import', bearer(TOKENS.view)))).toMatchObject({ ok: false, error: { code: 'forbidden', path: 'type' } });
    expect(access('lan', request('/api/v1/network/lan', bearer(TOKENS.control)))).toEqual({ ok: true, role: 'control' });
  });

  it('readers: a trusted address needs no token, another needs one (bearer or ?token=); an unknown ?token= is refused even on loopback', () => {
    expect(access('state', request('/api/v1/state'))).toEqual({ ok: true, role: null });
    expect(access('state', request('/api/v1/state', {}, '192.0.2.7'))).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(access('report', request(`/api/v1/report?token=${TOKENS.view}`, {}, '192.0.2.7'))).toEqual({ ok: true, role: 'view' });
    expect(access('health', request('/api/v1/health?token=nope'))).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('commands need a bearer token of any role; triggers the control token, as ?token= or bearer', () => {
    expect(access('commands', request('/api/v1/commands'))).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(access('commands', request('/api/v1/commands', bearer(TOKENS.view)))).toEqual({ ok: true, role: 'view' });
    expect(access('trigger', request(`/api/v1/trigger/start?token=${TOKENS.control}`, {}, '192.0.2.7'))).toEqual({ ok: true, role: 'control' });
    expect(access('trigger', request('/api/v1/trigger/start', bearer(TOKENS.booth)))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(access('trigger', request('/api/v1/trigger/start'))).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('a valid token has its own rate budget; anything else counts against its address', () => {
    expect(budgetKey(authenticate(request('/api/v1/state', bearer(TOKENS.view)), TOKENS), '1.2.3.4')).toEqual({ key: `token:${TOKENS.view}`, byToken: true });
    expect(budgetKey(authenticate(request('/api/v1/state', bearer('nope')), TOKENS), '1.2.3.4')).toEqual({ key: 'address:1.2.3.4', byToken: false });
  });
});
