import type { Server as EngineServer, Socket as EngineSocket } from 'engine.io';
import { FairInbox } from './fair-inbox';

/** What this file uses of engine.io's long-polling transport (`onData` is protected in its types). */
interface PollingTransport {
  readonly name: string;
  protocol: number;
  onData(data: unknown): void;
  onError(message: string): void;
}

/** EIO4 separates the packets of a polling payload with this character. */
const SEPARATOR = '\x1e';
/** A polling client with more packets than this waiting is dropped: it is flooding. */
const MAX_WAITING = 10_000;

/**
 * The long-polling fallback's counterpart of fair-websocket.ts. engine.io decodes a whole POST
 * (up to the 2 MB body limit: tens of thousands of tiny packets) and runs every packet at once, so
 * one flooding client would hold the event loop for a second or more. Here each payload is split
 * into its packets, and one connection's packets run a few per turn (FairInbox), in order.
 */
export function makePollingFair(engine: EngineServer): void {
  engine.on('connection', (conn: EngineSocket) => {
    const transport = conn.transport as unknown as PollingTransport;
    if (transport.name !== 'polling' || transport.protocol !== 4) return;
    const inbox = new FairInbox();
    let waiting = 0;
    const decodeAll = transport.onData.bind(transport);
    transport.onData = (data: unknown) => {
      if (typeof data !== 'string') return decodeAll(data);
      const packets = data.split(SEPARATOR);
      if (waiting + packets.length > MAX_WAITING) return transport.onError(`more than ${MAX_WAITING} packets waiting`);
      for (const packet of packets) {
        waiting += 1;
        inbox.run(() => {
          waiting -= 1;
          decodeAll(packet);
        });
      }
    };
    conn.once('close', () => inbox.close());
  });
}
