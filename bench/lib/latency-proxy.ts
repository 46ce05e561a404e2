import { jitteredDelay, startTcpProxy, type TcpProxy } from '../../tests/helpers/tcp-proxy';

/**
 * A loopback TCP proxy that delays every chunk by `delayMs` in each direction, so a page's clock
 * offset estimate is exercised over a link with real latency. Chunks keep their order (equal delays).
 */
export function startLatencyProxy(targetPort: number, delayMs: number): Promise<TcpProxy> {
  return startTcpProxy(targetPort, (deliver) => setTimeout(deliver, delayMs));
}

/** The same with jitter: `oneWayMs` ± `jitterMs` each way, each stream kept in order (issue #17: 75 ± 40 ms). */
export function startJitterProxy(targetPort: number, oneWayMs: number, jitterMs: number): Promise<TcpProxy> {
  return startTcpProxy(targetPort, jitteredDelay(oneWayMs, jitterMs));
}
