import { useEffect } from 'react';
import { playCue } from '../../../audio';
import { useRequestChime } from './chime-setting';
import { watchRequests } from './watch-requests';

/**
 * Chimes once for each booth request as it arrives, unless muted here (or the console's sound is
 * off). The chime is the booth's soft handover sound: short, and unlike any of the clock's cues,
 * which the console plays too. Of several console windows in one browser, one chimes (`once`),
 * and never again on reload.
 */
export function useRequestChimeCue(): void {
  useEffect(
    () =>
      watchRequests((key) => {
        if (useRequestChime.getState().on) void playCue('handover', { once: key });
      }),
    [],
  );
}
