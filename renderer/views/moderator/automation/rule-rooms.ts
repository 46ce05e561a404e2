import { ruleRoom, type AutomationRule } from '../../../../shared/contract/automation';
import { MAIN_ROOM, MAIN_ROOM_NAME, type RoomInfo } from '../../../../shared/contract/rooms';
import type { Translate, UiLanguage } from '../../../../shared/i18n/translate';

/**
 * Whether the console shows rooms in the automation dialog: when the server has more than one, or a
 * rule names a room other than `main` (one removed since). With `main` alone, the dialog is as before rooms.
 */
export const showsRooms = (rooms: readonly RoomInfo[], rules: readonly AutomationRule[]): boolean =>
  rooms.length > 1 || rules.some((rule) => ruleRoom(rule) !== MAIN_ROOM);

/** A room's name in the UI language, or "<id> (room removed)" for a room that is not there. */
export function roomLabel(room: string, rooms: readonly RoomInfo[], lang: UiLanguage, t: Translate): string {
  const name = rooms.find((r) => r.id === room)?.name ?? (room === MAIN_ROOM ? MAIN_ROOM_NAME : null);
  return name ? name[lang] : t('automation.room.removed', { id: room });
}
