import type { Browser } from '@playwright/test';

export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/**
 * The pixels of a PNG (a Playwright screenshot) at the given points, decoded by Chromium itself in a
 * blank page of its own (no CSP, no dependency on a PNG library).
 */
export async function pixelsOf(browser: Browser, png: Buffer, points: readonly { x: number; y: number }[]): Promise<Rgba[]> {
  const page = await browser.newPage();
  try {
    return await page.evaluate(
      async ({ dataUrl, points }) => {
        const img = new Image();
        img.src = dataUrl;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.naturalWidth;
        canvas.height = img.naturalHeight;
        const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
        ctx.drawImage(img, 0, 0);
        return points.map(({ x, y }) => {
          const [r, g, b, a] = ctx.getImageData(x, y, 1, 1).data;
          return { r: r!, g: g!, b: b!, a: a! };
        });
      },
      { dataUrl: `data:image/png;base64,${png.toString('base64')}`, points },
    );
  } finally {
    await page.close();
  }
}
