import { useEffect } from 'react';
import { adjustClock, navigate, toggleClock } from '../state/clock-actions';
import { anyDialogOpen } from '../state/dialogs';
import { clearSpeakerMessageIfShown, toggleBlank } from '../state/message-actions';
import { actionOf, type ShortcutAction } from './shortcut-keys';

/** Fields that take typing: keys pressed there are text, never commands. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest('input, textarea, select, [contenteditable="true"]') !== null;
}

/** Controls that Space or Enter activate themselves: the key is theirs, not the clock's. */
function isActivatable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.closest('button, a[href], summary, [role="button"], [role="checkbox"], [role="switch"], [role="tab"], [role="menuitem"]') !== null;
}

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
};

/**
 * The console's keyboard shortcuts (see shortcut-keys.ts). Off while typing in a field, while a
 * dialog is open, and with Ctrl, Alt or Meta held (those belong to the browser and the rows).
 * Space on a focused button presses that button only. Holding a key down does not repeat it.
 */
export function useShortcuts(openHelp: () => void): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
      if (anyDialogOpen() || isTyping(e.target)) return;
      const action = actionOf(e);
      if (action === null) return;
      if ((e.code === 'Space' || e.code === 'Enter') && isActivatable(e.target)) return;
      e.preventDefault();
      if (e.repeat) return;
      if (action === 'help') openHelp();
      else void RUN[action]();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [openHelp]);
}
