import type { RostrumSocket } from './socket-types';
import { addClockSample, localNow } from './server-clock';

const PING_EVERY_MS = 1000;
/**
 * No answer for this long and the link counts as offline, even if the socket says it is up.
 * A ping goes out every second, so a frozen link reads as offline between 1 and 2.25 s after
 * its last answer (the watcher looks four times a second); a healthy one needs a pong to be
 * more than a second late to trip it.
 */
export const SILENCE_LIMIT_MS = 2000;
/**
 * Silent this long with the socket still "open" and the connection is dropped and made again.
 * socket.io's own heartbeat would take up to 45 s to notice a dead path (a tablet that changed
 * Wi-Fi access point, a switch that lost its state); a display must not wait that long.
 */
export const RECONNECT_AFTER_MS = 5000;
const WATCH_EVERY_MS = 250;

/**
 * Pings the server every second: each answer refines the clock offset and proves the link alive.
 * Calls `onAlive` whenever liveness changes, and forces a fresh connection after a long silence.
 * Returns a function that stops it all.
 */
export function startTimeSync(socket: RostrumSocket, onAlive: (alive: boolean) => void): () => void {
  let lastHeardAt = -Infinity;
  let alive: boolean | null = null;

  const report = () => {
    const silentFor = localNow() - lastHeardAt;
    const now = socket.connected && silentFor < SILENCE_LIMIT_MS;
    if (now !== alive) {
      alive = now;
      onAlive(now);
    }
    if (socket.connected && silentFor >= RECONNECT_AFTER_MS) {
      // Closing the transport makes socket.io reconnect by itself ("transport close"); the
      // new connection brings a fresh snapshot. Count the attempt as heard, so it gets time.
      lastHeardAt = localNow();
      socket.io.engine.close();
    }
  };

  const ping = () => {
    if (!socket.connected) return;
    socket.timeout(RECONNECT_AFTER_MS).emit('time:ping', localNow(), (err, pong) => {
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
