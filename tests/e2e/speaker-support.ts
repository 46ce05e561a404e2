import type { Locator } from '@playwright/test';

/**
 * The whole seconds a clock's digits show, overtime included: `+1:05` → 65. Lets a test wait for
 * the clock to move on by some seconds, rather than for one exact value that a busy machine may
 * paint too briefly for the test to see.
 */
export async function secondsShown(digits: Locator): Promise<number> {
  const [m, sec] = (await digits.textContent())!.replace('+', '').split(':').map(Number);
  return m! * 60 + sec!;
}
