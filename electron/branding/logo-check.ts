import { MAX_LOGO_BYTES, MAX_LOGO_SIDE_PX, type LogoType } from '../../shared/contract/branding';
import { apiError, type ApiError } from '../../shared/contract/errors';

export type CheckedLogo = { ok: true; type: LogoType; width: number; height: number } | { ok: false; error: ApiError };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const refuse = (message: string, code: 'invalid' | 'too-large' = 'invalid'): CheckedLogo => ({ ok: false, error: apiError(code, `logo: ${message}`, 'logo') });
const KIB = (n: number) => `${Math.round(n / 1024)} KiB`;

/**
 * What an SVG may not hold: anything that runs (script, event handlers, javascript: links),
 * embeds another document, or reaches outside the file (links, imports, entities). A logo is
 * shapes and text: refused rather than cleaned, so what is stored is what was checked. It is
 * also served with a CSP that runs nothing (branding-routes.ts), should a check ever miss.
 */
const SVG_FORBIDDEN: readonly [RegExp, string][] = [
  [/<\s*script\b/i, 'a script'],
  [/\son[a-z]+\s*=/i, 'an event handler (on…=)'],
  [/javascript\s*:/i, 'a javascript: link'],
  [/<\s*(foreignObject|iframe|embed|object|audio|video|animate|set|handler|listener)\b/i, 'an embedded document or animation'],
  [/<!\s*(ENTITY|DOCTYPE)/i, 'a DOCTYPE or entity'],
  [/(?:xlink:)?href\s*=\s*["']\s*(?!#|data:image\/(?:png|jpeg|gif);base64,)/i, 'a link to another file or site'],
  [/@import|url\(\s*["']?\s*(?!#)/i, 'a reference to another file or site'],
];

function pngSize(bytes: Buffer): { width: number; height: number } | null {
  // The IHDR chunk comes first: length (4), "IHDR" (4), width (4), height (4).
  if (bytes.length < 24 || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const number = (v: string | undefined): number | null => {
  if (v === undefined) return null;
  const m = /^\s*([0-9]+(?:\.[0-9]+)?)\s*(px)?\s*$/.exec(v);
  return m ? Number(m[1]) : null;
};

function svgSize(root: string): { width: number; height: number } | null {
  const attr = (name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(root)?.[1];
  const width = number(attr('width'));
  const height = number(attr('height'));
  if (width !== null && height !== null) return { width, height };
  const box = attr('viewBox')?.trim().split(/[\s,]+/).map(Number);
  if (box?.length === 4 && box.every(Number.isFinite)) return { width: box[2]!, height: box[3]! };
  return null;
}

/** A logo upload: a PNG or an SVG, within the size limits, an SVG with nothing that runs or reaches out. */
export function checkLogo(bytes: Buffer): CheckedLogo {
  if (bytes.length === 0) return refuse('the file is empty');
  if (bytes.length > MAX_LOGO_BYTES) return refuse(`the file is ${KIB(bytes.length)}; at most ${KIB(MAX_LOGO_BYTES)}`, 'too-large');
  let type: LogoType;
  let size: { width: number; height: number } | null;
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) {
    type = 'png';
    size = pngSize(bytes);
    if (size === null) return refuse('the PNG file is damaged (no IHDR header)');
  } else {
    const text = bytes.toString('utf8');
    const root = /^\uFEFF?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*(<svg\b[^>]*>)/i.exec(text)?.[1];
    if (root === undefined || text.includes('\uFFFD')) return refuse('must be a PNG or SVG file');
    type = 'svg';
    for (const [pattern, what] of SVG_FORBIDDEN) if (pattern.test(text)) return refuse(`the SVG holds ${what}; a logo may hold shapes and text only`);
    size = svgSize(root);
    if (size === null) return refuse('the SVG must give its size (width and height, or a viewBox)');
  }
  const { width, height } = size;
  if (width < 1 || height < 1) return refuse(`the image is ${width}×${height} pixels; it must be at least 1×1`);
  if (width > MAX_LOGO_SIDE_PX || height > MAX_LOGO_SIDE_PX) return refuse(`the image is ${width}×${height} pixels; at most ${MAX_LOGO_SIDE_PX}×${MAX_LOGO_SIDE_PX}`);
  return { ok: true, type, width, height };
}

/** A custom CSS upload: UTF-8 text within the limit (the views' CSP keeps it to this origin's files). */
export function checkCss(bytes: Buffer, limit: number): ApiError | null {
  if (bytes.length === 0) return apiError('invalid', 'css: the file is empty', 'css');
  if (bytes.length > limit) return apiError('too-large', `css: the file is ${KIB(bytes.length)}; at most ${KIB(limit)}`, 'css');
  const text = bytes.toString('utf8');
  if (text.includes('\uFFFD') || text.includes('\u0000')) return apiError('invalid', 'css: must be a UTF-8 text file', 'css');
  if (/<\s*\/?\s*(script|style|html)\b/i.test(text)) return apiError('invalid', 'css: must be CSS, not HTML', 'css');
  return null;
}
