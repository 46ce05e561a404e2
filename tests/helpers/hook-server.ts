import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HookRequest {
  method: string;
  url: string;
  contentType: string;
  body: string;
}

/**
 * A local HTTP server standing in for vMix, Companion or a webhook: it records each request and
 * answers 200, or holds requests whose path starts with `/hang` open until `release()`.
 */
export async function startHookServer(): Promise<{
  url: string;
  requests: HookRequest[];
  /** Resolves with the `n`th request (1-based) whose path starts with `prefix`, once it came. */
  nth(prefix: string, n: number): Promise<HookRequest>;
  count(prefix: string): number;
  release(): void;
  close(): Promise<void>;
}> {
  const requests: HookRequest[] = [];
  const held: ServerResponse[] = [];
  const waiters: (() => void)[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', contentType: req.headers['content-type'] ?? '', body });
      for (const w of waiters.splice(0)) w();
      if ((req.url ?? '').startsWith('/hang')) held.push(res);
      else res.end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const matching = (prefix: string) => requests.filter((r) => r.url.startsWith(prefix));
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    count: (prefix) => matching(prefix).length,
    nth: (prefix, n) =>
      new Promise((resolve) => {
        const look = () => {
          const found = matching(prefix)[n - 1];
          if (found) resolve(found);
          else waiters.push(look);
        };
        look();
      }),
    release: () => {
      for (const res of held.splice(0)) res.end('late');
    },
    close: () =>
      new Promise((r) => {
        for (const res of held.splice(0)) res.destroy();
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
