import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTH_EDIT_COMMANDS, COMMAND_ROLES, COMMAND_TYPES, type CommandInput, type CommandType } from '../../shared/contract/commands';
import type { ErrorCode } from '../../shared/contract/errors';
import type { Role } from '../../shared/contract/roles';
import type { Snapshot } from '../../shared/contract/state';
import { HTTP_ROUTES } from '../../shared/contract/http-routes';
import { apiClient } from '../helpers/api-client';
import { linkedStatus, relayHoldsVenue, startRelay, tokenOf, until, type StartedRelay } from '../helpers/relay-process';
import { startServer, type StartedServer } from '../helpers/server-process';
import { connectSocket, sendCommand, type TestSocket } from '../helpers/socket-client';

/**
 * Role audit (#8): every command of the contract, from every role (and from no token), over
 * socket.io and over HTTP, against the real server. The server's decision must be the one
 * COMMAND_ROLES and the booth-edit setting give, whatever a view's buttons would allow; a refusal
 * changes nothing. Then every HTTP route (the contract's HTTP_ROUTES, served from electron/http/)
 * with each role, also with loopback treated as remote.
 */

type Caller = Role | 'none';
const CALLERS: readonly Caller[] = ['control', 'booth', 'view', 'none'];
/** Refusals that are about who is asking, never about the command itself. */
const ROLE_REFUSALS: readonly ErrorCode[] = ['forbidden', 'unauthorized', 'edits-not-allowed'];

let counter = 0;
const uid = () => `audit-${(counter += 1)}`;
const items = (s: Snapshot) => s.agenda.sessions.flatMap((session) => session.items.map((item) => ({ item, sessionId: session.id })));
const current = (s: Snapshot) => s.clock.currentItemId ?? items(s)[0]!.item.id;
const expected = (s: Snapshot) => (s.clock.currentItemId === null ? {} : { expectedItemId: s.clock.currentItemId });
/** An item other than the current one that is not skipped (targets of goto, remove, move). */
const other = (s: Snapshot) => items(s).find(({ item }) => item.id !== s.clock.currentItemId && !item.skipped)!;

/**
 * A valid example of each command, built from the current state. Typed over CommandType, so a
 * command added to the contract does not compile here until it has an example: it cannot escape
 * the audit.
 */
const EXAMPLES: { [T in CommandType]: (s: Snapshot) => CommandInput } = {
  start: (s) => ({ type: 'start', ...expected(s) }),
  resume: (s) => ({ type: 'resume', ...expected(s) }),
  pause: (s) => ({ type: 'pause', ...expected(s) }),
  next: (s) => ({ type: 'next', ...expected(s) }),
  previous: (s) => ({ type: 'previous', ...expected(s) }),
  goto: (s) => ({ type: 'goto', itemId: other(s).item.id }),
  adjust: (s) => ({ type: 'adjust', seconds: 30, ...expected(s) }),
  reset: (s) => ({ type: 'reset', ...expected(s) }),
  skip: (s) => ({ type: 'skip', itemId: other(s).item.id, skipped: false }),
  'message.speaker': () => ({ type: 'message.speaker', text: `Please wrap up (${uid()})` }),
  'message.booth': () => ({ type: 'message.booth', text: `Handover next (${uid()})` }),
  'message.clear': () => ({ type: 'message.clear', target: 'speaker' }),
  'agenda.replace': (s) => ({ type: 'agenda.replace', agenda: s.agenda }),
  'item.update': (s) => ({ type: 'item.update', itemId: current(s), patch: { notes: `note ${uid()}` } }),
  'item.insert': (s) => {
    const { item, sessionId } = items(s)[0]!;
    return { type: 'item.insert', sessionId, item: { ...item, id: uid(), skipped: false } };
  },
  'item.remove': (s) => ({ type: 'item.remove', itemId: other(s).item.id }),
  'item.move': (s) => {
    const o = other(s);
    return { type: 'item.move', itemId: o.item.id, sessionId: o.sessionId };
  },
  'display.blank': (s) => ({ type: 'display.blank', blank: !s.display.speakerBlank }),
  'booth.request': () => ({ type: 'booth.request', booth: 'zh', kind: 'slow-down' }),
  'booth.ack': (s) => ({ type: 'booth.ack', requestId: s.booth.requests.find((r) => r.acknowledgedAt === null)?.id ?? 'no-such-request' }),
  'booth.turn.start': () => ({ type: 'booth.turn.start', booth: 'zh' }),
  'booth.turn.reset': () => ({ type: 'booth.turn.reset', booth: 'zh' }),
  'booth.turn.length': () => ({ type: 'booth.turn.length', booth: 'zh', turnSec: 1200 }),
  'booth.turn.rename': () => ({ type: 'booth.turn.rename', from: 'zh', to: 'zh 2' }),
  'booth.notes': (s) => ({ type: 'booth.notes', itemId: current(s), boothNotes: `terms ${uid()}` }),
  'glossary.replace': (s) => ({ type: 'glossary.replace', glossary: s.agenda.glossary }),
  // Leaves the setting as it is: the audit sets it explicitly for each pass.
  'settings.update': (s) => ({ type: 'settings.update', boothMayEditNotes: s.booth.mayEditNotes }),
  'recovery.apply': (s) => ({ type: 'recovery.apply', ...expected(s) }),
  'recovery.undo': () => ({ type: 'recovery.undo' }),
  // The audit's sockets show no page: no display to act on, so control gets 'unknown-display' (below).
  'display.rename': () => ({ type: 'display.rename', displayId: 'no-such-display', name: 'Foyer' }),
  'display.redirect': () => ({ type: 'display.redirect', displayId: 'no-such-display', view: 'audience', params: {} }),
  'display.identify': () => ({ type: 'display.identify', displayId: 'no-such-display' }),
  'display.reload': () => ({ type: 'display.reload', displayId: 'no-such-display' }),
  'lowerThird.show': () => ({ type: 'lowerThird.show' }),
  'lowerThird.hide': () => ({ type: 'lowerThird.hide' }),
  'session.hold': (s) => ({ type: 'session.hold', sessionId: s.agenda.sessions[0]!.id, held: !s.timing.held.includes(s.agenda.sessions[0]!.id) }),
  'session.update': (s) => ({ type: 'session.update', sessionId: s.agenda.sessions[0]!.id, patch: { endAt: s.agenda.sessions[0]!.endAt === undefined ? s.agenda.sessions[0]!.plannedEnd : 'none' } }),
  // No role may send these (the scheduler's own): every caller is refused.
  'auto.start': (s) => ({ type: 'auto.start', sessionId: s.agenda.sessions[0]!.id }),
  'auto.advance': (s) => ({ type: 'auto.advance', itemId: current(s) }),
  'aux.set': () => ({ type: 'aux.set', timerId: 1, durationSec: 600, direction: 'down' }),
  'aux.start': () => ({ type: 'aux.start', timerId: 2 }),
  'aux.pause': () => ({ type: 'aux.pause', timerId: 2 }),
  'aux.reset': () => ({ type: 'aux.reset', timerId: 2 }),
};

/**
 * The examples that a fresh sample event refuses for a reason of the domain, not of the role: the
 * sample runs on time, so there is no recovery to apply, and so none to undo; and the audit's sockets show no page, so no display can be named. Every other allowed
 * example must be accepted.
 */
const DOMAIN_REFUSALS: Partial<Record<CommandType, ErrorCode>> = {
  'recovery.apply': 'nothing-to-recover',
  'recovery.undo': 'nothing-to-undo',
  'display.rename': 'unknown-display',
  'display.redirect': 'unknown-display',
  'display.identify': 'unknown-display',
  'display.reload': 'unknown-display',
};

/** One command over socket.io or over HTTP, answered as ok, the refusal's code and the HTTP status (200 over a socket). */
async function sendOver(transport: 'socket' | 'http', socket: TestSocket, http: ReturnType<typeof apiClient>, command: CommandInput): Promise<{ ok: boolean; code: string | undefined; status: number }> {
  if (transport === 'socket') {
    const ack = await sendCommand(socket, command);
    return { ok: ack.ok, code: ack.ok ? undefined : ack.error.code, status: 200 };
  }
  const res = await http.command(command);
  return { ok: res.body.ok === true, code: res.body.error?.code, status: res.status };
}

/** What the contract says: allowed, or the code of the refusal. */
function decision(type: CommandType, caller: Caller, boothMayEdit: boolean): 'allowed' | ErrorCode {
  if (caller === 'none') return 'unauthorized';
  if (!COMMAND_ROLES[type].includes(caller)) return 'forbidden';
  if (caller === 'booth' && BOOTH_EDIT_COMMANDS.includes(type) && !boothMayEdit) return 'edits-not-allowed';
  return 'allowed';
}

describe('role audit: every command × every role × socket.io and HTTP', () => {
  let server: StartedServer;
  const sockets = new Map<Caller, TestSocket>();
  const tally = { checked: 0, allowed: 0, accepted: 0, refused: 0 };

  beforeAll(async () => {
    // The limiter is tested elsewhere; hundreds of requests a second here are the audit's, not abuse.
    server = await startServer({ args: ['--rate-limit', '100000'] });
    for (const caller of CALLERS) {
      const token = caller === 'none' ? undefined : server.tokens[caller];
      sockets.set(caller, (await connectSocket(server.url, token)).socket);
    }
  });
  afterAll(async () => {
    for (const s of sockets.values()) s.close();
    await server?.stop();
    console.log(`role audit: ${COMMAND_TYPES.length} command types, ${tally.checked} decisions (${tally.allowed} allowed, of which ${tally.accepted} accepted and the rest refused for domain reasons; ${tally.refused} refused for the role)`);
  });

  const state = () => apiClient(server.url, server.tokens.control).state();
  const setBoothEdits = async (on: boolean) => {
    const res = await apiClient(server.url, server.tokens.control).command({ type: 'settings.update', boothMayEditNotes: on });
    expect(res.status).toBe(200);
  };

  async function audit(caller: Caller, transport: 'socket' | 'http', boothMayEdit: boolean) {
    for (const type of COMMAND_TYPES) {
      const before = await state();
      expect(before.booth.mayEditNotes).toBe(boothMayEdit);
      const command = EXAMPLES[type](before);
      const { ok, code, status } = await sendOver(transport, sockets.get(caller)!, apiClient(server.url, caller === 'none' ? undefined : server.tokens[caller]), command);
      const want = decision(type, caller, boothMayEdit);
      const what = `${caller} ${type} over ${transport} (booth edits ${boothMayEdit ? 'on' : 'off'}): ${code ?? 'ok'}`;
      tally.checked += 1;
      if (want === 'allowed') {
        tally.allowed += 1;
        if (ok) tally.accepted += 1;
        // Accepted, or refused for the one domain reason its example meets, never for the role.
        if (!ok) expect(ROLE_REFUSALS, what).not.toContain(code);
        expect(ok ? 'accepted' : code, what).toBe(DOMAIN_REFUSALS[type] ?? 'accepted');
      } else {
        tally.refused += 1;
        expect(ok, what).toBe(false);
        expect(code, what).toBe(want);
        if (transport === 'http') expect(status, what).toBe(want === 'unauthorized' ? 401 : 403);
        const after = await state();
        expect(after.revision, `${what}: the revision moved`).toBe(before.revision);
        expect(after.agenda).toEqual(before.agenda);
      }
    }
  }

  it('has an example for every command of the contract', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...COMMAND_TYPES].sort());
  });

  for (const transport of ['socket', 'http'] as const) {
    for (const caller of CALLERS) {
      if (caller === 'booth') {
        it(`booth over ${transport}, booth edits off then on`, async () => {
          await setBoothEdits(false);
          await audit('booth', transport, false);
          await setBoothEdits(true);
          await audit('booth', transport, true);
          await setBoothEdits(false);
        });
      } else {
        it(`${caller} over ${transport}`, () => audit(caller, transport, false));
      }
    }
  }

  it('refuses an unknown token over HTTP (401) and at the socket.io handshake', async () => {
    const before = await state();
    const res = await apiClient(server.url, 'not-a-token').command({ type: 'message.booth', text: 'hi' });
    expect(res.status).toBe(401);
    expect(res.body.error?.code).toBe('unauthorized');
    await expect(connectSocket(server.url, 'not-a-token')).rejects.toThrow(/unauthorized/);
    expect((await state()).revision).toBe(before.revision);
  });
});

/** Every HTTP route with each role. `expect`: status per caller; 'any' for a domain-dependent answer. */
type Expect = Record<Caller | 'invalid', number>;
interface Route {
  name: string;
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  body?: string;
  /** Whether the route may change state (then refusals are checked to leave the revision alone). */
  writes: boolean;
  expect: Expect;
}

const READ: Expect = { control: 200, booth: 200, view: 200, none: 200, invalid: 401 };
const CONTROL_ONLY: Expect = { control: 200, booth: 403, view: 403, none: 401, invalid: 401 };
/** A read of a file that is not there (no logo yet): whoever may read is told so. */
const READ_ABSENT: Expect = { control: 404, booth: 404, view: 404, none: 404, invalid: 401 };

function routes(agendaJson: string): Route[] {
  return [
    { name: 'health', method: 'GET', path: '/api/v1/health', writes: false, expect: READ },
    { name: 'state', method: 'GET', path: '/api/v1/state', writes: false, expect: READ },
    { name: 'agenda export', method: 'GET', path: '/api/v1/agenda/export?format=json', writes: false, expect: READ },
    { name: 'report', method: 'GET', path: '/api/v1/report?format=json', writes: false, expect: READ },
    { name: 'report links', method: 'GET', path: '/api/v1/report/links', writes: false, expect: CONTROL_ONLY },
    { name: 'agenda import (preview)', method: 'POST', path: '/api/v1/agenda/import?format=json', body: agendaJson, writes: true, expect: CONTROL_ONLY },
    { name: 'agenda import (apply)', method: 'POST', path: '/api/v1/agenda/import?format=json&apply=true&confirm=running', body: agendaJson, writes: true, expect: CONTROL_ONLY },
    { name: 'trigger (GET)', method: 'GET', path: '/api/v1/trigger/message/speaker?text=audit', writes: true, expect: CONTROL_ONLY },
    { name: 'trigger (POST)', method: 'POST', path: '/api/v1/trigger/adjust/30', writes: true, expect: CONTROL_ONLY },
    { name: 'network settings', method: 'GET', path: '/api/v1/network', writes: false, expect: CONTROL_ONLY },
    // Off: a no-op here (loopback only), but it proves who may switch it.
    { name: 'LAN mode', method: 'POST', path: '/api/v1/network/lan', body: JSON.stringify({ on: false }), writes: false, expect: CONTROL_ONLY },
    { name: 'OSC settings', method: 'GET', path: '/api/v1/network/osc', writes: false, expect: CONTROL_ONLY },
    // An empty change: proves who may change OSC, without opening a UDP port here.
    { name: 'OSC change', method: 'POST', path: '/api/v1/network/osc', body: '{}', writes: false, expect: CONTROL_ONLY },
    { name: 'relay link', method: 'GET', path: '/api/v1/relay', writes: false, expect: CONTROL_ONLY },
    // Off, as it is: proves who may set the relay link, without linking anywhere.
    { name: 'relay link change', method: 'POST', path: '/api/v1/relay', body: JSON.stringify({ enabled: false }), writes: false, expect: CONTROL_ONLY },
    { name: 'remote token rotation', method: 'POST', path: '/api/v1/relay/tokens/rotate', body: JSON.stringify({ role: 'audience' }), writes: false, expect: CONTROL_ONLY },
    { name: 'displays', method: 'GET', path: '/api/v1/displays', writes: false, expect: CONTROL_ONLY },
    { name: 'branding', method: 'GET', path: '/api/v1/branding', writes: false, expect: READ },
    { name: 'logo', method: 'GET', path: '/api/v1/branding/logo', writes: false, expect: READ_ABSENT },
    { name: 'custom CSS', method: 'GET', path: '/api/v1/branding/css', writes: false, expect: READ_ABSENT },
    { name: 'branding change', method: 'POST', path: '/api/v1/branding', body: JSON.stringify({ accent: null }), writes: false, expect: CONTROL_ONLY },
    { name: 'logo upload', method: 'POST', path: '/api/v1/branding/logo', body: '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', writes: false, expect: CONTROL_ONLY },
    { name: 'custom CSS upload', method: 'POST', path: '/api/v1/branding/css', body: '.brand-slot { gap: 1rem; }', writes: false, expect: CONTROL_ONLY },
    { name: 'automation rules', method: 'GET', path: '/api/v1/automations', writes: false, expect: CONTROL_ONLY },
    { name: 'automation rules change', method: 'PUT', path: '/api/v1/automations', body: JSON.stringify({ rules: [] }), writes: false, expect: CONTROL_ONLY },
    {
      name: 'automation rule test',
      method: 'POST',
      path: '/api/v1/automations/test',
      body: JSON.stringify({ rule: { id: 'audit', enabled: true, when: 'item.started', then: { type: 'message', text: 'audit' } } }),
      writes: true,
      expect: CONTROL_ONLY,
    },
    { name: 'rooms', method: 'GET', path: '/api/v1/rooms', writes: false, expect: READ },
    // An id that is not one: proves who may add rooms without adding one (400 once allowed).
    { name: 'add a room', method: 'POST', path: '/api/v1/rooms', body: JSON.stringify({ id: 'NOT AN ID' }), writes: false, expect: { ...CONTROL_ONLY, control: 400 } },
    { name: "room's tokens", method: 'GET', path: '/api/v1/tokens', writes: false, expect: CONTROL_ONLY },
    // The event's report: every room's, so the producer's (a room's token, even main's booth and view, reads its own room's).
    { name: 'event report', method: 'GET', path: '/api/v1/event/report', writes: false, expect: { control: 200, booth: 403, view: 403, none: 200, invalid: 401 } },
    // The whole event's agenda in one file: every room's, so the producer's, as the event report.
    { name: 'event export', method: 'GET', path: '/api/v1/event/export?format=json', writes: false, expect: { control: 200, booth: 403, view: 403, none: 200, invalid: 401 } },
    // A name that is not one, and main (which cannot be removed): who may, without changing anything.
    { name: 'rename a room', method: 'POST', path: '/api/v1/room/name', body: JSON.stringify({ name: {} }), writes: false, expect: { ...CONTROL_ONLY, control: 400 } },
    { name: 'remove a room', method: 'POST', path: '/api/v1/room/remove', writes: false, expect: { ...CONTROL_ONLY, control: 400 } },
    // An item that does not exist, to a room that does not: who may move items, moving nothing.
    { name: 'move an item to another room', method: 'POST', path: '/api/v1/items/move', body: JSON.stringify({ itemId: 'none', toRoom: 'nowhere', toSessionId: 'none' }), writes: true, expect: { ...CONTROL_ONLY, control: 404 } },
    // An order that is not one, and main's tokens (the venue's: rotated by /api/v1/tokens/rotate): who may, changing nothing.
    { name: 'reorder the rooms', method: 'POST', path: '/api/v1/rooms/order', body: JSON.stringify({ order: [] }), writes: false, expect: { ...CONTROL_ONLY, control: 400 } },
    { name: "rotate a room's token", method: 'POST', path: '/api/v1/room/tokens/rotate', body: JSON.stringify({ role: 'view' }), writes: false, expect: { ...CONTROL_ONLY, control: 400 } },
    { name: "a room's display links", method: 'GET', path: '/api/v1/network/links', writes: false, expect: CONTROL_ONLY },
    { name: 'linked rooms', method: 'GET', path: '/api/v1/linked-rooms', writes: false, expect: CONTROL_ONLY },
    // A link that is not one, and a command to a linked room that does not exist: who may, linking nothing.
    { name: 'link a room', method: 'POST', path: '/api/v1/linked-rooms', body: JSON.stringify({ url: 'nowhere' }), writes: false, expect: { ...CONTROL_ONLY, control: 400 } },
    { name: 'linked room command', method: 'POST', path: '/api/v1/linked-rooms/command?id=none', body: JSON.stringify({ type: 'start' }), writes: false, expect: { ...CONTROL_ONLY, control: 404 } },
    { name: 'commands', method: 'POST', path: '/api/v1/commands', body: JSON.stringify({ type: 'message.booth', text: 'audit' }), writes: true, expect: CONTROL_ONLY },
    // Last: it changes the view token.
    { name: 'token rotation', method: 'POST', path: '/api/v1/tokens/rotate', body: JSON.stringify({ role: 'view' }), writes: true, expect: CONTROL_ONLY },
  ];
}

async function callRoute(server: StartedServer, route: Route, token: string | undefined): Promise<number> {
  const res = await fetch(`${server.url}${route.path}`, {
    method: route.method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(route.body ? { 'content-type': 'application/json' } : {}) },
    ...(route.body ? { body: route.body } : {}),
  });
  await res.arrayBuffer();
  return res.status;
}

describe('role audit: every HTTP route × every role', () => {
  it('audits every route of the contract, each of its methods', () => {
    const audited = new Set(routes('{}').map((r) => `${r.method} ${r.path.split('?')[0]!}`));
    for (const spec of Object.values(HTTP_ROUTES)) {
      for (const method of typeof spec.method === 'string' ? [spec.method] : spec.method) {
        const path = spec.path.endsWith('/*') ? spec.path.slice(0, -1) : spec.path;
        expect([...audited].some((a) => (spec.path.endsWith('/*') ? a.startsWith(`${method} ${path}`) : a === `${method} ${path}`)), `${method} ${spec.path}`).toBe(true);
      }
    }
  });

  const servers: StartedServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.stop();
  });

  const check = async (server: StartedServer, table: Route[], caller: Caller | 'invalid', token: string | undefined) => {
    const revision = async () => (await apiClient(server.url, server.tokens.control).state()).revision;
    for (const route of table) {
      const want = route.expect[caller];
      const before = route.writes ? await revision() : 0;
      const status = await callRoute(server, route, token);
      expect(status, `${route.method} ${route.path} as ${caller}`).toBe(want);
      if (route.writes && want >= 400) expect(await revision(), `${route.name} as ${caller} changed the state`).toBe(before);
    }
  };

  it('loopback trusted (the default): reads are open, writes need the control token', async () => {
    const server = await startServer({ args: ['--rate-limit', '100000'] });
    servers.push(server);
    const agenda = JSON.stringify((await apiClient(server.url).state()).agenda);
    const table = routes(agenda);
    // Refused callers first: the control pass rotates the view token.
    for (const caller of ['booth', 'view', 'none', 'invalid', 'control'] as const) {
      const token = caller === 'none' ? undefined : caller === 'invalid' ? 'not-a-token' : server.tokens[caller];
      await check(server, table, caller, token);
    }
  });

  it('loopback treated as remote (--trusted-addresses none): even reads need a token, sockets too', async () => {
    const server = await startServer({ args: ['--rate-limit', '100000', '--trusted-addresses', 'none'] });
    servers.push(server);
    const agenda = JSON.stringify((await apiClient(server.url, server.tokens.view).state()).agenda);
    // Health stays open (monitoring; it shows only the revision and the server clock).
    const remote = routes(agenda).map((r) => (((r.expect === READ || r.expect === READ_ABSENT) && r.name !== 'health') || r.name === 'event report' || r.name === 'event export' ? { ...r, expect: { ...r.expect, none: 401 } } : r));
    for (const caller of ['booth', 'view', 'none', 'invalid', 'control'] as const) {
      const token = caller === 'none' ? undefined : caller === 'invalid' ? 'not-a-token' : server.tokens[caller];
      await check(server, remote, caller, token);
    }
    await expect(connectSocket(server.url)).rejects.toThrow(/unauthorized/);
    const { socket } = await connectSocket(server.url, server.tokens.booth);
    socket.close();
  });
});

/**
 * Remote tokens (#17): every command from every remote link, through a real relay linked to a real
 * venue, over socket.io and HTTP. Speaker and audience links send nothing (the relay refuses); a
 * remote booth is a booth, decided again by the venue's core; LAN tokens mean nothing at the relay.
 * The remote moderator (co-host, `--remote-moderator` here) is a control while switched on, and
 * refused everything (403) once switched off from the console.
 */
/** The venue's role a remote caller acts as while switched on (VENUE_ROLE_OF_REMOTE). */
const AS_VENUE_ROLE: Record<RemoteCaller, Role | null> = { speaker: null, booth: 'booth', audience: null, moderator: 'control' };

/**
 * One remote command's outcome against the role table: when the caller's venue role may send it,
 * accepted (or the domain's own refusal); otherwise refused with the role's code (403 over HTTP)
 * and the state's revision unmoved.
 */
async function expectRemoteDecision(
  sent: { type: CommandType; caller: RemoteCaller; transport: 'socket' | 'http'; boothMayEdit: boolean; ok: boolean; code: string | undefined; status: number; what: string },
  revisionNow: () => Promise<number>,
  revisionBefore: number,
): Promise<void> {
  const { type, caller, transport, boothMayEdit, ok, code, status, what } = sent;
  const venueRole = AS_VENUE_ROLE[caller];
  const want = venueRole === null ? 'forbidden' : decision(type, venueRole, boothMayEdit);
  if (want === 'allowed') {
    expect(ok ? 'accepted' : code, what).toBe(DOMAIN_REFUSALS[type] ?? 'accepted');
    return;
  }
  expect(ok, what).toBe(false);
  expect(code, what).toBe(want);
  if (transport === 'http') expect(status, what).toBe(403);
  expect(await revisionNow(), `${what}: the revision moved`).toBe(revisionBefore);
}

/** Every remote link's role, the co-host (moderator) included. */
type RemoteCaller = 'speaker' | 'booth' | 'audience' | 'moderator';
const REMOTE_CALLERS: readonly RemoteCaller[] = ['speaker', 'booth', 'audience', 'moderator'];

/**
 * One case per remote caller and transport: the caller's every command with booth edits off, and the
 * booth's once more with them on (booth notes are then its to send).
 */
function auditEveryRemoteCaller(
  label: string,
  audit: (caller: RemoteCaller, transport: 'socket' | 'http', boothMayEdit: boolean) => Promise<void>,
  setBoothEdits: (on: boolean) => Promise<void>,
): void {
  for (const transport of ['socket', 'http'] as const) {
    for (const caller of REMOTE_CALLERS) {
      it(`${label} ${caller} over ${transport}`, async () => {
        await setBoothEdits(false);
        await audit(caller, transport, false);
        if (caller !== 'booth') return;
        await setBoothEdits(true);
        await audit(caller, transport, true);
        await setBoothEdits(false);
      });
    }
  }
}

describe('role audit: remote tokens through a relay', () => {
  let relay: StartedRelay;
  let venue: StartedServer;
  let links: Record<RemoteCaller, string>;
  const sockets = new Map<RemoteCaller, TestSocket>();
  const tally = { checked: 0, passed: 0 };

  beforeAll(async () => {
    relay = await startRelay({ args: ['--rate-limit', '100000'] });
    venue = await startServer({ args: ['--rate-limit', '100000', '--relay', relay.url, '--relay-key', relay.key, '--remote-moderator'] });
    const status = await linkedStatus(venue);
    await relayHoldsVenue(relay.url);
    links = { speaker: tokenOf(status.links!.speaker), booth: tokenOf(status.links!.booth), audience: tokenOf(status.links!.audience), moderator: tokenOf(status.links!.moderator!) };
    for (const caller of REMOTE_CALLERS) sockets.set(caller, (await connectSocket(relay.url, links[caller])).socket);
  });
  afterAll(async () => {
    for (const s of sockets.values()) s.close();
    await venue?.stop();
    await relay?.kill();
    console.log(`remote role audit: ${tally.checked} decisions, ${tally.checked - tally.passed} commands past their role`);
  });

  const state = () => apiClient(venue.url, venue.tokens.control).state();

  async function audit(caller: RemoteCaller, transport: 'socket' | 'http', boothMayEdit: boolean) {
    for (const type of COMMAND_TYPES) {
      const before = await state();
      const command = EXAMPLES[type](before);
      const { ok, code, status } = await sendOver(transport, sockets.get(caller)!, apiClient(relay.url, links[caller]), command);
      const what = `remote ${caller} ${type} over ${transport} (booth edits ${boothMayEdit ? 'on' : 'off'}): ${code ?? 'ok'}`;
      tally.checked += 1;
      await expectRemoteDecision({ type, caller, transport, boothMayEdit, ok, code, status, what }, async () => (await state()).revision, before.revision);
      tally.passed += 1;
    }
  }

  const setBoothEdits = async (on: boolean) =>
    expect((await apiClient(venue.url, venue.tokens.control).command({ type: 'settings.update', boothMayEditNotes: on })).status).toBe(200);

  auditEveryRemoteCaller('remote', audit, setBoothEdits);

  it('relay-cohost-off: refuses every command of the remote moderator once the co-host is switched off (403), and drops its socket', async () => {
    const dropped = new Promise<string>((resolve) => sockets.get('moderator')!.once('disconnect', resolve));
    const off = await fetch(`${venue.url}/api/v1/relay`, {
      method: 'POST',
      headers: { authorization: `Bearer ${venue.tokens.control}`, 'content-type': 'application/json' },
      body: JSON.stringify({ cohost: false }),
    });
    expect(off.status).toBe(200);
    expect(((await off.json()) as { links: Record<string, string> }).links).not.toHaveProperty('moderator');
    expect(await dropped).toBe('io server disconnect');
    await expect(connectSocket(relay.url, links.moderator)).rejects.toThrow(/forbidden: the remote moderator is switched off/);
    for (const type of COMMAND_TYPES) {
      const before = await state();
      const res = await apiClient(relay.url, links.moderator).command(EXAMPLES[type](before));
      tally.checked += 1;
      expect(res.status, `remote moderator (off) ${type}`).toBe(403);
      expect(res.body.error?.code).toBe('forbidden');
      expect((await state()).revision, `remote moderator (off) ${type}: the revision moved`).toBe(before.revision);
      tally.passed += 1;
    }
  });

  it('knows no LAN token', async () => {
    const before = await state();
    for (const token of [...Object.values(venue.tokens), 'not-a-token']) {
      expect((await apiClient(relay.url, token).command({ type: 'message.booth', text: 'hi' })).status).toBe(401);
      await expect(connectSocket(relay.url, token)).rejects.toThrow(/unauthorized/);
    }
    await expect(connectSocket(relay.url)).rejects.toThrow(/unauthorized/);
    expect((await state()).revision).toBe(before.revision);
  });
});

/**
 * A room's remote tokens (docs/rooms.md, "Rooms through the relay"): every command from every remote
 * link of a breakout, through a real relay, over socket.io and HTTP. The same decisions as main's
 * links, taken by the breakout's core; main's state never moves, whatever a breakout link sends.
 */
describe("role audit: a room's remote tokens through a relay (relay-room-token-other-room)", () => {
  const ROOM = 'breakout';
  let relay: StartedRelay;
  let venue: StartedServer;
  let links: Record<RemoteCaller, string>;
  const sockets = new Map<RemoteCaller, TestSocket>();
  const tally = { checked: 0, passed: 0 };
  const control = (path: string, init: RequestInit = {}) => fetch(`${venue.url}${path}`, { ...init, headers: { authorization: `Bearer ${venue.tokens.control}`, 'content-type': 'application/json', ...init.headers } });
  const roomState = async (room: string) => (await (await control(room === 'main' ? '/api/v1/state' : `/api/v1/rooms/${room}/state`)).json()) as Snapshot;

  beforeAll(async () => {
    relay = await startRelay({ args: ['--rate-limit', '100000'] });
    venue = await startServer({ args: ['--rate-limit', '100000', '--relay', relay.url, '--relay-key', relay.key, '--remote-moderator'] });
    expect((await control('/api/v1/rooms', { method: 'POST', body: JSON.stringify({ id: ROOM, name: { en: 'Breakout', zh: '分会场' } }) })).status).toBe(200);
    // The breakout gets main's agenda, so that every command has an example to act on.
    const agenda = await (await control('/api/v1/agenda/export?format=json')).text();
    expect((await control(`/api/v1/rooms/${ROOM}/agenda/import?format=json&apply=true`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: agenda })).status).toBe(200);
    const status = await until('the breakout to link', async () => {
      const s = (await (await control(`/api/v1/rooms/${ROOM}/relay`)).json()) as { state: string; links: Record<RemoteCaller, string> | null };
      const held = ((await fetch(`${relay.url}/api/v1/health`).then((r) => r.json())) as { venues: Record<string, string> }).venues[ROOM] === 'linked';
      return s.state === 'connected' && s.links !== null && held ? s.links : undefined;
    });
    links = { speaker: tokenOf(status.speaker), booth: tokenOf(status.booth), audience: tokenOf(status.audience), moderator: tokenOf(status.moderator) };
    for (const caller of REMOTE_CALLERS) sockets.set(caller, (await connectSocket(relay.url, links[caller])).socket);
  });
  afterAll(async () => {
    for (const s of sockets.values()) s.close();
    await venue?.stop();
    await relay?.kill();
    console.log(`room remote role audit: ${tally.checked} decisions, ${tally.checked - tally.passed} commands past their role`);
  });

  const setBoothEdits = async (on: boolean) => expect((await control(`/api/v1/rooms/${ROOM}/commands`, { method: 'POST', body: JSON.stringify({ type: 'settings.update', boothMayEditNotes: on }) })).status).toBe(200);

  async function audit(caller: RemoteCaller, transport: 'socket' | 'http', boothMayEdit: boolean) {
    for (const type of COMMAND_TYPES) {
      const before = await roomState(ROOM);
      const mainBefore = (await roomState('main')).revision;
      const { ok, code, status } = await sendOver(transport, sockets.get(caller)!, apiClient(relay.url, links[caller]), EXAMPLES[type](before));
      const what = `breakout's remote ${caller} ${type} over ${transport} (booth edits ${boothMayEdit ? 'on' : 'off'}): ${code ?? 'ok'}`;
      tally.checked += 1;
      await expectRemoteDecision({ type, caller, transport, boothMayEdit, ok, code, status, what }, async () => (await roomState(ROOM)).revision, before.revision);
      expect((await roomState('main')).revision, `${what}: main's revision moved`).toBe(mainBefore);
      tally.passed += 1;
    }
  }

  auditEveryRemoteCaller("breakout's remote", audit, setBoothEdits);

  it("a room's remote tokens are no LAN tokens at the venue", async () => {
    for (const token of Object.values(links)) {
      expect((await apiClient(venue.url, token).command({ type: 'message.booth', text: 'hi' })).status).toBe(401);
      expect((await fetch(`${venue.url}/api/v1/rooms/${ROOM}/state`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    }
  });
});
