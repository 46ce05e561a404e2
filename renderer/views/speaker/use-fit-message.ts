import { useLayoutEffect, type RefObject } from 'react';

/** Below this the text would not be read from the lectern anyway; 500 characters never need it. */
const MIN_PX = 8;

/**
 * Sizes the message text to the largest font that fits its box (speaker.css gives the box its
 * share of the screen and the largest size as its own font-size). Measured, not guessed from the
 * length: Chinese and Latin text, one long word or many short ones, all fit and none is clipped.
 * Fits again when the box changes size (a window resized, a phone turned) or a font loads; marks
 * the box `data-fitted` once the text fits. `messageKey` changes with each message shown.
 */
export function useFitMessage(box: RefObject<HTMLElement | null>, messageKey: string): void {
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const fit = () => fitText(el);
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(el);
    const fonts = 'fonts' in document ? document.fonts : null;
    fonts?.addEventListener('loadingdone', fit);
    void fonts?.ready.then(fit);
    return () => {
      observer.disconnect();
      fonts?.removeEventListener('loadingdone', fit);
    };
  }, [box, messageKey]);
}

function fitText(box: HTMLElement): void {
  const text = box.firstElementChild as HTMLElement | null;
  if (!text) return;
  const style = getComputedStyle(box);
  const maxPx = parseFloat(style.fontSize);
  const room = {
    width: box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
    height: box.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom),
  };
  if (!(maxPx > 0) || room.width <= 0 || room.height <= 0) return;
  const fits = (px: number) => {
    text.style.fontSize = `${px}px`;
    return text.scrollHeight <= room.height && text.scrollWidth <= room.width;
  };
  const best = fits(maxPx) ? maxPx : largestFitting(fits, maxPx);
  text.style.fontSize = `${best}px`;
  box.dataset['fitted'] = String(fits(best));
}

/** Half-pixel steps by bisection: a dozen layouts at most, once per message or resize. */
function largestFitting(fits: (px: number) => boolean, maxPx: number): number {
  let lo = MIN_PX;
  let hi = maxPx;
  while (hi - lo > 0.5) {
    const mid = (lo + hi) / 2;
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}
