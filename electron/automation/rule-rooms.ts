import { ruleRoom, type AutomationRule } from '../../shared/contract/automation';
import { apiError, type ApiError } from '../../shared/contract/errors';
import type { RoomRegistry } from '../rooms/room-registry';

/** The event's rooms as the automation follows them (electron/rooms/room-registry.ts). */
export type EngineRooms = Pick<RoomRegistry, 'core' | 'forEach' | 'onAdded' | 'onRemoved'>;

/**
 * Why a set of rules cannot be saved for the rooms there are, or null. A rule naming a room that
 * does not exist is refused, naming the field (`rules.1.room: no room "breakout-z"`), unless it was
 * saved before with that room: its room was removed since, and the rule is kept as it is (it never
 * fires; the console shows it as "room removed"), so saving the other rules still works.
 */
export function roomRefusal(rules: readonly AutomationRule[], saved: readonly AutomationRule[], hasRoom: (id: string) => boolean): ApiError | null {
  const savedRoom = new Map(saved.map((rule) => [rule.id, ruleRoom(rule)]));
  for (const [i, rule] of rules.entries()) {
    const room = ruleRoom(rule);
    if (hasRoom(room) || savedRoom.get(rule.id) === room) continue;
    const path = `rules.${i}.room`;
    return apiError('invalid', `${path}: rule "${rule.id}": no room "${room}" (see GET /api/v1/rooms)`, path);
  }
  return null;
}
