/**
 * Strings of the booth part of the UI, English and Chinese side by side. Keys are prefixed
 * with the part's name; the type makes a key missing from either language a compile error.
 */
export const boothEn = {} as const satisfies Record<string, string>;

export const boothZh: Record<keyof typeof boothEn, string> = {};
