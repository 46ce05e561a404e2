import { describe, expect, it, vi } from 'vitest';
import { handleSaveKey } from '../../../../renderer/views/booth/editor-keys';

const key = (over: Partial<{ key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }>) => ({
  key: 'Enter',
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  preventDefault: vi.fn(),
  ...over,
});

describe('the booth editors\' save key', () => {
  it.each([
    ['Ctrl+Enter', { ctrlKey: true }],
    ['Cmd+Enter', { metaKey: true }],
  ])('%s saves, and stops the key there (the desktop menu never sees it)', (_name, over) => {
    const save = vi.fn();
    const e = key(over);
    expect(handleSaveKey(e, save)).toBe(true);
    expect(save).toHaveBeenCalledOnce();
    expect(e.preventDefault).toHaveBeenCalledOnce();
  });

  it.each([
    ['Enter (a new line)', {}],
    ['Ctrl+Shift+Enter (the menu\'s Start / resume)', { ctrlKey: true, shiftKey: true }],
    ['Ctrl+Alt+Enter', { ctrlKey: true, altKey: true }],
    ['Ctrl+S', { ctrlKey: true, key: 's' }],
  ])('%s is not the save key, and goes on', (_name, over) => {
    const save = vi.fn();
    const e = key(over);
    expect(handleSaveKey(e, save)).toBe(false);
    expect(save).not.toHaveBeenCalled();
    expect(e.preventDefault).not.toHaveBeenCalled();
  });
});
