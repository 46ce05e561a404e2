import { create } from 'zustand';
import { primaryLanguage } from '../../../shared/agenda/language';
import { setPresenceDetails } from '../../app/presence';
import { sendCommand } from '../../app/send-command';

/**
 * This booth display's own settings: its name (requests and turns carry it, so the console can
 * tell booths apart) and its working direction. Remembered per display, in localStorage.
 */

/** `both`: the booth follows the floor. `into`: it always works into `lang` (a primary subtag). */
export type BoothDirection = { kind: 'both' } | { kind: 'into'; lang: string };

export interface BoothSettings {
  name: string;
  direction: BoothDirection;
  /** False until someone has saved a name on this display: the default may clash with another booth. */
  named: boolean;
}

export const DEFAULT_BOOTH_NAME = 'Booth A';
export const MAX_BOOTH_NAME = 40;
const STORAGE_KEY = 'rostrum.booth.settings';
const DIRECTION_PATTERN = /^(both|into:[a-z]{2,3})$/;

/** `both` or `into:<lang>`: the form presence and the console use. */
export const directionCode = (d: BoothDirection): string => (d.kind === 'both' ? 'both' : `into:${d.lang}`);

export function parseDirection(code: string): BoothDirection | null {
  if (!DIRECTION_PATTERN.test(code)) return null;
  return code === 'both' ? { kind: 'both' } : { kind: 'into', lang: code.slice('into:'.length) };
}

export const intoLanguage = (tag: string): BoothDirection => ({ kind: 'into', lang: primaryLanguage(tag) });

export const cleanBoothName = (name: string): string => name.trim().slice(0, MAX_BOOTH_NAME);

function load(): BoothSettings {
  const fallback: BoothSettings = { name: DEFAULT_BOOTH_NAME, direction: { kind: 'both' }, named: false };
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (raw === null) return fallback;
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return fallback;
    const { name, direction } = parsed as { name?: unknown; direction?: unknown };
    const cleanName = typeof name === 'string' ? cleanBoothName(name) : '';
    const dir = typeof direction === 'string' ? parseDirection(direction) : null;
    return {
      name: cleanName || DEFAULT_BOOTH_NAME,
      direction: dir ?? fallback.direction,
      named: cleanName !== '',
    };
  } catch {
    return fallback;
  }
}

export const useBoothSettings = create<BoothSettings>(load);

function announce(s: BoothSettings): void {
  setPresenceDetails({ name: s.name, direction: directionCode(s.direction) });
}

/**
 * Saves the name and direction on this display and tells the server's presence list. A new name
 * first asks the server to carry the booth's running turn over to it (`booth.turn.rename`), and
 * takes effect once it has answered, so the handover timer never shows a restart, not even for
 * a moment. Offline the send fails at once and the name changes anyway: the turn stays with the old name.
 */
export function saveBoothSettings(name: string, direction: BoothDirection): void {
  const next: BoothSettings = { name: cleanBoothName(name) || DEFAULT_BOOTH_NAME, direction, named: true };
  const before = useBoothSettings.getState().name;
  if (next.name === before) apply(next);
  else void sendCommand({ type: 'booth.turn.rename', from: before, to: next.name }).finally(() => apply(next));
}

function apply(next: BoothSettings): void {
  useBoothSettings.setState(next);
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ name: next.name, direction: directionCode(next.direction) }));
  } catch {
    // storage unavailable (privacy mode): the setting lasts as long as the page
  }
  announce(next);
}

// The first hello already carries the stored name and direction.
announce(useBoothSettings.getState());
