// `node scripts/generate-icons.mjs`: draws the app icon (the stopwatch of renderer/assets/icon.svg)
// and writes what electron-builder.yml packages, into assets/icons/:
//   NxN.png    16 … 1024 px (Linux picks its sizes from these; the window icon is 256x256.png)
//   icon.ico   Windows: 16 … 256 px, PNG-compressed entries (Windows Vista and later)
//   icon.icns  macOS: 16 … 1024 px, PNG entries (macOS 10.7 and later)
// Plain Node, no dependencies: shapes are drawn as signed distance fields (smooth edges at every
// size), PNGs are encoded with node:zlib. The output is deterministic: the shell tests check that
// the committed files are exactly what this script draws.

import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deflateSync } from 'node:zlib';

export const ICON_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'icons');
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** ICNS entry types and their pixel sizes (Apple's "icon family" of PNG entries). */
export const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

// ---------------------------------------------------------------------------------------------
// Drawing, in the 64×64 units of icon.svg

const BACKGROUND = [0x0e, 0x10, 0x14];
const GREEN = [0x3c, 0xcf, 0x6e];
const WHITE = [0xee, 0xf1, 0xf6];

/** Distance from (x, y) to a rounded rectangle (negative inside). */
function roundedRect(x, y, left, top, width, height, radius) {
  const cx = left + width / 2;
  const cy = top + height / 2;
  const qx = Math.abs(x - cx) - width / 2 + radius;
  const qy = Math.abs(y - cy) - height / 2 + radius;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

/** Distance to a ring of centre radius `r` and width `w`. */
const ring = (x, y, cx, cy, r, w) => Math.abs(Math.hypot(x - cx, y - cy) - r) - w / 2;

/** Distance to a segment with round caps, of width `w`. */
function capsule(x, y, ax, ay, bx, by, w) {
  const px = x - ax;
  const py = y - ay;
  const dx = bx - ax;
  const dy = by - ay;
  const h = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * h, py - dy * h) - w / 2;
}

/** The layers of the icon, back to front: [distance function, colour]. */
const LAYERS = [
  [(x, y) => roundedRect(x, y, 0, 0, 64, 64, 14), BACKGROUND],
  [(x, y) => ring(x, y, 32, 34, 20, 6), GREEN],
  [(x, y) => capsule(x, y, 32, 34, 32, 21, 6), WHITE],
  [(x, y) => roundedRect(x, y, 26, 6, 12, 6, 2), WHITE],
];

/** The icon at `size`×`size` pixels: RGBA, not premultiplied. */
export function renderIcon(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const unit = 64 / size; // icon units per pixel
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const x = (px + 0.5) * unit;
      const y = (py + 0.5) * unit;
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (const [distance, colour] of LAYERS) {
        // Coverage from the distance in pixels: a one-pixel-wide smooth edge.
        const coverage = Math.max(0, Math.min(1, 0.5 - distance(x, y) / unit));
        if (coverage === 0) continue;
        // "over", in premultiplied terms
        r = colour[0] * coverage + r * (1 - coverage);
        g = colour[1] * coverage + g * (1 - coverage);
        b = colour[2] * coverage + b * (1 - coverage);
        a = coverage + a * (1 - coverage);
      }
      const i = (py * size + px) * 4;
      rgba[i] = a > 0 ? Math.round(r / a) : 0;
      rgba[i + 1] = a > 0 ? Math.round(g / a) : 0;
      rgba[i + 2] = a > 0 ? Math.round(b / a) : 0;
      rgba[i + 3] = Math.round(a * 255);
    }
  }
  return rgba;
}

// ---------------------------------------------------------------------------------------------
// Encoding

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG of RGBA pixels (8 bits per channel, no filtering, deflate level 9). */
export function encodePng(rgba, width, height) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** An .ico whose entries are PNGs: [{ size, png }]. */
export function encodeIco(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // icon
  header.writeUInt16LE(images.length, 4);
  const entries = [];
  let offset = 6 + 16 * images.length;
  for (const { size, png } of images) {
    const e = Buffer.alloc(16);
    e[0] = size >= 256 ? 0 : size; // 0 means 256
    e[1] = size >= 256 ? 0 : size;
    e[2] = 0; // no palette
    e[3] = 0;
    e.writeUInt16LE(1, 4); // planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(png.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += png.length;
    entries.push(e);
  }
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

/** An .icns of PNG entries: [{ type, png }]. */
export function encodeIcns(entries) {
  const parts = entries.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

/** Every file of assets/icons/, by name. */
export function iconFiles() {
  const sizes = [...new Set([...PNG_SIZES, ...ICO_SIZES, ...ICNS_TYPES.map(([, s]) => s)])];
  const png = new Map(sizes.map((s) => [s, encodePng(renderIcon(s), s, s)]));
  const files = new Map();
  for (const s of PNG_SIZES) files.set(`${s}x${s}.png`, png.get(s));
  files.set('icon.ico', encodeIco(ICO_SIZES.map((size) => ({ size, png: png.get(size) }))));
  files.set('icon.icns', encodeIcns(ICNS_TYPES.map(([type, size]) => ({ type, png: png.get(size) }))));
  return files;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  mkdirSync(ICON_DIR, { recursive: true });
  for (const [name, bytes] of iconFiles()) {
    writeFileSync(path.join(ICON_DIR, name), bytes);
    console.log(`${path.relative(process.cwd(), path.join(ICON_DIR, name))}  ${bytes.length} bytes`);
  }
}
