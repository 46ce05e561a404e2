import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DOUBLE_PRESS_MS, navigate } from '../../../../../renderer/views/moderator/state/clock-actions';
import { useFeedback } from '../../../../../renderer/views/moderator/state/feedback';

/**
 * The double-press guard on next and previous (clock-actions.ts `navigate`). With no server, each
 * press that goes through is answered `offline` at once, so the feedback line tells a press that
 * was sent (an error naming the action) from one that the guard ignored (the double-press notice).
 */
const feedback = () => {
  const { error, notice } = useFeedback.getState();
  return { error: error?.code ?? null, action: error?.action ?? null, notice };
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['performance'] });
  // Well past any earlier press of another test.
  vi.advanceTimersByTime(10 * DOUBLE_PRESS_MS);
  useFeedback.setState({ error: null, notice: null });
});
afterEach(() => vi.useRealTimers());

describe('double press of next or previous', () => {
  it('ignores a second press of the same key within DOUBLE_PRESS_MS, and says so', async () => {
    await navigate('next');
    expect(feedback()).toEqual({ error: 'offline', action: 'moderator.action.next', notice: null });
    vi.advanceTimersByTime(DOUBLE_PRESS_MS - 50);
    await navigate('next');
    expect(feedback().notice).toBe('moderator.notice.doublePress');
  });

  it('takes the same key again once DOUBLE_PRESS_MS has passed', async () => {
    await navigate('next');
    vi.advanceTimersByTime(DOUBLE_PRESS_MS + 1);
    useFeedback.setState({ error: null, notice: null });
    await navigate('next');
    expect(feedback()).toEqual({ error: 'offline', action: 'moderator.action.next', notice: null });
  });

  it('takes the other key at once (next, then previous to go back)', async () => {
    await navigate('next');
    vi.advanceTimersByTime(50);
    await navigate('previous');
    expect(feedback()).toEqual({ error: 'offline', action: 'moderator.action.previous', notice: null });
  });

  it('ignores any press while one is still on its way', async () => {
    const first = navigate('next');
    vi.advanceTimersByTime(DOUBLE_PRESS_MS + 1);
    const second = navigate('previous');
    expect(feedback().notice).toBe('moderator.notice.doublePress');
    await Promise.all([first, second]);
    // Only the first was sent: the line names its action.
    expect(feedback().action).toBe('moderator.action.next');
  });
});
