import type { ServerResponse } from 'node:http';
import { MAX_CSS_BYTES, MAX_LOGO_BYTES } from '../../shared/contract/branding';
import { apiError } from '../../shared/contract/errors';
import { brandingBodySchema } from '../branding/branding-schemas';
import { checkCss, checkLogo } from '../branding/logo-check';
import { sendError } from '../server/http-util';
import { readBody } from './read-body';
import type { Handler } from './route-context';
import { readValidBody } from './valid-body';

/**
 * An uploaded SVG is served so that nothing in it can run, should a check ever miss (no script,
 * no plug-in, no request anywhere but inline styles and data: images), and a sandbox on top.
 */
export const LOGO_SVG_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; sandbox";
/** The custom CSS, read as a stylesheet only. */
const FILE_HEADERS = { 'x-content-type-options': 'nosniff', 'cache-control': 'no-cache', 'referrer-policy': 'no-referrer' } as const;

function sendFile(res: ServerResponse, type: string, bytes: Buffer, extra: Record<string, string> = {}): void {
  res.writeHead(200, { ...FILE_HEADERS, 'content-type': type, 'content-length': bytes.length, ...extra });
  res.end(bytes);
}

const saveFailed = (error: unknown) => apiError('persist-failed', `the branding could not be saved: ${(error as Error).message}`);

/** `GET /api/v1/branding` (any key): the accent, and the logo's and the CSS file's size and version. */
export const branding: Handler<'branding'> = ({ ctx, answer }) => answer(ctx.branding.info());

/** `POST /api/v1/branding {accent?, logo?: null, css?: null}` (control). */
export const brandingChange: Handler<'brandingChange'> = async ({ req, res, ctx, answer }) => {
  const body = await readValidBody(req, brandingBodySchema, 'expected {"accent": "#rrggbb" | null}');
  if (!body.ok) return sendError(res, body.error);
  try {
    if (body.value.accent !== undefined) ctx.branding.setAccent(body.value.accent);
    if (body.value.logo === null) ctx.branding.removeLogo();
    if (body.value.css === null) ctx.branding.removeCss();
  } catch (error) {
    return sendError(res, saveFailed(error));
  }
  answer(ctx.branding.info());
};

/** `GET /api/v1/branding/logo` (any key, `?token=` for an <img>). */
export const brandingLogo: Handler<'brandingLogo'> = ({ res, ctx }) => {
  const logo = ctx.branding.logo();
  if (!logo) return sendError(res, apiError('not-found', 'no logo is set'));
  if (logo.type === 'png') sendFile(res, 'image/png', logo.bytes);
  else sendFile(res, 'image/svg+xml', logo.bytes, { 'content-security-policy': LOGO_SVG_CSP });
};

/** `POST /api/v1/branding/logo` (control): the body is the PNG or SVG file. */
export const brandingLogoUpload: Handler<'brandingLogoUpload'> = async ({ req, res, ctx, answer }) => {
  const body = await readBody(req, MAX_LOGO_BYTES, () => `logo: the file is larger than ${MAX_LOGO_BYTES / 1024} KiB`);
  if (!body.ok) return sendError(res, { ...body.error, path: 'logo' });
  const checked = checkLogo(body.value);
  if (!checked.ok) return sendError(res, checked.error);
  try {
    ctx.branding.setLogo(checked.type, checked.width, checked.height, body.value);
  } catch (error) {
    return sendError(res, saveFailed(error));
  }
  answer(ctx.branding.info());
};

/** `GET /api/v1/branding/css` (any key). */
export const brandingCss: Handler<'brandingCss'> = ({ res, ctx }) => {
  const css = ctx.branding.css();
  if (!css) return sendError(res, apiError('not-found', 'no custom CSS is set'));
  sendFile(res, 'text/css; charset=utf-8', css);
};

/** `POST /api/v1/branding/css` (control): the body is the CSS file. */
export const brandingCssUpload: Handler<'brandingCssUpload'> = async ({ req, res, ctx, answer }) => {
  const body = await readBody(req, MAX_CSS_BYTES, () => `css: the file is larger than ${MAX_CSS_BYTES / 1024} KiB`);
  if (!body.ok) return sendError(res, { ...body.error, path: 'css' });
  const refused = checkCss(body.value, MAX_CSS_BYTES);
  if (refused) return sendError(res, refused);
  try {
    ctx.branding.setCss(body.value);
  } catch (error) {
    return sendError(res, saveFailed(error));
  }
  answer(ctx.branding.info());
};
