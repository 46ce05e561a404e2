import { launchChromium } from '../lib/browser';
import type { BenchRow } from '../lib/result';
import { sendCommand, startBenchServer } from '../lib/server';
import { mib, slope } from '../lib/stats';

/**
 * The speaker page's JS heap while the clock runs (after a GC at each sample), and its trend.
 * The trend is fitted after a warm-up: in its first minute the page's heap grows by a few hundred
 * KiB that are not a leak but V8 compiling the hot paths (code objects) and Blink filling its font
 * and shaping caches, and a least-squares fit over 3 minutes would read that as growth
 * (bench/NOTES.md). `npm run bench:soak` runs the same for 15 minutes.
 */
export async function heapRows(seconds = 180, everySeconds = 10, warmupSeconds = 60): Promise<BenchRow[]> {
  const server = await startBenchServer();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${server.url}/speaker?token=${server.tokens.view}`);
    await page.locator('[data-testid="clock-remaining"]').waitFor();
    await sendCommand(server, { type: 'start' });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    const xs: number[] = [];
    const ys: number[] = [];
    const t0 = Date.now();
    for (let i = 0; i <= seconds / everySeconds; i += 1) {
      if (i > 0) await page.waitForTimeout(everySeconds * 1000);
      // Something changes now and then, as in a real session.
      if (i % 3 === 1) await sendCommand(server, { type: 'message.speaker', text: `Note ${i}` });
      if (i % 3 === 2) await sendCommand(server, { type: 'message.clear', target: 'speaker' });
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      xs.push((Date.now() - t0) / 60_000);
      ys.push(usedSize);
    }
    const max = Math.max(...ys);
    const settled = xs.map((_, i) => i).filter((i) => xs[i]! * 60 >= warmupSeconds);
    const perMinute = slope(
      settled.map((i) => xs[i]!),
      settled.map((i) => ys[i]!),
    );
    return [
      { figure: `speaker page JS heap over ${seconds / 60} min (max after GC)`, target: '≤ 40 MB', measured: mib(max), pass: max <= 40 * 1024 * 1024 },
      {
        figure: `speaker page heap trend (least squares, after ${warmupSeconds} s)`,
        target: 'no growth (< 100 KiB/min)',
        measured: `${(perMinute / 1024).toFixed(1)} KiB/min`,
        pass: perMinute < 100 * 1024,
      },
    ];
  } finally {
    await browser.close();
    await server.stop();
  }
}
