import { makePng } from '../fixtures/branding/make-png';
import { expect, test } from './fixtures';

const SCRIPTED_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="40"><script>alert(1)</script></svg>';
// The refused uploads answer 400, which the browser logs.
test.use({ allowConsoleErrors: /status of 400 \(Bad Request\)/ });

const accentOf = (page: import('@playwright/test').Page) => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--rostrum-accent').trim());

test('the console sets a logo, an accent and custom CSS; /audience shows them at once, the speaker monitor never', async ({ openView, server }) => {
  const moderator = await openView('moderator');
  const audience = await openView('speaker');
  await audience.goto(`${server.url}/audience`);
  await expect(audience.getByTestId('audience')).toBeVisible();
  await expect(audience.getByTestId('brand-logo')).toHaveCount(0);
  const speaker = await openView('speaker');

  await moderator.getByTestId('displays-manage').click();
  const branding = moderator.getByTestId('branding');

  // Refused: the state stays as it was, and the console says why.
  await branding.getByTestId('branding-logo-input').setInputFiles({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(SCRIPTED_SVG) });
  await expect(branding.getByTestId('branding-feedback')).toContainText('logo: the SVG holds a script');
  await expect(branding.getByTestId('branding-preview').locator('img')).toHaveCount(0);
  await branding.getByTestId('branding-logo-input').setInputFiles({ name: 'logo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]) });
  await expect(branding.getByTestId('branding-feedback')).toContainText('logo: must be a PNG or SVG file');

  await branding.getByTestId('branding-logo-input').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: makePng(120, 40) });
  await expect(branding.getByTestId('branding-feedback')).toHaveText('The logo is set.');
  await expect(branding.getByTestId('branding-preview').locator('img')).toBeVisible();

  // On the audience screen, live: the logo (loaded: the image has its pixels) and the accent.
  const logo = audience.getByTestId('brand-logo');
  await expect(logo).toBeVisible();
  await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(120);
  await expect(audience.locator('.brand-slot')).toBeVisible();

  await branding.getByTestId('branding-accent').fill('#c8102e');
  await branding.getByTestId('branding-accent-save').click();
  await expect(branding.getByTestId('branding-accent-current')).toHaveText('#c8102e');
  await expect.poll(() => accentOf(audience)).toBe('#c8102e');
  await expect(audience.locator('.audience__top')).toHaveCSS('border-bottom-color', 'rgb(200, 16, 46)');

  await branding.getByTestId('branding-css-input').setInputFiles({ name: 'event.css', mimeType: 'text/css', buffer: Buffer.from('.audience__title { color: rgb(1, 2, 3); }') });
  await expect(branding.getByTestId('branding-feedback')).toHaveText('The custom CSS is set.');
  await expect(audience.locator('.audience__title')).toHaveCSS('color', 'rgb(1, 2, 3)');

  // The speaker monitor: no accent, no custom CSS, no logo, digits in the phase colours as before.
  expect(await accentOf(speaker)).toBe('');
  await expect(speaker.locator('#rostrum-custom-css')).toHaveCount(0);
  await expect(speaker.getByTestId('brand-logo')).toHaveCount(0);

  // Removed: gone from the audience screen too.
  await branding.getByTestId('branding-logo-remove').click();
  await branding.getByTestId('branding-accent-clear').click();
  await expect(audience.getByTestId('brand-logo')).toHaveCount(0);
  await expect.poll(() => accentOf(audience)).toBe('');
});
