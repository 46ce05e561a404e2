import { agendaIoEn, agendaIoZh } from '../../../shared/i18n/parts/agenda-io';
import { audioEn, audioZh } from '../../../shared/i18n/parts/audio';
import { automationEn, automationZh } from '../../../shared/i18n/parts/automation';
import { displaysEn, displaysZh } from '../../../shared/i18n/parts/displays';
import { moderatorEn, moderatorZh } from '../../../shared/i18n/parts/moderator';
import { networkEn, networkZh } from '../../../shared/i18n/parts/network';
import { oscEn, oscZh } from '../../../shared/i18n/parts/osc';
import { outputsEn, outputsZh } from '../../../shared/i18n/parts/outputs';
import { rehearsalEn, rehearsalZh } from '../../../shared/i18n/parts/rehearsal';
import { timingEn, timingZh } from '../../../shared/i18n/parts/timing';
import { part, type MessagePart } from '../../i18n/messages';

/**
 * What this page loads beside the core (renderer/i18n/messages.ts). The console shows every
 * capability it controls: every part but the booth's, the speaker's and the overview's.
 * tests/renderer/i18n/view-messages.test.ts checks it against the keys the page's code asks for.
 */
export const VIEW_MESSAGES: readonly MessagePart[] = [
  part(moderatorEn, moderatorZh),
  part(audioEn, audioZh),
  part(agendaIoEn, agendaIoZh),
  part(automationEn, automationZh),
  part(displaysEn, displaysZh),
  part(networkEn, networkZh),
  part(oscEn, oscZh),
  part(outputsEn, outputsZh),
  part(rehearsalEn, rehearsalZh),
  part(timingEn, timingZh),
];
