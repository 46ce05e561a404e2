export const ROLES = ['control', 'booth', 'view'] as const;
export type Role = (typeof ROLES)[number];
