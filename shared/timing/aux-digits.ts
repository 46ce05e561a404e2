import { formatClock, formatElapsed } from '../clock/format';
import type { Instant } from '../time/instant';
import { auxShownMs, type AuxTimer } from './timing-state';

/**
 * What an extra timer shows at `now`, as digits and as whole seconds: counting down, the time left
 * rounded up (negative once over: `+0:12` is -12); counting up, the whole seconds elapsed. The one
 * place the views and the OSC feedback read it from.
 */
export function auxDigits(timer: AuxTimer, now: Instant): { seconds: number; text: string } {
  const ms = auxShownMs(timer, now);
  if (timer.direction === 'up') return { seconds: Math.floor(Math.max(0, ms) / 1000), text: formatElapsed(ms) };
  return { seconds: ms >= 0 ? Math.ceil(ms / 1000) : -Math.floor(-ms / 1000), text: formatClock(ms) };
}
