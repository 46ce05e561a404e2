import type { Instant } from '../../shared/time/instant';
import { auxDigits } from '../../shared/timing/aux-digits';
import { AUX_TIMER_IDS, type AuxTimers } from '../../shared/timing/timing-state';

export interface OscOut {
  address: string;
  args: (string | number)[];
}

/** The time of one extra timer (docs/control.md "OSC feedback out"): sent on changes and each second while it runs. */
export function auxTimeMessage(aux: AuxTimers, id: (typeof AUX_TIMER_IDS)[number], now: Instant, prefix = '/rostrum'): OscOut {
  const { seconds, text } = auxDigits(aux[`${id}`], now);
  return { address: `${prefix}/state/aux/${id}/time`, args: [seconds, text] };
}

/** Everything about both extra timers: status and direction, time, label. */
export function auxMessages(aux: AuxTimers, now: Instant, prefix = '/rostrum'): OscOut[] {
  return AUX_TIMER_IDS.flatMap((id) => {
    const timer = aux[`${id}`];
    return [
      { address: `${prefix}/state/aux/${id}/status`, args: [timer.status, timer.direction] },
      auxTimeMessage(aux, id, now, prefix),
      { address: `${prefix}/state/aux/${id}/label`, args: [timer.label] },
    ];
  });
}

export const anyAuxRunning = (aux: AuxTimers): boolean => AUX_TIMER_IDS.some((id) => aux[`${id}`].status === 'running');
