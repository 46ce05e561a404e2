import { apiClient } from '../helpers/api-client';
import { connectSocket } from '../helpers/socket-client';
import type { ConnectedDisplay } from '../../shared/contract/presence';
import { expect, test } from './fixtures';

const MUST_SEE = [
  'current-speaker',
  'current-language',
  'booth-direction',
  'clock-remaining',
  'phase-label',
  'session-moderator',
  'next-transition',
  'booth-notes',
  'glossary',
  'handover-remaining',
  'request-slow-down',
  'request-no-audio',
  'request-need-text',
  'request-text-input',
];

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
]) {
  test(`everything fits a 13" laptop at ${viewport.width}×${viewport.height}, dark, with a key on every control`, async ({ openView }) => {
    const booth = await openView('booth', { viewport });
    await expect(booth.getByTestId('current-speaker')).toHaveText('Local government representative');
    await expect(booth.getByTestId('upcoming-item')).toHaveCount(5);

    // One screen: nothing scrolls, and everything the booth needs is on it.
    const overflow = await booth.evaluate(() => ({
      x: document.documentElement.scrollWidth - window.innerWidth,
      y: document.documentElement.scrollHeight - window.innerHeight,
    }));
    expect(overflow).toEqual({ x: 0, y: 0 });
    for (const id of [...MUST_SEE, 'upcoming-item']) {
      const box = await booth.getByTestId(id).last().boundingBox();
      expect(box, `${id} is shown`).not.toBeNull();
      expect(box!.y + box!.height, `${id} is on screen`).toBeLessThanOrEqual(viewport.height);
      expect(box!.x + box!.width, `${id} is on screen`).toBeLessThanOrEqual(viewport.width);
    }

    // Readable from arm's length: the name and the clock are large.
    const px = (id: string) => booth.getByTestId(id).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(await px('current-speaker')).toBeGreaterThanOrEqual(28);
    expect(await px('clock-remaining')).toBeGreaterThanOrEqual(56);

    // Dark by default: a dim booth must not be lit by the screen.
    const luminance = await booth.evaluate(() => {
      const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g)!.map(Number);
      return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
    });
    expect(luminance).toBeLessThan(0.1);

    // Every control shows its key, on it or right beside it (sound Q, display language L); the
    // rows of the next items are stepped through with ← →; the settings dialog is a form.
    const keyless = await booth.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.view--booth button, .view--booth input')]
        .filter((el) => !el.closest('dialog') && !el.closest('[data-testid="upcoming-item"]'))
        .filter((el) => !el.querySelector('kbd') && !el.parentElement?.querySelector(':scope > kbd') && !el.closest('.booth-topbar > span')?.querySelector(':scope > kbd'))
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(keyless).toEqual([]);
  });
}

test('the booth name and direction are kept per display, sent to the console, and carried by requests', async ({ server, openView }) => {
  const control = apiClient(server.url, server.tokens.control);
  const { socket } = await connectSocket(server.url, server.tokens.control);
  const listed = (name: string) =>
    new Promise<ConnectedDisplay>((resolve) => {
      socket.on('displays:update', (displays) => {
        const found = displays.find((d) => d.view === 'booth' && d.name === name);
        if (found) resolve(found);
      });
    });
  try {
    const firstHello = listed('Booth A');
    const booth = await openView('booth');
    expect(await firstHello).toMatchObject({ name: 'Booth A', direction: 'both', role: 'booth' });
    await expect(booth.getByTestId('booth-identity')).toContainText('name not set');

    // B opens the settings: a booth that always works into English.
    await booth.keyboard.press('b');
    const dialog = booth.getByTestId('booth-settings');
    await expect(dialog).toBeVisible();
    await booth.getByTestId('booth-name-input').fill('Booth EN');
    await booth.getByTestId('booth-direction-into:en').check();
    const renamed = listed('Booth EN');
    await booth.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    expect(await renamed).toMatchObject({ direction: 'into:en' });
    await expect(booth.getByTestId('booth-identity')).toHaveText(/^Booth EN\s*into EN/);

    // Remembered on this display, and requests go by the name.
    await booth.reload();
    await expect(booth.getByTestId('booth-identity')).toHaveText(/^Booth EN\s*into EN/);
    await booth.keyboard.press('a');
    await expect(booth.getByTestId('request-no-audio')).toHaveAttribute('data-state', 'open');
    expect((await control.state()).booth.requests.map((r) => [r.booth, r.kind])).toEqual([['Booth EN', 'no-audio']]);
  } finally {
    socket.close();
  }
});

test('a booth working into English is off while English is spoken, never "EN → EN"', async ({ server, context, openView }) => {
  await context.addInitScript(() => localStorage.setItem('rostrum.booth.settings', JSON.stringify({ name: 'Booth EN', direction: 'into:en' })));
  const control = apiClient(server.url, server.tokens.control);
  expect((await control.command({ type: 'goto', itemId: 'open-sun', expectedItemId: 'open-local-gov' })).status).toBe(200);
  const booth = await openView('booth');

  const direction = booth.getByTestId('booth-direction');
  await expect(direction).toHaveText(/ZH → EN/);
  await expect(booth.getByTestId('language-switch')).toContainText('Your booth goes off (floor in EN)');

  expect((await control.command({ type: 'next', expectedItemId: 'open-sun' })).status).toBe(200);
  await expect(direction).toHaveAttribute('data-state', 'idle');
  await expect(direction).toContainText('Off — relay / idle');
  await expect(direction).toContainText('The floor speaks EN, your target language');
  await expect(direction).not.toContainText('EN → EN');
});

test('on a phone (390×844) the booth scrolls down, never sideways, and no panel covers another', async ({ openView }) => {
  const booth = await openView('booth', { viewport: { width: 390, height: 844 } });
  await expect(booth.getByTestId('current-speaker')).toHaveText('Local government representative');
  expect(await booth.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  for (const entry of await booth.locator('header.topbar').locator('button, [data-testid="connection"]').all()) {
    const box = (await entry.boundingBox())!;
    expect(box.x + box.width, await entry.innerText()).toBeLessThanOrEqual(390);
  }
  const panels = await booth.locator('.panel').evaluateAll((els) => els.map((el) => {
    const r = el.getBoundingClientRect();
    return { name: el.getAttribute('data-testid') ?? el.className, top: r.top, bottom: r.bottom, left: r.left, right: r.right };
  }));
  expect(panels.length).toBeGreaterThanOrEqual(5);
  for (const [i, a] of panels.entries()) {
    for (const b of panels.slice(i + 1)) {
      const overlap = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      const side = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      expect(overlap > 1 && side > 1, `${a.name} and ${b.name} overlap by ${overlap.toFixed(0)} px`).toBe(false);
    }
  }
  // The notes and the glossary are readable, not folded to their titles with text spilling out.
  await expect(booth.getByTestId('booth-notes')).toContainText('Humen');
  for (const id of ['booth-notes', 'glossary']) {
    const spill = await booth.getByTestId(id).evaluate((panel) => {
      const box = panel.getBoundingClientRect();
      // A scroll box folded to a sliver (a visually hidden label, 1 px, is none).
      const clipped = [...panel.querySelectorAll('*')].some((el) => el.scrollHeight > el.clientHeight + 1 && getComputedStyle(el).overflowY !== 'visible' && el.clientHeight > 1 && el.clientHeight < 60);
      return { clipped, height: box.height };
    });
    expect(spill.height, `${id} height`).toBeGreaterThan(80);
    expect(spill.clipped, `${id} has a folded scroll box`).toBe(false);
  }
});
