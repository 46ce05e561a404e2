/**
 * Strings of the audio part of the UI, English and Chinese side by side. Keys are prefixed
 * with the part's name; the type makes a key missing from either language a compile error.
 */
export const audioEn = {} as const satisfies Record<string, string>;

export const audioZh: Record<keyof typeof audioEn, string> = {};
