import { z } from 'zod';
import { ACCENT_PATTERN } from '../../shared/contract/branding';

/** `POST /api/v1/branding`: what may be changed in one go. */
export const brandingBodySchema = z
  .strictObject({
    accent: z.string().regex(ACCENT_PATTERN, 'must be a colour like #1a73e8').nullable().optional(),
    logo: z.null({ error: 'only null (to remove the logo); upload one to POST /api/v1/branding/logo' }).optional(),
    css: z.null({ error: 'only null (to remove the CSS file); upload one to POST /api/v1/branding/css' }).optional(),
  })
  .refine((b) => b.accent !== undefined || b.logo !== undefined || b.css !== undefined, { path: ['accent'], message: 'give accent, logo: null or css: null' });
