/**
 * A separate process holding N bare socket.io clients in each of several rooms (#18): the displays
 * of the rooms that are not measured. They only receive; the parent is told once all are connected.
 */
import { connectRaw, type RawClient } from './raw-socket-client';

const [url, countArg, roomsArg] = process.argv.slice(2);
const count = Number(countArg);
const rooms = JSON.parse(roomsArg!) as [room: string, token: string][];
const clients: RawClient[] = [];
for (const [room, token] of rooms) for (let i = 0; i < count; i += 1) clients.push(await connectRaw(url!, {}, token, room));
process.send!({ type: 'ready' });
process.on('message', (msg: { type: string }) => {
  if (msg.type === 'stop') {
    for (const c of clients) c.close();
    process.exit(0);
  }
});
