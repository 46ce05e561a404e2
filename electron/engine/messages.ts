import type { CommandOf } from '../../shared/contract/commands';
import type { RostrumState } from '../../shared/contract/state';
import type { Instant } from '../../shared/time/instant';

export function messageSpeaker(state: RostrumState, cmd: CommandOf<'message.speaker'>, now: Instant): RostrumState {
  const speaker = { text: cmd.text, flash: cmd.flash, preset: cmd.preset ?? null, sentAt: now, keepAcrossItems: cmd.keepAcrossItems };
  return { ...state, messages: { ...state.messages, speaker } };
}

/**
 * A speaker message is for the person at the lectern: when the clock moves to another item, an
 * unpinned one goes (a "Please wrap up" must never greet the next speaker).
 */
export function clearForNewItem(state: RostrumState, previousItemId: string | null): RostrumState {
  const message = state.messages.speaker;
  if (message === null || message.keepAcrossItems || state.clock.currentItemId === previousItemId) return state;
  return { ...state, messages: { ...state.messages, speaker: null } };
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
