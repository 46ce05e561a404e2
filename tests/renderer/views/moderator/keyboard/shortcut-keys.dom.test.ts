import { describe, expect, it } from 'vitest';
import { actionOf, SHORTCUTS } from '../../../../../renderer/views/moderator/keyboard/shortcut-keys';

const press = (code: string, key = '', shiftKey = false) => actionOf({ code, key, shiftKey });

describe('actionOf', () => {
  it('maps every listed physical key to its action, whatever character the layout types', () => {
    for (const s of SHORTCUTS) for (const code of s.codes) expect(press(code, 'x')).toBe(s.action);
    expect(press('Space', ' ')).toBe('toggle');
    // AZERTY types "," on the physical N key; the key still means next.
    expect(press('KeyN', ',')).toBe('next');
    expect(press('ArrowLeft')).toBe('previous');
    expect(press('NumpadAdd', '+')).toBe('plusMinute');
  });

  it('opens the help on "?" wherever the layout puts it, and the German Shift+ß (physical Minus) takes no minute away', () => {
    expect(press('Slash', '?', true)).toBe('help');
    expect(press('Slash', '/', true)).toBe('help');
    expect(press('Minus', '?', true)).toBe('help');
    expect(press('Minus', '-')).toBe('minusMinute');
  });

  it('ignores keys that are no shortcut', () => {
    expect(press('KeyQ', 'q')).toBeNull();
    expect(press('Slash', '/')).toBeNull();
    expect(press('Enter', 'Enter')).toBeNull();
  });
});
