import { useEffect, useState } from 'react';

/**
 * - unsupported: no Wake Lock API here (an older browser, or a LAN address over plain http: the
 *   API exists only in secure contexts); the screen's own power settings apply.
 * - pending: asking, or waiting to ask again once the page is visible (the browser releases the
 *   lock whenever the page is hidden).
 * - held: the screen stays on.
 * - refused: the browser said no (battery saver, a policy); asked again when the page is next shown.
 */
export type WakeLockState = 'unsupported' | 'pending' | 'held' | 'refused';

function wakeLockApi(): WakeLock | null {
  try {
    return window.isSecureContext ? (navigator.wakeLock ?? null) : null;
  } catch {
    return null;
  }
}

/** Keeps the screen awake where the browser allows it. Never throws, whatever the browser does. */
export function useWakeLock(): WakeLockState {
  const [state, setState] = useState<WakeLockState>(() => (wakeLockApi() ? 'pending' : 'unsupported'));

  useEffect(() => {
    const api = wakeLockApi();
    if (api === null) return;
    let sentinel: WakeLockSentinel | null = null;
    let stopped = false;

    const acquire = async () => {
      if (stopped || sentinel !== null || document.visibilityState !== 'visible') return;
      try {
        const lock = await api.request('screen');
        if (stopped) {
          await lock.release();
          return;
        }
        sentinel = lock;
        setState('held');
        lock.addEventListener('release', () => {
          sentinel = null;
          if (!stopped) setState('pending');
        });
      } catch {
        if (!stopped) setState('refused');
      }
    };
    const onVisibility = () => void acquire();

    document.addEventListener('visibilitychange', onVisibility);
    void acquire();
    return () => {
      stopped = true;
      document.removeEventListener('visibilitychange', onVisibility);
      sentinel?.release().catch(() => undefined);
    };
  }, []);

  return state;
}
