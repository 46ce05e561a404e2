import { startTcpProxy, type TcpProxy } from '../../tests/helpers/tcp-proxy';

/**
 * A loopback TCP proxy that delays every chunk by `delayMs` in each direction, so a page's clock
 * offset estimate is exercised over a link with real latency. Chunks keep their order (equal delays).
 */
export function startLatencyProxy(targetPort: number, delayMs: number): Promise<TcpProxy> {
  return startTcpProxy(targetPort, (deliver) => setTimeout(deliver, delayMs));
}
