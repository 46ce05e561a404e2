import WebSocket from 'ws';

/**
 * A bare WebSocket speaking socket.io's wire protocol (engine.io v4 + socket.io v5), so that
 * hundreds of clients cost almost nothing to decode: patches are recognised by their prefix and
 * their revision read with a regex, never JSON-parsed.
 */
export interface RawClient {
  ws: WebSocket;
  close(): void;
}

export interface RawClientHandlers {
  /** Called for every `state:patch` with its revision. */
  onPatch?: (revision: number) => void;
  /** Called for every event frame (`42…`), patches included. */
  onEvent?: (name: string) => void;
}

/** `room`: the room whose channel to join (#18, the handshake's query `room`); absent: `main`. */
export function connectRaw(url: string, handlers: RawClientHandlers = {}, token?: string, room?: string): Promise<RawClient> {
  const roomQuery = room === undefined ? '' : `&room=${encodeURIComponent(room)}`;
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket${roomQuery}`, { perMessageDeflate: false });
  return new Promise((resolve, reject) => {
    let connected = false;
    ws.on('message', (data) => {
      const text = data.toString();
      const type = text[0];
      if (type === '0') {
        ws.send(token ? `40${JSON.stringify({ token })}` : '40');
        return;
      }
      if (type === '2') {
        ws.send('3'); // engine.io heartbeat
        return;
      }
      if (text.startsWith('40') && !connected) {
        connected = true;
        resolve({ ws, close: () => ws.close() });
        return;
      }
      if (text.startsWith('42')) {
        const name = /^42\["([^"]+)"/.exec(text)?.[1] ?? '';
        handlers.onEvent?.(name);
        if (name === 'state:patch') {
          const rev = /"revision":(\d+)/.exec(text.slice(0, 80))?.[1];
          if (rev) handlers.onPatch?.(Number(rev));
        }
      }
    });
    ws.once('error', reject);
  });
}
