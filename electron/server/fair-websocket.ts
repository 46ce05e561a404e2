import { WebSocketServer, type ServerOptions } from 'ws';

/**
 * engine.io's websocket server, set to emit each client's messages one per turn of the event loop
 * (`allowSynchronousEvents: false`). By default ws emits every message of a TCP read back to back:
 * a client that floods thousands of small messages would have all of them decoded, checked and
 * answered (even if only to refuse them) before any other client's request is read. One per turn,
 * the others' I/O goes in between; an ordinary client, one message at a time, does not notice.
 */
export class FairWebSocketServer extends WebSocketServer {
  constructor(options?: ServerOptions, callback?: () => void) {
    super({ ...options, allowSynchronousEvents: false }, callback);
  }
}
