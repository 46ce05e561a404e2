import { useEffect, useLayoutEffect, type RefObject } from 'react';

/**
 * Sizes the digits to fill their box (speaker.css: `--digits-em`, container query units). The box
 * is a size container; this measures how many em wide the digits are in the font the browser
 * actually uses, so they fill the width exactly on any screen shape, in any font, for `7:00` as for
 * `+1:02:03`. Tabular figures make the width depend only on the pattern, not on the digits: it is
 * measured again only when the pattern changes (`9:59` after `10:00`) or a font finishes loading.
 */
export function useFitDigits(box: RefObject<HTMLElement | null>, text: string): void {
  const pattern = text.replace(/\d/g, '0');

  useLayoutEffect(() => measure(box.current), [box, pattern]);

  useEffect(() => {
    if (!('fonts' in document)) return;
    const again = () => measure(box.current);
    document.fonts.addEventListener('loadingdone', again);
    void document.fonts.ready.then(again);
    return () => document.fonts.removeEventListener('loadingdone', again);
  }, [box]);
}

function measure(box: HTMLElement | null): void {
  const digits = box?.querySelector<HTMLElement>('.clock-digits');
  if (!box || !digits) return;
  const fontPx = parseFloat(getComputedStyle(digits).fontSize);
  const widthPx = digits.getBoundingClientRect().width;
  if (!(fontPx > 0) || !(widthPx > 0)) return;
  box.style.setProperty('--digits-em', (widthPx / fontPx).toFixed(3));
}
