import type { z } from 'zod';
import type { ConnectedDisplay, displayHelloSchema } from '../../shared/contract/presence';
import type { Role } from '../../shared/contract/roles';
import { Coalescer, type CoalescerClock } from './coalescer';
import { memoryNameBook, type DisplayNameBook } from './display-names';

/** Display lists go out at most twice a second, however many displays come, go or change. */
export const DISPLAYS_INTERVAL_MS = 500;
/** With nothing else changing, the list goes out again this often so that "last seen" stays true. */
export const SEEN_REFRESH_MS = 10_000;

type ParsedHello = z.output<typeof displayHelloSchema>;

/**
 * What presence tells its subscribers (the console's list is one; the rules' `display.offline`
 * trigger is meant to be another): a display came, changed (name, page, language…) or went.
 */
export type PresenceEvent = { type: 'online' | 'changed' | 'offline'; display: ConnectedDisplay };
export type PresenceListener = (event: PresenceEvent) => void;

interface Entry {
  display: ConnectedDisplay;
  /** The name the display gave itself (a booth's), shown when the console gave none. */
  ownName: string;
  deviceId: string | null;
}

/**
 * Who is watching (the console's Displays panel). Each hello that changes something updates the
 * list; an unchanged one is ignored. The list is published through `publish` (to control sockets
 * only: it names every display and its role), coalesced so that a crowd of connecting displays
 * costs one message per interval instead of one per hello per connection. Names given from the
 * console are kept per device in `names` (#19).
 */
export class DisplayPresence {
  private readonly entries = new Map<string, Entry>();
  private counter = 0;
  private readonly coalescer: Coalescer;
  private readonly listeners = new Set<PresenceListener>();
  private publishedAt = -Infinity;

  constructor(
    publish: (displays: ConnectedDisplay[]) => void,
    private readonly now: () => number,
    clock?: CoalescerClock,
    private readonly names: DisplayNameBook = memoryNameBook(),
  ) {
    this.coalescer = new Coalescer(
      () => {
        this.publishedAt = this.now();
        publish(this.list());
      },
      DISPLAYS_INTERVAL_MS,
      clock,
    );
  }

  list(): ConnectedDisplay[] {
    return [...this.entries.values()].map((e) => e.display);
  }

  /** Calls `listener` with every display that comes, changes or goes. Returns a function that stops it. */
  subscribe(listener: PresenceListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  hello(connectionId: string, role: Role | null, hello: ParsedHello, address = ''): void {
    const previous = this.entries.get(connectionId);
    const deviceId = hello.deviceId ?? null;
    const given = deviceId === null ? undefined : this.names.get(deviceId);
    const named = given !== undefined || (previous?.display.named === true && previous.deviceId === deviceId);
    const name = given ?? (named ? previous!.display.name : hello.name);
    const display: ConnectedDisplay = {
      id: previous?.display.id ?? `d${(this.counter += 1)}`,
      view: hello.view,
      name,
      language: hello.language,
      direction: hello.direction ?? null,
      bare: hello.bare ?? false,
      role,
      connectedAt: previous?.display.connectedAt ?? this.now(),
      page: hello.page ?? hello.view,
      address,
      lastSeen: this.now(),
      named,
    };
    const entry: Entry = { display, ownName: hello.name, deviceId };
    if (previous && sameDisplay(previous.display, display)) {
      previous.display = { ...previous.display, lastSeen: display.lastSeen };
      return;
    }
    this.entries.set(connectionId, entry);
    this.changed(previous ? 'changed' : 'online', display);
  }

  /** The display said something (any event): it is alive. The list goes out again now and then to show it. */
  seen(connectionId: string): void {
    const entry = this.entries.get(connectionId);
    if (!entry) return;
    entry.display = { ...entry.display, lastSeen: this.now() };
    if (entry.display.lastSeen - this.publishedAt >= SEEN_REFRESH_MS) this.coalescer.request();
  }

  leave(connectionId: string): void {
    const entry = this.entries.get(connectionId);
    if (!entry) return;
    this.entries.delete(connectionId);
    this.changed('offline', entry.display);
  }

  /** The connection showing display `id`, or null when none is connected. */
  find(id: string): { connectionId: string; display: ConnectedDisplay } | null {
    for (const [connectionId, entry] of this.entries) if (entry.display.id === id) return { connectionId, display: entry.display };
    return null;
  }

  /**
   * Names display `id` (an empty name gives it back its own). Remembered for its device before it
   * returns (throws when that cannot be saved: nothing changes then), and shown at once on every
   * display of that device (two tabs of one browser are one device); a display that sent no device
   * id keeps the name for its connection only.
   */
  rename(id: string, name: string): ConnectedDisplay | null {
    const found = this.find(id);
    if (!found) return null;
    const { deviceId } = this.entries.get(found.connectionId)!;
    if (deviceId !== null) this.names.set(deviceId, name);
    let renamed: ConnectedDisplay | null = null;
    for (const [connectionId, entry] of this.entries) {
      if (connectionId !== found.connectionId && (deviceId === null || entry.deviceId !== deviceId)) continue;
      const display: ConnectedDisplay = { ...entry.display, name: name === '' ? entry.ownName : name, named: name !== '' };
      this.entries.set(connectionId, { ...entry, display });
      if (connectionId === found.connectionId) renamed = display;
      this.changed('changed', display);
    }
    return renamed;
  }

  close(): void {
    this.coalescer.close();
    this.listeners.clear();
  }

  private changed(type: PresenceEvent['type'], display: ConnectedDisplay): void {
    this.coalescer.request();
    for (const listener of this.listeners) {
      try {
        listener({ type, display });
      } catch (error) {
        console.error(`Rostrum: a presence listener failed: ${(error as Error)?.stack ?? String(error)}`);
      }
    }
  }
}

const sameDisplay = (a: ConnectedDisplay, b: ConnectedDisplay): boolean =>
  a.view === b.view &&
  a.name === b.name &&
  a.language === b.language &&
  a.direction === b.direction &&
  a.bare === b.bare &&
  a.page === b.page &&
  a.address === b.address &&
  a.named === b.named;
