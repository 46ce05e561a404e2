/**
 * The event's branding (#19, docs/outputs-branding.md): a logo (PNG or SVG), an accent colour and
 * an optional custom CSS file for the read-only outputs (audience, lower third, clock), never for
 * the speaker monitor's digits. Set by the control role, read with any key. No zod here: the
 * views import this file.
 */

export const BRANDING_PATH = '/api/v1/branding';
export const BRANDING_LOGO_PATH = '/api/v1/branding/logo';
export const BRANDING_CSS_PATH = '/api/v1/branding/css';

/** The largest logo file, and its largest side in pixels (PNG, or an SVG's own size). */
export const MAX_LOGO_BYTES = 512 * 1024;
export const MAX_LOGO_SIDE_PX = 4096;
/** The largest custom CSS file. */
export const MAX_CSS_BYTES = 64 * 1024;

/** `#rrggbb`. */
export const ACCENT_PATTERN = /^#[0-9a-fA-F]{6}$/;

export type LogoType = 'png' | 'svg';

export interface BrandingInfo {
  /** `#rrggbb`, or null for the views' own colours. */
  accent: string | null;
  logo: { type: LogoType; width: number; height: number; bytes: number; version: string } | null;
  css: { bytes: number; version: string } | null;
}

/** `POST /api/v1/branding`: the accent (null: none), and `null` to remove the logo or the CSS file. */
export interface BrandingBody {
  accent?: string | null;
  logo?: null;
  css?: null;
}

export const NO_BRANDING: BrandingInfo = { accent: null, logo: null, css: null };
