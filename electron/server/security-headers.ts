/**
 * A strict Content-Security-Policy for every view, in the browser and in Electron alike:
 * only the app's own origin, no inline script, no eval, no frames.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self' data:",
  "media-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const VIEW_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  // View links carry tokens: never leak them in a Referer.
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
} as const;
