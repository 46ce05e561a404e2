import { create } from 'zustand';
import type { IdentifyOrder, RedirectOrder } from '../../shared/contract/displays';
import type { HandshakeAuth } from '../../shared/contract/events';
import { applyPageParams } from './page-params';
import { announceAgain } from './presence';
import { redirectStep } from './redirect-target';
import type { RostrumSocket } from './socket-types';

/** The name an identify order asked this display to show, while it shows; null otherwise. */
export const useIdentify = create<{ name: string | null }>(() => ({ name: null }));

/**
 * Carries out what the console orders this display to do (#19, docs/displays.md): show its name
 * (identify), go to another page or parameters (redirect), load again (reload). The server sends
 * these to this display's connection alone.
 */
export function followDisplayOrders(socket: RostrumSocket): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const identify = (order: IdentifyOrder) => {
    clearTimeout(timer);
    useIdentify.setState({ name: order.name });
    timer = setTimeout(() => useIdentify.setState({ name: null }), Math.min(Math.max(order.durationMs, 1000), 30_000));
  };
  const redirect = (order: RedirectOrder) => {
    const token = (socket.auth as HandshakeAuth | undefined)?.token;
    const step = redirectStep(order, new URL(window.location.href), token);
    if (step.kind === 'params') {
      applyPageParams(step.search);
      announceAgain();
    } else if (step.kind === 'navigate') {
      window.location.assign(step.href);
    }
  };
  const reload = () => window.location.reload();
  socket.on('display:identify', identify);
  socket.on('display:redirect', redirect);
  socket.on('display:reload', reload);
  return () => {
    clearTimeout(timer);
    socket.off('display:identify', identify);
    socket.off('display:redirect', redirect);
    socket.off('display:reload', reload);
  };
}
