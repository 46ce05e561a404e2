import { z } from 'zod';
import { parseOscTarget, type OscBody } from './osc';

/** `POST /api/v1/network/osc` body (types in osc.ts); server side only. */
export const oscBodySchema = z.strictObject({
  on: z.boolean().optional(),
  port: z.number().int('must be a whole number').min(1, 'must be a UDP port from 1 to 65535').max(65535, 'must be a UDP port from 1 to 65535').optional(),
  allow: z.array(z.union([z.ipv4(), z.ipv6()], { error: 'must be an IP address, such as 192.168.1.20' })).max(32, 'at most 32 addresses').optional(),
  feedback: z
    .string()
    .refine((s) => parseOscTarget(s) !== null, 'must be host:port, such as 127.0.0.1:9000')
    .nullable()
    .optional(),
}) satisfies z.ZodType<OscBody>;
