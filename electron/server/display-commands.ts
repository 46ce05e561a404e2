import { IDENTIFY_MS, PAGE_NEEDS_ROLE, type DisplayCommand, type IdentifyOrder, type RedirectOrder } from '../../shared/contract/displays';
import { apiError, type ApiError } from '../../shared/contract/errors';
import type { DisplayPresence } from './display-presence';

/** How the server reaches one connection (socket-server.ts: the socket with that id). */
export interface DisplayOrders {
  identify(connectionId: string, order: IdentifyOrder): void;
  redirect(connectionId: string, order: RedirectOrder): void;
  reload(connectionId: string): void;
}

const KEY_NAMES = { control: 'moderator', booth: 'booth', view: 'view' } as const;

/**
 * The display commands (#19), after the core validated them and checked the role. They act on
 * presence, not on the state: nothing is saved in the state file and the revision stays. A rename
 * is remembered for the device before this returns. Null: done.
 */
export function runDisplayCommand(cmd: DisplayCommand, presence: DisplayPresence, orders: DisplayOrders): ApiError | null {
  const found = presence.find(cmd.displayId);
  if (!found) {
    return apiError('unknown-display', `displayId: no display "${cmd.displayId}" is connected (it may have just left: GET /api/v1/displays lists those that are)`, 'displayId');
  }
  const { connectionId, display } = found;
  const shown = display.name || display.id;
  switch (cmd.type) {
    case 'display.rename':
      try {
        presence.rename(cmd.displayId, cmd.name);
      } catch (error) {
        return apiError('persist-failed', `the name could not be saved: ${(error as Error).message}`);
      }
      return null;
    case 'display.identify':
      orders.identify(connectionId, { name: display.name, durationMs: IDENTIFY_MS });
      return null;
    case 'display.reload':
      orders.reload(connectionId);
      return null;
    case 'display.redirect': {
      const needs = PAGE_NEEDS_ROLE[cmd.view];
      if (needs !== undefined && display.role !== needs && display.role !== 'control') {
        const has = display.role === null ? 'no key' : `the ${KEY_NAMES[display.role]} key`;
        return apiError('invalid', `view: the display "${shown}" has ${has}; the ${cmd.view} page needs the ${KEY_NAMES[needs]} key (open that link on it instead)`, 'view');
      }
      orders.redirect(connectionId, { view: cmd.view, params: cmd.params });
      return null;
    }
  }
}
