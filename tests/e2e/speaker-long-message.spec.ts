import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { LIMITS } from '../../shared/agenda/agenda-constants';
import { apiClient } from '../helpers/api-client';
import { expect, test } from './fixtures';

/**
 * Issue 13, points 7 and 8: a 500-character message fits its box on the speaker monitor (the
 * text is sized to fit, never clipped), the digits keep at least 30 % of a landscape screen's
 * height beside a message (upright, the width bounds them and a message leaves them as they were),
 * and on a phone held upright the message and the next speaker's name read well.
 * ROSTRUM_SPEAKER_SHOTS=dir also saves each screen for a human to look at.
 */
const shots = process.env['ROSTRUM_SPEAKER_SHOTS'];
const LONG =
  'The next session starts in the main hall, not in room B: please tell the audience before you finish, and remind the online ' +
  'participants that the Chinese channel is on the second audio track. ';

const longMessage = () => LONG.repeat(Math.ceil(LIMITS.messageLength / LONG.length)).slice(0, LIMITS.messageLength).trim();

interface Measures {
  viewportHeight: number;
  digitsHeight: number;
  messageFontPx: number;
  textOverflowPx: number;
  boxClippedPx: number;
  nextNameCutPx: number;
  nextNameFontPx: number;
}

async function measure(page: Page): Promise<Measures> {
  return page.evaluate(() => {
    const q = (sel: string) => document.querySelector<HTMLElement>(sel);
    const digits = q('.speaker__digits')!;
    const box = q('[data-testid="speaker-message"]');
    const text = q('.speaker__message-text');
    const next = q('[data-testid="next-speaker"]')!;
    const nextLine = next.closest<HTMLElement>('.speaker-line__name')!;
    const r = (e: Element) => e.getBoundingClientRect();
    const boxRect = box ? r(box) : null;
    const textRect = text ? r(text) : null;
    return {
      viewportHeight: window.innerHeight,
      digitsHeight: parseFloat(getComputedStyle(digits).fontSize),
      messageFontPx: text ? parseFloat(getComputedStyle(text).fontSize) : 0,
      // Text taller than its box (hidden by overflow), or the box itself off the screen.
      textOverflowPx: box && text ? Math.max(0, text.scrollHeight - box.clientHeight, box.scrollHeight - box.clientHeight) : 0,
      boxClippedPx: boxRect && textRect ? Math.max(0, boxRect.top - textRect.top, textRect.bottom - boxRect.bottom, boxRect.bottom - window.innerHeight) : 0,
      nextNameCutPx: Math.max(0, nextLine.scrollWidth - nextLine.clientWidth, r(next).right - window.innerWidth),
      nextNameFontPx: parseFloat(getComputedStyle(next).fontSize),
    };
  });
}

const SCREENS = [
  { name: '1920x1080', width: 1920, height: 1080 },
  { name: '1366x768', width: 1366, height: 768 },
  { name: '390x844', width: 390, height: 844 },
] as const;

for (const screen of SCREENS) {
  test(`speaker monitor at ${screen.name}: a 500-character message fits, the digits stay large, the next name is whole`, async ({ server, openView }) => {
    const api = apiClient(server.url, server.tokens.control);
    const speaker = await openView('speaker', { viewport: { width: screen.width, height: screen.height } });
    const first = (await api.state()).clock.currentItemId!;
    await api.command({ type: 'start', expectedItemId: first });
    await expect(speaker.getByTestId('next-speaker')).not.toBeEmpty();
    await speaker.evaluate(() => document.fonts.ready);
    if (shots) {
      mkdirSync(shots, { recursive: true });
      await speaker.screenshot({ path: `${shots}/speaker-${screen.name}.png` });
    }
    const plain = await measure(speaker);

    await api.command({ type: 'message.speaker', text: longMessage() });
    await expect(speaker.getByTestId('speaker-message')).toBeVisible();
    await expect(speaker.getByTestId('speaker-message')).toHaveAttribute('data-fitted', 'true');
    await speaker.evaluate(() => document.fonts.ready);
    if (shots) await speaker.screenshot({ path: `${shots}/speaker-${screen.name}-long-message.png` });
    const withMessage = await measure(speaker);
    console.log(screen.name, JSON.stringify({ plain, withMessage }));

    expect(withMessage.textOverflowPx, 'the message text fits its box').toBe(0);
    expect(withMessage.boxClippedPx, 'no line of the message is clipped').toBe(0);
    if (screen.width > screen.height) {
      expect(withMessage.digitsHeight / screen.height, 'digits beside a message: at least 30 % of the height').toBeGreaterThanOrEqual(0.3);
    } else {
      // Upright, the width bounds the digits: a message must not make them any smaller.
      expect(withMessage.digitsHeight).toBeCloseTo(plain.digitsHeight, 0);
    }
    expect(withMessage.nextNameCutPx, 'the next speaker is named in full').toBe(0);
    expect(plain.nextNameCutPx).toBe(0);
    if (screen.width < 600) {
      expect(withMessage.messageFontPx, 'readable on a phone').toBeGreaterThanOrEqual(16);
      expect(plain.nextNameFontPx, 'the next name is readable on a phone').toBeGreaterThanOrEqual(18);
    }

    // A short message is large.
    await api.command({ type: 'message.speaker', text: 'Please wrap up' });
    await expect(speaker.getByTestId('speaker-message')).toHaveText('Please wrap up');
    await expect(speaker.getByTestId('speaker-message')).toHaveAttribute('data-fitted', 'true');
    if (shots) await speaker.screenshot({ path: `${shots}/speaker-${screen.name}-short-message.png` });
    const short = await measure(speaker);
    expect(short.textOverflowPx).toBe(0);
    expect(short.messageFontPx).toBeGreaterThan(withMessage.messageFontPx);
    expect(short.digitsHeight).toBeCloseTo(withMessage.digitsHeight, 0);
  });
}
