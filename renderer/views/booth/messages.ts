import { audioEn, audioZh } from '../../../shared/i18n/parts/audio';
import { boothEn, boothZh } from '../../../shared/i18n/parts/booth';
import { part, type MessagePart } from '../../i18n/messages';

/**
 * What this page loads beside the core (renderer/i18n/messages.ts). The interpreter booth: its
 * panels and requests, and the sound toggle. tests/renderer/i18n/view-messages.test.ts checks it
 * against the keys the page's code asks for.
 */
export const VIEW_MESSAGES: readonly MessagePart[] = [part(boothEn, boothZh), part(audioEn, audioZh)];
