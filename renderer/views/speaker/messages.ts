import { audioEn, audioZh } from '../../../shared/i18n/parts/audio';
import { outputsEn, outputsZh } from '../../../shared/i18n/parts/outputs';
import { speakerEn, speakerZh } from '../../../shared/i18n/parts/speaker';
import { part, type MessagePart } from '../../i18n/messages';

/**
 * What this page loads beside the core (renderer/i18n/messages.ts). The speaker monitor and the
 * audience page (`/audience`, the same bundle): the clock's words, the personal page, the audience
 * screen (its running-late line is an output's), the sound toggle.
 * tests/renderer/i18n/view-messages.test.ts checks it against the keys the page's code asks for.
 */
export const VIEW_MESSAGES: readonly MessagePart[] = [
  part(speakerEn, speakerZh),
  part(audioEn, audioZh),
  part(outputsEn, outputsZh),
];
