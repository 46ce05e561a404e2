/**
 * A separate process holding N bare socket.io clients (bench/lib/raw-socket-client.ts). It tells
 * its parent over IPC when every client has received a given revision, with each client's receive
 * time on the shared monotonic clock (process.hrtime, CLOCK_MONOTONIC on Linux).
 */
import { connectRaw, type RawClient } from './raw-socket-client';

// A third argument: the token each client presents (a relay's remote token); a fourth: the room (#18).
const [url, countArg, tokenArg, room] = process.argv.slice(2);
const token = tokenArg === '' ? undefined : tokenArg;
const count = Number(countArg);
const now = () => Number(process.hrtime.bigint()) / 1e6;

const received = new Map<number, number[]>();
const clients: RawClient[] = [];

function onPatch(revision: number): void {
  const t = now();
  let list = received.get(revision);
  if (!list) {
    list = [];
    received.set(revision, list);
  }
  list.push(t);
  if (list.length === count) {
    process.send!({ type: 'revision', revision, times: list });
    received.delete(revision);
  }
}

for (let i = 0; i < count; i += 1) clients.push(await connectRaw(url!, { onPatch }, token, room));
process.send!({ type: 'ready' });
process.on('message', (msg: { type: string }) => {
  if (msg.type === 'stop') {
    for (const c of clients) c.close();
    process.exit(0);
  }
});
