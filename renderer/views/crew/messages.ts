import { outputsEn, outputsZh } from '../../../shared/i18n/parts/outputs';
import { speakerEn, speakerZh } from '../../../shared/i18n/parts/speaker';
import { part, type MessagePart } from '../../i18n/messages';

/**
 * What this page loads beside the core (renderer/i18n/messages.ts). The crew's phone page (#19):
 * the outputs' words, and the audience page's end-of-programme line.
 * tests/renderer/i18n/view-messages.test.ts checks it against the keys the page's code asks for.
 */
export const VIEW_MESSAGES: readonly MessagePart[] = [part(outputsEn, outputsZh), part(speakerEn, speakerZh)];
