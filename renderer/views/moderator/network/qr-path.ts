/**
 * An SVG path for a QR code's dark modules, one `M x y h n v1 h-n z` rectangle per horizontal run,
 * in module units (the SVG's viewBox scales it). Pure: no DOM, so it is tested in node.
 */
export function qrPath(size: number, dark: (row: number, col: number) => boolean): string {
  const parts: string[] = [];
  for (let row = 0; row < size; row += 1) {
    let col = 0;
    while (col < size) {
      if (!dark(row, col)) {
        col += 1;
        continue;
      }
      const start = col;
      while (col < size && dark(row, col)) col += 1;
      parts.push(`M${start} ${row}h${col - start}v1h${start - col}z`);
    }
  }
  return parts.join('');
}

/** The quiet zone around the code, in modules (the QR standard asks for 4). */
export const QUIET_ZONE = 4;
