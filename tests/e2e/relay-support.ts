import type { Page } from '@playwright/test';
import { SERVER_DOWN_ERRORS } from './fixtures';

/**
 * Records what must not happen on a remote page into `problems`: a CSP violation, a console error
 * other than the browser's own while a server is down, an uncaught exception. The relay specs
 * assert the list is empty after each test.
 */
export async function watchRemotePage(page: Page, problems: string[]): Promise<void> {
  page.on('console', (msg) => {
    if (msg.type() === 'error' && (msg.text().startsWith('securitypolicyviolation') || !SERVER_DOWN_ERRORS.test(msg.text()))) problems.push(msg.text());
  });
  page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`securitypolicyviolation: ${e.violatedDirective} blocked ${e.blockedURI}`));
  });
}
