import { create } from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrPath } from '../../../../../renderer/views/moderator/network/qr-path';

/** Paints a path back into a grid, to compare with the modules it was drawn from. */
function paint(d: string, size: number): boolean[][] {
  const grid = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  for (const m of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    const [x, y, w] = [Number(m[1]), Number(m[2]), Number(m[3])];
    for (let c = x; c < x + w; c += 1) grid[y]![c] = true;
  }
  return grid;
}

describe('qrPath', () => {
  it('draws one rectangle per run of dark modules', () => {
    const dark = [
      [true, true, false],
      [false, true, false],
      [true, false, true],
    ];
    expect(qrPath(3, (r, c) => dark[r]![c]!)).toBe('M0 0h2v1h-2zM1 1h1v1h-1zM0 2h1v1h-1zM2 2h1v1h-1z');
  });

  it('covers exactly the dark modules of a real code for a view link', () => {
    const { modules } = create('http://192.168.1.20:4848/speaker?token=Zm9vYmFyYmF6cXV4cXV1eA', { errorCorrectionLevel: 'M' });
    const d = qrPath(modules.size, (r, c) => modules.get(r, c) !== 0);
    const painted = paint(d, modules.size);
    for (let r = 0; r < modules.size; r += 1) {
      for (let c = 0; c < modules.size; c += 1) expect(painted[r]![c], `module ${r},${c}`).toBe(modules.get(r, c) !== 0);
    }
  });

  it('is empty for a blank grid', () => {
    expect(qrPath(4, () => false)).toBe('');
  });
});
