import type { z } from 'zod';
import type { ConnectedDisplay, displayHelloSchema } from '../../shared/contract/presence';
import type { Role } from '../../shared/contract/roles';
import { Coalescer, type CoalescerClock } from './coalescer';

/** Display lists go out at most twice a second, however many displays come, go or change. */
export const DISPLAYS_INTERVAL_MS = 500;

type ParsedHello = z.output<typeof displayHelloSchema>;

/**
 * Who is watching (the console's Displays panel). Each hello that changes something updates the
 * list; an unchanged one is ignored. The list is published through `publish` (to control sockets
 * only: it names every display and its role), coalesced so that a crowd of connecting displays
 * costs one message per interval instead of one per hello per connection.
 */
export class DisplayPresence {
  private readonly displays = new Map<string, ConnectedDisplay>();
  private counter = 0;
  private readonly coalescer: Coalescer;
  private readonly leaveListeners = new Set<(display: ConnectedDisplay) => void>();

  constructor(
    publish: (displays: ConnectedDisplay[]) => void,
    private readonly now: () => number,
    clock?: CoalescerClock,
  ) {
    this.coalescer = new Coalescer(() => publish(this.list()), DISPLAYS_INTERVAL_MS, clock);
  }

  list(): ConnectedDisplay[] {
    return [...this.displays.values()];
  }

  hello(connectionId: string, role: Role | null, hello: ParsedHello): void {
    const previous = this.displays.get(connectionId);
    const direction = hello.direction ?? null;
    const bare = hello.bare ?? false;
    if (previous && previous.view === hello.view && previous.name === hello.name && previous.language === hello.language && previous.direction === direction && previous.bare === bare) return;
    this.displays.set(connectionId, {
      id: previous?.id ?? `d${(this.counter += 1)}`,
      view: hello.view,
      name: hello.name,
      language: hello.language,
      direction,
      bare,
      role,
      connectedAt: previous?.connectedAt ?? this.now(),
    });
    this.coalescer.request();
  }

  leave(connectionId: string): void {
    const gone = this.displays.get(connectionId);
    if (this.displays.delete(connectionId)) this.coalescer.request();
    if (gone) for (const listener of this.leaveListeners) listener(gone);
  }

  /** Told of each display that went away (the automation rules' display.offline). */
  onLeave(listener: (display: ConnectedDisplay) => void): void {
    this.leaveListeners.add(listener);
  }

  close(): void {
    this.coalescer.close();
  }
}
