import { findItem, type LocatedItem } from '../../../../shared/agenda/agenda-queries';
import { elapsedMs } from '../../../../shared/clock/clock-math';
import { apiError } from '../../../../shared/contract/errors';
import { commandFor, expectedFrom, type Intent, type IntentResult } from '../../../../shared/control/command-for';
import { serverNow } from '../../../app/server-clock';
import { speakerName } from '../../../app/speaker-label';
import { useRostrum } from '../../../app/store';
import { askConfirm } from './dialogs';
import { clearFeedback, showError, showNotice } from './feedback';
import { runCommand } from './run-command';
import { consoleLanguage, tNow } from './translate-now';

/**
 * The clock actions, shared by the buttons and the keyboard. Each reads the state as it is at the
 * moment of the press and names the item it acts on (`expectedItemId`), so a press based on an
 * out-of-date screen is refused by the server instead of hitting the wrong speaker.
 */

/** A second press of next (or previous) this soon after the first is taken as a double press. */
export const DOUBLE_PRESS_MS = 600;

const snapshot = () => useRostrum.getState().snapshot;

function current(): LocatedItem | undefined {
  const s = snapshot();
  if (!s || s.clock.status === 'ended') return undefined;
  return findItem(s.agenda, s.clock.currentItemId);
}

const expectedItemId = (): string | undefined => snapshot()?.clock.currentItemId ?? undefined;

/**
 * The command for a press, naming the item this console shows as current
 * (shared/control/command-for.ts); or why there is none. A console without a state yet has not
 * heard from the server: that is `offline`, as sending would say.
 */
function pressed(intent: Intent): IntentResult {
  const s = snapshot();
  if (!s) return { ok: false, error: apiError('offline', 'not connected to the server') };
  return commandFor({ ...intent, ...expectedFrom(s.clock) }, s);
}

/** Runs the command for a press, under `action`'s name in the console's messages: none fails silently. */
async function runPressed(intent: Intent, action: Parameters<typeof runCommand>[1]): Promise<void> {
  const built = pressed(intent);
  if (built.ok) await runCommand(built.command, action);
  else {
    clearFeedback();
    showError(built.error, action);
  }
}

let clockInFlight = false;

/** Start (or resume) when stopped, pause when running. */
export async function toggleClock(): Promise<void> {
  const s = snapshot();
  if (clockInFlight) return;
  clockInFlight = true;
  try {
    await runPressed({ kind: 'toggle' }, s?.clock.status === 'running' ? 'moderator.action.pause' : 'moderator.action.start');
  } finally {
    clockInFlight = false;
  }
}

export async function startClock(): Promise<void> {
  await runPressed({ kind: 'start' }, 'moderator.action.start');
}

export async function pauseClock(): Promise<void> {
  await runPressed({ kind: 'pause' }, 'moderator.action.pause');
}

const lastNav: { type: 'next' | 'previous' | null; at: number; inFlight: boolean } = { type: null, at: -Infinity, inFlight: false };

/**
 * Next or previous. A second press of the same key while the first is on its way, or within
 * DOUBLE_PRESS_MS, is a double press: it is ignored, and the console says so.
 */
export async function navigate(type: 'next' | 'previous'): Promise<void> {
  const now = performance.now();
  if (lastNav.inFlight || (lastNav.type === type && now - lastNav.at < DOUBLE_PRESS_MS)) {
    showNotice('moderator.notice.doublePress');
    return;
  }
  lastNav.type = type;
  lastNav.at = now;
  lastNav.inFlight = true;
  try {
    await runPressed({ kind: type }, type === 'next' ? 'moderator.action.next' : 'moderator.action.previous');
  } finally {
    lastNav.inFlight = false;
  }
}

export async function adjustClock(seconds: number): Promise<void> {
  await runPressed({ kind: 'adjust', seconds }, 'moderator.action.adjust');
}

/** Back to the item's full time, stopped. Asks first when time has already been used. */
export async function resetItem(): Promise<void> {
  const s = snapshot();
  const located = current();
  if (s && located && (s.clock.status === 'running' || elapsedMs(s.clock, serverNow()) > 0 || s.clock.addedMs !== 0)) {
    const ok = await askConfirm({
      title: tNow('moderator.confirm.reset.title', { name: speakerName(located.item, consoleLanguage()) }),
      body: tNow('moderator.confirm.reset.body'),
      confirmLabel: tNow('moderator.button.reset'),
      danger: true,
    });
    if (!ok) return;
  }
  await runCommand({ type: 'reset', expectedItemId: expectedItemId() }, 'moderator.action.reset');
}

/** Skips the current item (the clock moves on), after asking. */
export async function skipCurrent(): Promise<void> {
  const located = current();
  if (!located) {
    await runCommand({ type: 'next', expectedItemId: expectedItemId() }, 'moderator.action.skip');
    return;
  }
  const itemId = located.item.id;
  const ok = await askConfirm({
    title: tNow('moderator.confirm.skip.title', { name: speakerName(located.item, consoleLanguage()) }),
    body: tNow('moderator.confirm.skip.body'),
    confirmLabel: tNow('moderator.button.skip'),
    danger: true,
  });
  if (!ok) return;
  // `skip` names its item but has no expectedItemId: check here that nobody moved on meanwhile.
  if (expectedItemId() !== itemId) {
    showError(apiError('stale-item', `the current item is no longer ${itemId}`, 'itemId'), 'moderator.action.skip');
    return;
  }
  await runCommand({ type: 'skip', itemId, skipped: true }, 'moderator.action.skip');
}

/** Makes an item current; asks first while the clock runs (the new item starts at once). */
export async function gotoItem(itemId: string): Promise<void> {
  const s = snapshot();
  if (!s) return;
  if (s.clock.currentItemId === itemId && s.clock.status !== 'ended') return;
  const target = findItem(s.agenda, itemId);
  if (target && s.clock.status === 'running') {
    const ok = await askConfirm({
      title: tNow('moderator.confirm.goto.title', { name: speakerName(target.item, consoleLanguage()) }),
      body: tNow('moderator.confirm.goto.body'),
      confirmLabel: tNow('moderator.button.goto'),
    });
    if (!ok) return;
  }
  await runPressed({ kind: 'goto', itemId }, 'moderator.action.goto');
}
