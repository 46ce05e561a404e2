import type { Message } from './translate';
import { coreEn } from './parts/core';
import { moderatorEn } from './parts/moderator';
import { speakerEn } from './parts/speaker';
import { boothEn } from './parts/booth';
import { audioEn } from './parts/audio';
import { agendaIoEn } from './parts/agenda-io';
import { networkEn } from './parts/network';
import { oscEn } from './parts/osc';
import { rehearsalEn } from './parts/rehearsal';
import { displaysEn } from './parts/displays';
import { automationEn } from './parts/automation';
import { outputsEn } from './parts/outputs';
import { roomsEn } from './parts/rooms';
import { timingEn } from './parts/timing';

/**
 * English, the source catalogue: every string the views show, the core plus one part per
 * capability (parts/*.ts), each with its own keys. Its keys define `MessageKey`; each part's
 * Chinese must translate every key of its English (zh.ts).
 *
 * A view loads only the core and the parts its entry names (renderer/views/<view>/messages.ts):
 * the renderer never imports this file's value, only its types. The desktop shell and the tests
 * read the whole catalogue through shared/i18n/catalogue.ts.
 */
export const en = {
  ...coreEn,
  ...moderatorEn,
  ...speakerEn,
  ...boothEn,
  ...audioEn,
  ...agendaIoEn,
  ...networkEn,
  ...oscEn,
  ...rehearsalEn,
  ...displaysEn,
  ...automationEn,
  ...outputsEn,
  ...roomsEn,
  ...timingEn,
};

export type MessageKey = keyof typeof en;
export type Catalogue = Record<MessageKey, Message>;
