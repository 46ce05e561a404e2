import { startTcpProxy, type TcpProxy } from './tcp-proxy';

export interface FreezeProxy extends TcpProxy {
  /** From now on nothing crosses, either way, on open or new connections: a silent drop. */
  freeze(): void;
  /** Delivers what was held back, in order, and passes traffic again. */
  resume(): void;
}

/**
 * A loopback TCP proxy that can be frozen: connections stay open but go silent, as when a
 * switch or an access point stops forwarding. Neither end sees a close or a reset.
 */
export async function startFreezeProxy(targetPort: number): Promise<FreezeProxy> {
  let frozen = false;
  const held: Array<() => void> = [];
  const proxy = await startTcpProxy(targetPort, (deliver) => (frozen ? held.push(deliver) : deliver()));
  return {
    ...proxy,
    freeze: () => {
      frozen = true;
    },
    resume: () => {
      frozen = false;
      for (const deliver of held.splice(0)) deliver();
    },
  };
}
