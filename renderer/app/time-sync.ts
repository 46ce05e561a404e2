import type { RostrumSocket } from './socket-types';
import { addClockSample, localNow } from './server-clock';

const PING_EVERY_MS = 1000;
/** No answer for this long and the link counts as offline, even if the socket says it is up. */
const SILENCE_LIMIT_MS = 3000;
const WATCH_EVERY_MS = 250;

/**
 * Pings the server every second: each answer refines the clock offset and proves the link alive.
 * Calls `onAlive` whenever liveness changes. Returns a function that stops it all.
 */
export function startTimeSync(socket: RostrumSocket, onAlive: (alive: boolean) => void): () => void {
  let lastHeardAt = -Infinity;
  let alive: boolean | null = null;

  const report = () => {
    const now = socket.connected && localNow() - lastHeardAt < SILENCE_LIMIT_MS;
    if (now !== alive) {
      alive = now;
      onAlive(now);
    }
  };

  const ping = () => {
    if (!socket.connected) return;
    socket.timeout(SILENCE_LIMIT_MS).emit('time:ping', localNow(), (err, pong) => {
      if (err || !pong) return;
      const receivedAt = localNow();
      addClockSample(pong.clientSentAt, pong.serverTime, receivedAt);
      lastHeardAt = receivedAt;
      report();
    });
  };

  const onConnect = () => {
    lastHeardAt = localNow(); // connecting is itself an answer
    report();
    ping();
  };
  const onDisconnect = () => report();
  // Background tabs throttle timers; when the display comes back, check at once.
  const onVisible = () => {
    if (document.visibilityState === 'visible') ping();
  };

  socket.on('connect', onConnect);
  socket.on('disconnect', onDisconnect);
  document.addEventListener('visibilitychange', onVisible);
  const pinger = setInterval(ping, PING_EVERY_MS);
  const watcher = setInterval(report, WATCH_EVERY_MS);
  if (socket.connected) onConnect();

  return () => {
    clearInterval(pinger);
    clearInterval(watcher);
    socket.off('connect', onConnect);
    socket.off('disconnect', onDisconnect);
    document.removeEventListener('visibilitychange', onVisible);
  };
}
