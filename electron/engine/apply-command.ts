import type { Command } from '../../shared/contract/commands';
import type { RostrumState } from '../../shared/contract/state';
import type { Instant } from '../../shared/time/instant';
import { insertItem, moveItem, removeItem, replaceAgenda, skip, updateItem } from './agenda-edits';
import { adjust, checkExpected, goto, next, pause, previous, reset, start } from './clock-commands';
import { boothAck, boothNotes, boothRequest, replaceGlossary, turnLength, turnRename, turnReset, turnStart, updateSettings } from './booth-commands';
import { blankSpeaker, clearMessage, messageBooth, messageSpeaker } from './messages';
import { applyRecovery, undoRecovery } from './recovery-commands';
import { cueOnItemStart, hideLowerThird, showLowerThird, updateOutputSettings } from './lower-third';
import { autoAdvance, autoStart, holdSession, refuseAdjustOnEndBy, updateSession } from './timing-commands';
import { auxPause, auxReset, auxSet, auxStart } from './aux-commands';

function dispatch(state: RostrumState, cmd: Command, now: Instant): RostrumState {
  switch (cmd.type) {
    case 'start':
    case 'resume':
      checkExpected(state, cmd.expectedItemId);
      return start(state, now);
    case 'pause':
      checkExpected(state, cmd.expectedItemId);
      return pause(state, now);
    case 'next':
      return next(state, cmd, now);
    case 'previous':
      return previous(state, cmd, now);
    case 'goto':
      return goto(state, cmd, now);
    case 'adjust':
      checkExpected(state, cmd.expectedItemId);
      refuseAdjustOnEndBy(state, cmd.seconds, now);
      return adjust(state, cmd);
    case 'reset':
      return reset(state, cmd);
    case 'skip':
      return skip(state, cmd, now);
    case 'message.speaker':
      return messageSpeaker(state, cmd, now);
    case 'message.booth':
      return messageBooth(state, cmd, now);
    case 'message.clear':
      return clearMessage(state, cmd);
    case 'agenda.replace':
      return replaceAgenda(state, cmd);
    case 'item.update':
      return updateItem(state, cmd, now);
    case 'item.insert':
      return insertItem(state, cmd);
    case 'item.remove':
      return removeItem(state, cmd);
    case 'item.move':
      return moveItem(state, cmd);
    case 'display.blank':
      return blankSpeaker(state, cmd);
    case 'booth.request':
      return boothRequest(state, cmd, now);
    case 'booth.ack':
      return boothAck(state, cmd, now);
    case 'booth.turn.start':
      return turnStart(state, cmd, now);
    case 'booth.turn.reset':
      return turnReset(state, cmd);
    case 'booth.turn.length':
      return turnLength(state, cmd);
    case 'booth.turn.rename':
      return turnRename(state, cmd);
    case 'booth.notes':
      return boothNotes(state, cmd);
    case 'glossary.replace':
      return replaceGlossary(state, cmd);
    case 'settings.update':
      return updateOutputSettings(updateSettings(state, cmd), cmd);
    case 'lowerThird.show':
      return showLowerThird(state, now);
    case 'lowerThird.hide':
      return hideLowerThird(state);
    case 'recovery.apply':
      return applyRecovery(state, cmd, now);
    case 'recovery.undo':
      return undoRecovery(state, cmd);
    // Presence, not state (#19): the core hands these to the socket server and never gets here.
    case 'display.rename':
    case 'display.redirect':
    case 'display.identify':
    case 'display.reload':
      return state;
    case 'session.hold':
      return holdSession(state, cmd);
    case 'session.update':
      return updateSession(state, cmd);
    case 'auto.start':
      return autoStart(state, cmd, now);
    case 'auto.advance':
      return autoAdvance(state, cmd, now);
    case 'aux.set':
      return auxSet(state, cmd);
    case 'aux.start':
      return auxStart(state, cmd, now);
    case 'aux.pause':
      return auxPause(state, cmd, now);
    case 'aux.reset':
      return auxReset(state, cmd);
  }
}

/**
 * The engine: a pure function from state and a validated command to the next state.
 * Refusals throw a CommandError and leave the state untouched. A command that changes
 * nothing returns the same object (no revision bump, nothing to persist or broadcast).
 */
export function applyCommand(state: RostrumState, cmd: Command, now: Instant): RostrumState {
  const next = cueOnItemStart(state, dispatch(state, cmd, now), now);
  // changedAt: automatic transitions never apply before the last change (shared/timing/next-transition.ts).
  return next === state ? state : { ...next, revision: state.revision + 1, changedAt: now };
}
