import { useEffect } from 'react';
import { adjustClock, navigate, toggleClock } from '../state/clock-actions';
import { anyDialogOpen } from '../state/dialogs';
import { clearSpeakerMessageIfShown, toggleBlank } from '../state/message-actions';
import { actionOf, type ShortcutAction } from './shortcut-keys';
import { toggleHold } from '../state/timing-actions';

/** Inputs that take no typing: the shortcuts act on them as anywhere else. */
const NOT_TEXT = new Set(['button', 'checkbox', 'radio', 'range', 'color', 'file', 'image', 'reset', 'submit']);

/** Fields that take typing: keys pressed there are text, never commands. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest('textarea, select, [contenteditable="true"]') !== null) return true;
  return target instanceof HTMLInputElement && !NOT_TEXT.has(target.type);
}

/** A box that Space would tick: Enter ticks it instead, since Space belongs to the clock. */
const isTickBox = (target: EventTarget | null): target is HTMLInputElement =>
  target instanceof HTMLInputElement && (target.type === 'checkbox' || target.type === 'radio');

const RUN: Record<Exclude<ShortcutAction, 'help'>, () => Promise<void>> = {
  toggle: toggleClock,
  next: () => navigate('next'),
  previous: () => navigate('previous'),
  plusMinute: () => adjustClock(60),
  minusMinute: () => adjustClock(-60),
  plus30: () => adjustClock(30),
  minus30: () => adjustClock(-30),
  clearMessage: clearSpeakerMessageIfShown,
  blank: toggleBlank,
  hold: toggleHold,
};

/**
 * The console's keyboard shortcuts (see shortcut-keys.ts). Off while typing in a text field,
 * while a dialog is open, and with Ctrl, Alt or Meta held (those belong to the browser and the
 * rows). Elsewhere a key does the same whatever has the focus: Space on a button that was just
 * clicked starts or pauses the clock, never presses that button again (issue #13). Its default is
 * prevented on key-down, which is what keeps the browser from clicking the focused button on
 * key-up. Enter still presses the focused control. Holding a key down does not repeat it.
 */
export function useShortcuts(openHelp: () => void): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
      if (anyDialogOpen() || isTyping(e.target)) return;
      if (e.code === 'Enter' && isTickBox(e.target)) {
        e.preventDefault();
        e.target.click();
        return;
      }
      const action = actionOf(e);
      if (action === null) return;
      e.preventDefault();
      if (e.repeat) return;
      if (action === 'help') openHelp();
      else void RUN[action]();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [openHelp]);
}
