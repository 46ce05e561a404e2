import { MAX_REDIRECT_PARAMS } from '../../../../shared/contract/displays';

/**
 * What the moderator typed as a redirect's parameters (`bare=1&lang=en+zh`, a leading `?` allowed)
 * as a record, or null when it is not name=value pairs. `+` stays a plus (`en+zh` is a value of
 * ours, not a space). The server checks names and values again.
 */
export function parseRedirectParams(text: string): Record<string, string> | null {
  const trimmed = text.trim().replace(/^\?/, '');
  if (trimmed === '') return {};
  const params: Record<string, string> = {};
  const pairs = trimmed.split('&').filter((p) => p !== '');
  if (pairs.length > MAX_REDIRECT_PARAMS) return null;
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const name = eq < 0 ? pair : pair.slice(0, eq);
    const value = eq < 0 ? '' : pair.slice(eq + 1);
    if (!/^[A-Za-z][A-Za-z0-9_-]{0,31}$/.test(name)) return null;
    try {
      params[name] = decodeURIComponent(value);
    } catch {
      return null;
    }
  }
  return params;
}
