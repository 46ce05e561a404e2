import { roomsEn, roomsZh } from '../../../shared/i18n/parts/rooms';
import { part, type MessagePart } from '../../i18n/messages';

/**
 * What this page loads beside the core (renderer/i18n/messages.ts). The producer's overview of the
 * rooms (#18). tests/renderer/i18n/view-messages.test.ts checks it against the keys the page's
 * code asks for.
 */
export const VIEW_MESSAGES: readonly MessagePart[] = [part(roomsEn, roomsZh)];
