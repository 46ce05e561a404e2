import { outputsEn, outputsZh } from '../../../shared/i18n/parts/outputs';
import { part, type MessagePart } from '../../i18n/messages';

/**
 * What this page loads beside the core (renderer/i18n/messages.ts). The stream's lower third
 * (#19): its label is among the outputs' (the link status is core).
 * tests/renderer/i18n/view-messages.test.ts checks it against the keys the page's code asks for.
 */
export const VIEW_MESSAGES: readonly MessagePart[] = [part(outputsEn, outputsZh)];
