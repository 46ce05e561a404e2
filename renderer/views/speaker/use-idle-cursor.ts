import { useEffect, useState } from 'react';

/** The pointer disappears after this long without moving. */
export const CURSOR_IDLE_MS = 2500;

/** True once the pointer has been still for a while: a monitor shows no stray arrow. */
export function useIdleCursor(): boolean {
  const [idle, setIdle] = useState(false);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const wake = () => {
      setIdle(false);
      clearTimeout(timer);
      timer = setTimeout(() => setIdle(true), CURSOR_IDLE_MS);
    };
    wake();
    window.addEventListener('pointermove', wake);
    window.addEventListener('pointerdown', wake);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pointermove', wake);
      window.removeEventListener('pointerdown', wake);
    };
  }, []);

  return idle;
}
