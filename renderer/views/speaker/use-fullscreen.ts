import { useEffect, type MouseEvent } from 'react';

/** Enters full screen, or leaves it. Must run inside a user gesture (a key press, a double-click). */
export function toggleFullscreen(): void {
  const done = () => undefined;
  if (document.fullscreenElement) document.exitFullscreen().catch(done);
  else document.documentElement.requestFullscreen?.().catch(done);
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/** `F` toggles full screen (not Ctrl+F or the like, and not while typing). */
export function useFullscreenKey(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'f' && e.key !== 'F') return;
      if (e.repeat || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      e.preventDefault();
      toggleFullscreen();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** A double-click anywhere but on a control toggles full screen. */
export function onDoubleClickFullscreen(e: MouseEvent): void {
  if (e.target instanceof Element && e.target.closest('button, a, input, select, textarea')) return;
  toggleFullscreen();
}
