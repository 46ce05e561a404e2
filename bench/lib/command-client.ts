import { Agent, request } from 'node:http';
import type { BenchServer } from './server';

/**
 * Sends commands over HTTP the cheap way, for the latency figures: node:http on one kept-alive
 * connection. `fetch` (undici) spends 0.5–1 ms of the driver's own CPU per request and widens the
 * tail by several ms on a 2-core machine, which would be counted as the server's fan-out latency
 * (as socket.io-client's decoding would be on the receiving side; see raw-socket-client.ts).
 */
export function commandClient(server: BenchServer, path = '/api/v1/commands'): { send(command: object): Promise<{ revision: number }>; close(): void } {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  // `path`: another room's `/api/v1/rooms/<id>/commands` (#18).
  const url = `${server.url}${path}`;
  const send = (command: object) =>
    new Promise<{ revision: number }>((resolve, reject) => {
      const body = JSON.stringify(command);
      const headers = {
        authorization: `Bearer ${server.tokens.control}`,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
      };
      const req = request(url, { method: 'POST', agent, headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          const parsed = JSON.parse(text) as { revision?: number; error?: { message: string } };
          if (res.statusCode !== 200 || parsed.revision === undefined) reject(new Error(`command failed: ${res.statusCode} ${parsed.error?.message ?? ''}`));
          else resolve({ revision: parsed.revision });
        });
      });
      req.on('error', reject);
      req.end(body);
    });
  return { send, close: () => agent.destroy() };
}
