import type { Catalogue } from './en';
import { coreZh } from './parts/core';
import { moderatorZh } from './parts/moderator';
import { speakerZh } from './parts/speaker';
import { boothZh } from './parts/booth';
import { audioZh } from './parts/audio';
import { agendaIoZh } from './parts/agenda-io';
import { networkZh } from './parts/network';
import { oscZh } from './parts/osc';
import { outputsZh } from './parts/outputs';
import { rehearsalZh } from './parts/rehearsal';
import { displaysZh } from './parts/displays';
import { automationZh } from './parts/automation';
import { roomsZh } from './parts/rooms';
import { timingZh } from './parts/timing';

/**
 * 简体中文: every part's Chinese. Each part types its Chinese by its English keys, and this type
 * makes a part left out here a compile error.
 */
export const zh: Catalogue = { ...coreZh, ...moderatorZh, ...speakerZh, ...boothZh, ...audioZh, ...agendaIoZh, ...networkZh, ...oscZh, ...rehearsalZh, ...displaysZh, ...automationZh, ...outputsZh, ...roomsZh, ...timingZh };
