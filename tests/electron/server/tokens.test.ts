import { describe, expect, it } from 'vitest';
import type { SettingsStore } from '../../../electron/persistence/state-store';
import { resolveTokens, rotatedToken, type Tokens } from '../../../electron/server/tokens';
import type { Role } from '../../../shared/contract/roles';
import { memorySettings } from '../shell/shell-helpers';

const SAVED: Tokens = { control: 'control-0123456789', booth: 'booth-0123456789', view: 'view-0123456789' };
const withLost = (settings: SettingsStore, lost: [Role, string][]): SettingsStore => ({ ...settings, lostTokens: new Map(lost) });

describe('resolveTokens (issue 14 §4, §8)', () => {
  it('keeps saved tokens, and generates and saves only missing ones', () => {
    const settings = memorySettings({ tokens: { control: SAVED.control } });
    const { tokens, warnings } = resolveTokens(settings, {});
    expect(tokens.control).toBe(SAVED.control);
    expect(tokens.booth).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(settings.get('tokens')).toEqual(tokens);
    expect(warnings).toEqual([]);
  });

  it('token-invalid-replaced-loudly: a saved token that could not be used is replaced with a warning naming the links that stop working', () => {
    const settings = withLost(memorySettings({ tokens: { control: SAVED.control, view: SAVED.view } }), [['booth', 'is not valid: must be 8 to 200 URL-safe characters (it was "short")']]);
    const { tokens, warnings } = resolveTokens(settings, {});
    expect(tokens.control).toBe(SAVED.control);
    expect(tokens.view).toBe(SAVED.view);
    expect(warnings).toEqual([
      'The booth token saved in (memory) is not valid: must be 8 to 200 URL-safe characters (it was "short"). A new booth token was generated and saved: every booth link made before no longer works; use the new links.',
    ]);
    // A token given by flag takes its place without alarm: its links are the ones the technician handed out.
    expect(resolveTokens(settings, { booth: 'booth-from-flag-01' }).warnings).toEqual([]);
  });

  it('token-duplicate: two roles with the same token stop the start, naming where each came from', () => {
    expect(() => resolveTokens(memorySettings({ tokens: { ...SAVED, view: SAVED.control } }), {})).toThrow(
      'the control token (saved in (memory)) and the view token (saved in (memory)) are the same: each role needs its own token, or a view link would also be a control link',
    );
    expect(() => resolveTokens(memorySettings({ tokens: SAVED }), { booth: SAVED.control })).toThrow(
      /the control token \(saved in \(memory\)\) and the booth token \(given with --booth-token \(or ROSTRUM_BOOTH_TOKEN\)\) are the same/,
    );
    // Nothing was saved by a refused start.
    const settings = memorySettings({ tokens: SAVED });
    expect(() => resolveTokens(settings, { view: SAVED.booth })).toThrow();
    expect(settings.get('tokens')).toEqual(SAVED);
  });

  it('token-duplicate: a rotation never gives a role another role\'s token', () => {
    const generated = [SAVED.control, SAVED.view, 'booth-new-0123456789'];
    expect(rotatedToken(SAVED, 'booth', () => generated.shift()!)).toBe('booth-new-0123456789');
    expect(() => rotatedToken(SAVED, 'booth', () => SAVED.view)).toThrow(/could not generate a booth token that differs/);
  });
});
