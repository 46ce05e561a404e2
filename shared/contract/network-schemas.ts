import { z } from 'zod';
import type { LanBody, RotateBody } from './network';
import { ROLES } from './roles';

/** The network routes' bodies (types in network.ts); server side only. */
export const lanBodySchema = z.strictObject({ on: z.boolean() }) satisfies z.ZodType<LanBody>;

export const rotateBodySchema = z.strictObject({ role: z.enum(ROLES) }) satisfies z.ZodType<RotateBody>;
