/**
 * Noto Sans SC is split into ~100 unicode-range slices that the browser fetches only when a
 * character first appears. A string first shown while the server is down (the offline notice,
 * or the other language) would then have no font and draw as boxes. So at start-up, while the
 * server is reachable, fetch the slices every UI string needs, in both weights (~13 slices each;
 * cached immutably afterwards).
 */
export function warmUpFonts(texts: readonly string[]): void {
  if (!('fonts' in document)) return;
  const chars = [...new Set(texts.join(''))].join('');
  for (const weight of [400, 700]) {
    document.fonts.load(`${weight} 16px "Noto Sans SC"`, chars).catch(() => {
      // Offline already at start-up: nothing to do; the text falls back to system fonts.
    });
  }
}
