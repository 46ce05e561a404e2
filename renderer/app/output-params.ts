import { isUiLanguage, type UiLanguage } from '../../shared/i18n/translate';

/**
 * The URL parameters of the outputs (#19, docs/outputs.md). Pure: each takes the query string.
 * A bad value is reported, never guessed at: an output on air must show what was asked or say why not.
 */
export type ParamResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** `?lang=en`, `?lang=zh`, `?lang=en+zh` (or `en,zh`; a `+` may arrive as a space): null when absent. */
export function langParam(search: string): ParamResult<UiLanguage[] | null> {
  const raw = new URLSearchParams(search).get('lang');
  if (raw === null || raw.trim() === '') return { ok: true, value: null };
  const parts = raw.split(/[+ ,]/).filter((p) => p !== '');
  const langs: UiLanguage[] = [];
  for (const p of parts) {
    if (!isUiLanguage(p)) return { ok: false, message: `lang: "${p.slice(0, 12)}" is not en or zh (e.g. ?lang=en+zh)` };
    if (!langs.includes(p)) langs.push(p);
  }
  return { ok: true, value: langs };
}

/** `?key=00b140` (or `#00b140`, 3 or 6 hex digits): a chroma key colour as `#rrggbb`; null when absent. */
export function keyParam(search: string): ParamResult<string | null> {
  const raw = new URLSearchParams(search).get('key');
  if (raw === null || raw === '') return { ok: true, value: null };
  const hex = raw.replace(/^#/, '');
  if (/^[0-9a-fA-F]{6}$/.test(hex)) return { ok: true, value: `#${hex.toLowerCase()}` };
  if (/^[0-9a-fA-F]{3}$/.test(hex)) return { ok: true, value: `#${[...hex.toLowerCase()].map((c) => c + c).join('')}` };
  return { ok: false, message: `key: "${raw.slice(0, 12)}" is not a hex colour (e.g. ?key=00b140)` };
}

/** A yes/no flag (`?timer=1`, `?transparent=1`). */
export const flagParam = (search: string, name: string): boolean => {
  const v = new URLSearchParams(search).get(name);
  return v === '1' || v === 'true';
};
