import { create } from 'zustand';

const STORAGE_KEY = 'rostrum.sound.moderator.requests';

function stored(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) !== 'off';
  } catch {
    return true; // storage unavailable: on, and not remembered
  }
}

/** Whether this console chimes when a booth asks for something: on unless muted, remembered per display. */
export const useRequestChime = create<{ on: boolean }>(() => ({ on: stored() }));

export function setRequestChime(on: boolean): void {
  useRequestChime.setState({ on });
  try {
    localStorage.setItem(STORAGE_KEY, on ? 'on' : 'off');
  } catch {
    // see stored()
  }
}
