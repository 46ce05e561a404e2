/**
 * Strings of the agenda-io part of the UI, English and Chinese side by side. Keys are prefixed
 * with the part's name; the type makes a key missing from either language a compile error.
 */
export const agendaIoEn = {} as const satisfies Record<string, string>;

export const agendaIoZh: Record<keyof typeof agendaIoEn, string> = {};
