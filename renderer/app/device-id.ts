import { DEVICE_ID_PATTERN } from '../../shared/contract/displays';

const STORAGE_KEY = 'rostrum.device';

/**
 * This browser's device id (#19): made once and kept in localStorage, so the name the console
 * gives this screen survives a reload and a reboot. Two tabs of one browser are one device and
 * share its name. Without storage (privacy mode) it lasts as long as the page.
 */
export function deviceId(): string {
  try {
    const kept = localStorage.getItem(STORAGE_KEY);
    if (kept !== null && DEVICE_ID_PATTERN.test(kept)) return kept;
    const made = newId();
    localStorage.setItem(STORAGE_KEY, made);
    return made;
  } catch {
    return (pageId ??= newId());
  }
}

let pageId: string | undefined;

function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
