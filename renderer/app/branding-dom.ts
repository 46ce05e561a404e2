import { BRANDING_CSS_PATH, BRANDING_LOGO_PATH, type BrandingInfo } from '../../shared/contract/branding';
import { TOKEN_PARAM } from '../../shared/contract/http';

/*
 * The branding's DOM side (#19, docs/outputs-branding.md), without React: the views' hooks
 * (branding.ts) and the lower third's plain-DOM page both apply the branding through these.
 */

export const ACCENT_VARIABLE = '--rostrum-accent';
const CSS_LINK_ID = 'rostrum-custom-css';

export interface Branding {
  logoUrl: string | null;
  accent: string | null;
}

/** A file of the branding API, with this display's key (an <img> or a <link> sends no header) and the version (caches). */
export const brandingFileUrl = (path: string, version: string, token: string | null) =>
  `${path}?v=${version}${token ? `&${TOKEN_PARAM}=${encodeURIComponent(token)}` : ''}`;

/** Sets (or removes) `--rostrum-accent` on the document root: the views use `var(--rostrum-accent, <their own>)`. */
export function applyBranding(branding: Pick<Branding, 'accent'>, root: HTMLElement = document.documentElement): void {
  if (branding.accent === null) root.style.removeProperty(ACCENT_VARIABLE);
  else root.style.setProperty(ACCENT_VARIABLE, branding.accent);
}

/** The custom CSS file, as the last stylesheet of the page while there is one. */
export function applyCustomCss(href: string | null): () => void {
  document.getElementById(CSS_LINK_ID)?.remove();
  if (href === null) return () => undefined;
  const link = document.createElement('link');
  link.id = CSS_LINK_ID;
  link.rel = 'stylesheet';
  link.href = href;
  document.head.append(link);
  return () => link.remove();
}

/**
 * For a page without React (the lower third): applies the accent and the custom CSS, and puts the
 * logo in `slot` (emptied without one).
 */
export function applyBrandingInfo(info: BrandingInfo, token: string | null, slot: HTMLElement): void {
  applyBranding({ accent: info.accent });
  applyCustomCss(info.css ? brandingFileUrl(BRANDING_CSS_PATH, info.css.version, token) : null);
  const src = info.logo ? brandingFileUrl(BRANDING_LOGO_PATH, info.logo.version, token) : null;
  const img = slot.querySelector('img');
  if (src === null) return slot.replaceChildren();
  if (img?.getAttribute('src') === src) return;
  const logo = document.createElement('img');
  logo.className = 'brand-slot__logo';
  logo.alt = '';
  logo.src = src;
  logo.dataset['testid'] = 'brand-logo';
  slot.replaceChildren(logo);
}
