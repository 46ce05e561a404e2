import type { CommandOf } from '../../shared/contract/commands';
import type { RostrumState } from '../../shared/contract/state';
import type { Instant } from '../../shared/time/instant';

export function messageSpeaker(state: RostrumState, cmd: CommandOf<'message.speaker'>, now: Instant): RostrumState {
  return { ...state, messages: { ...state.messages, speaker: { text: cmd.text, flash: cmd.flash, preset: cmd.preset ?? null, sentAt: now } } };
}

export function messageBooth(state: RostrumState, cmd: CommandOf<'message.booth'>, now: Instant): RostrumState {
  return { ...state, messages: { ...state.messages, booth: { text: cmd.text, sentAt: now } } };
}

export function clearMessage(state: RostrumState, cmd: CommandOf<'message.clear'>): RostrumState {
  if (state.messages[cmd.target] === null) return state;
  return { ...state, messages: { ...state.messages, [cmd.target]: null } };
}

export function blankSpeaker(state: RostrumState, cmd: CommandOf<'display.blank'>): RostrumState {
  if (state.display.speakerBlank === cmd.blank) return state;
  return { ...state, display: { ...state.display, speakerBlank: cmd.blank } };
}
