import type { ClockStatus, Phase } from '../clock/clock-state';
import type { ErrorCode } from '../contract/errors';
import type { Message } from './translate';
import type { LinkStatus } from '../contract/link-status';
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

/** Keys every catalogue must cover: one per phase, clock status, link status and error code. */
type RequiredKeys =
  | `phase.${Phase}`
  | `status.${ClockStatus}`
  | `link.${LinkStatus}`
  | `error.${ErrorCode}`;

/**
 * English, the source catalogue: every string the views show. `{name}` marks a value filled in by `t()`.
 * Its keys define `MessageKey`; zh.ts must translate every one of them.
 */
const baseEn = {
  'view.moderator': 'Moderator',
  'view.speaker': 'Speaker',
  'view.booth': 'Interpreter booth',
  'app.title': 'Rostrum — {view}',
  'app.titleAlerts': '({count}) Rostrum — {view}',

  'label.current': 'Now',
  'label.next': 'Next',
  'label.remaining': 'Remaining',
  'label.elapsed': 'Elapsed',
  'label.language': 'Language',
  'label.agenda': 'Agenda',
  'label.controls': 'Clock controls',
  'label.displayLanguage': 'Display language',
  'label.connection': 'Connection',

  'speaker.none': '—',
  'speaker.endOfAgenda': 'End of agenda',
  'speaker.noAgenda': 'No agenda loaded',
  'loading': 'Connecting to the server…',

  'button.start': 'Start',
  'button.resume': 'Resume',
  'button.pause': 'Pause',
  'button.next': 'Next',

  'agenda.empty': 'The agenda has no items yet.',
  'agenda.noDuration': 'open',
  'agenda.current': 'on now',
  'agenda.skipped': 'skipped',

  'phase.normal': 'Plenty of time',
  'phase.warning': 'Wrap up soon',
  'phase.danger': 'Time almost up',
  'phase.overtime': 'Over time',

  'status.idle': 'Ready',
  'status.running': 'Running',
  'status.paused': 'Paused',
  'status.ended': 'Ended',

  'link.connecting': 'Connecting…',
  'link.online': 'Connected',
  'link.offline': 'Offline — reconnecting…',
  'link.unauthorized': 'Link not valid — ask for a new one',
  'relay.venueLost': 'Venue link lost',
  'relay.venueLostHint': 'The clock counts on from the last state until the venue is back',

  'error.invalid': 'The request was not valid.',
  'error.unknown-command': 'The server does not know this command.',
  'error.unknown-item': 'That agenda item does not exist.',
  'error.unknown-session': 'That session does not exist.',
  'error.stale-item': 'Someone else already moved on — check the current item.',
  'error.no-current-item': 'There is no current item.',
  'error.item-skipped': 'That item is skipped.',
  'error.item-is-current': 'That item is the current one.',
  'error.nothing-to-recover': 'There is no lost time to recover.',
  'error.unknown-request': 'That booth request does not exist any more.',
  'error.nothing-to-undo': 'There is nothing to undo.',
  'error.edits-not-allowed': 'The moderator has not allowed booths to edit notes.',
  'error.unauthorized': 'This link is not valid any more.',
  'error.forbidden': 'This display may not do that.',
  'error.too-large': 'That is too large.',
  'error.rate-limited': 'Too many requests — wait a moment.',
  'error.not-found': 'Not found.',
  'error.persist-failed': 'The server could not save the change.',
  'error.offline': 'Offline: the command was not sent.',
  'error.timeout': 'The server did not answer in time.',
  'error.internal': 'The server hit an internal error.',
  'error.venue-unavailable': 'The venue is not linked to this relay right now: nothing was sent. Try again in a moment.',
  'error.unknown-display': 'That display is not connected any more.',
  'error.nothing-to-hold': 'No session is waiting to start by itself (or none is held).',
  'error.end-by-item': 'This item, or its session, ends by a time of day: move its end instead of adding time.',
} as const satisfies Record<RequiredKeys, string> & Record<string, Message>;

/** Every string: the base above plus one part per capability (parts/*.ts), each with its own keys. */
export const en = {
  ...baseEn,
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
