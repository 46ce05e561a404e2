import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { lanAddressesOf } from '../../../electron/server/lan-listeners';
import { createLanMode, type LanMode } from '../../../electron/server/lan-mode';
import { lanLinks, localOutputLinks, outputLinks } from '../../../electron/http/network-routes';
import { createRequestGuard } from '../../../electron/server/request-guard';

describe('lanAddressesOf', () => {
  it('keeps IPv4 addresses that are not loopback, once each', () => {
    const iface = (address: string, family: 'IPv4' | 'IPv6', internal: boolean) =>
      ({ address, family, internal, netmask: '', mac: '', cidr: null }) as never;
    expect(
      lanAddressesOf({
        lo: [iface('127.0.0.1', 'IPv4', true), iface('::1', 'IPv6', true)],
        eth0: [iface('192.168.1.20', 'IPv4', false), iface('fe80::1', 'IPv6', false)],
        wlan0: [iface('10.0.0.5', 'IPv4', false), iface('192.168.1.20', 'IPv4', false)],
        down: undefined,
      }),
    ).toEqual(['192.168.1.20', '10.0.0.5']);
  });
});

describe('lanLinks', () => {
  it('gives each view one link per address, with its role’s token', () => {
    const links = lanLinks(['192.168.1.20', '10.0.0.5'], 4848, { control: 'c/1', booth: 'b', view: 'v' });
    expect(links).toEqual({
      moderator: ['http://192.168.1.20:4848/moderator?token=c%2F1', 'http://10.0.0.5:4848/moderator?token=c%2F1'],
      speaker: ['http://192.168.1.20:4848/speaker?token=v', 'http://10.0.0.5:4848/speaker?token=v'],
      booth: ['http://192.168.1.20:4848/booth?token=b', 'http://10.0.0.5:4848/booth?token=b'],
    });
  });
});

describe('outputLinks', () => {
  it('gives each read-only output one link per address, all with the view token (the audience screen at /audience)', () => {
    const tokens = { control: 'c', booth: 'b', view: 'v/1' };
    expect(outputLinks(['192.168.1.20', '::1'], 4848, tokens)).toEqual({
      audience: ['http://192.168.1.20:4848/audience?token=v%2F1', 'http://[::1]:4848/audience?token=v%2F1'],
      'lower-third': ['http://192.168.1.20:4848/lower-third?token=v%2F1', 'http://[::1]:4848/lower-third?token=v%2F1'],
      clock: ['http://192.168.1.20:4848/clock?token=v%2F1', 'http://[::1]:4848/clock?token=v%2F1'],
      crew: ['http://192.168.1.20:4848/crew?token=v%2F1', 'http://[::1]:4848/crew?token=v%2F1'],
    });
    expect(localOutputLinks(4848, tokens)['lower-third']).toBe('http://127.0.0.1:4848/lower-third?token=v%2F1');
  });
});

/**
 * The same-port extra listener, on a second loopback address (127.0.0.2 is this machine's on
 * Linux), standing in for a LAN address: works on machines without a network.
 */
describe('createLanMode', () => {
  let http: Server | null = null;
  let lan: LanMode | null = null;
  afterEach(async () => {
    await lan?.close();
    await new Promise((r) => http?.close(r));
    http?.closeAllConnections();
  });

  it('answers on the extra address only while on, with that address allowed as Host', async () => {
    const guard = createRequestGuard({ allowedHosts: [], trusted: ['loopback'] });
    http = createServer((req, res) => {
      const refusal = guard.check(req);
      res.writeHead(refusal ? 403 : 200).end(refusal?.message ?? 'ok');
    });
    await new Promise<void>((r) => http!.listen(0, '127.0.0.1', () => r()));
    const port = (http.address() as AddressInfo).port;
    guard.bound('127.0.0.1', port);
    const changes: boolean[] = [];
    lan = createLanMode(http, guard, { addresses: () => ['127.0.0.2'], onChanged: (on) => changes.push(on) });
    lan.bound('127.0.0.1', port);
    const extra = `http://127.0.0.2:${port}/`;

    await expect(fetch(extra)).rejects.toThrow();
    expect(lan.status()).toEqual({ on: false, locked: false, addresses: [], failures: [] });

    expect(await lan.set(true)).toEqual({ ok: true, status: { on: true, locked: false, addresses: ['127.0.0.2'], failures: [] } });
    const res = await fetch(extra);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('ok');

    await lan.set(false);
    await expect(fetch(extra)).rejects.toThrow();
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
    expect(changes).toEqual([true, false]);
  });

  it('is locked on when the server is bound to every interface', async () => {
    http = createServer();
    const guard = createRequestGuard({ allowedHosts: [], trusted: ['loopback'] });
    lan = createLanMode(http, guard, { addresses: () => ['192.168.1.20'] });
    lan.bound('0.0.0.0', 4848);
    expect(lan.status()).toEqual({ on: true, locked: true, addresses: ['192.168.1.20'], failures: [] });
    const refused = await lan.set(false);
    expect(refused.ok).toBe(false);
    expect(refused.ok ? '' : refused.message).toMatch(/--host 0\.0\.0\.0/);
  });
});
