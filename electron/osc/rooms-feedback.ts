import type { Room, RoomRegistry } from '../rooms/room-registry';
import type { RostrumCore } from '../server/core';
import { MAIN_ROOM } from '../../shared/contract/rooms';
import { feedbackPrefix, startOscFeedback, type OscFeedback } from './osc-feedback';
import { createOscSender, type OscTarget } from './osc-sender';

/** The rooms as OSC feedback follows them (RoomRegistry): those there now, and those added or removed later. */
export type FeedbackRooms = Pick<RoomRegistry, 'forEach' | 'onAdded' | 'onRemoved'>;

export interface RoomsFeedbackOptions {
  /** `main`'s core: its feedback keeps today's addresses, `/rostrum/state/…`. */
  core: RostrumCore;
  /** Rooms (#18): each other room's feedback on `/rostrum/<roomId>/state/…`. */
  rooms?: FeedbackRooms;
  target: OscTarget;
  log: (line: string) => void;
  tickMs?: number;
  /** Tests: receive the messages instead of sending them over UDP. */
  emit?: (address: string, args: (string | number)[]) => void;
}

/**
 * OSC feedback for every room, to one target through one socket: each room is fed by its own
 * startOscFeedback (its changes, its once-a-second tick while its clocks run, its own coalescing of
 * unchanged timers and phases), as `main` always was. A room added later starts with its full state;
 * a removed room's feedback stops, timer included.
 */
export function startRoomsFeedback(o: RoomsFeedbackOptions): OscFeedback {
  const sender = o.emit ? null : createOscSender(o.target, o.log);
  const emit = o.emit ?? ((address: string, args: (string | number)[]) => sender?.send(address, args));
  const feeds = new Map<string, OscFeedback>();
  const follow = (room: string, core: RostrumCore) => {
    if (feeds.has(room)) return;
    feeds.set(room, startOscFeedback({ core, target: o.target, log: o.log, prefix: feedbackPrefix(room), emit, ...(o.tickMs ? { tickMs: o.tickMs } : {}) }));
  };
  const drop = (room: Room) => {
    void feeds.get(room.info.id)?.close();
    feeds.delete(room.info.id);
  };

  follow(MAIN_ROOM, o.core);
  o.rooms?.forEach((room) => follow(room.info.id, room.core));
  const unsubscribe = [o.rooms?.onAdded((room) => follow(room.info.id, room.core)), o.rooms?.onRemoved(drop)];

  return {
    close: async () => {
      for (const off of unsubscribe) off?.();
      await Promise.all([...feeds.values()].map((f) => f.close()));
      feeds.clear();
      await sender?.close();
    },
  };
}
