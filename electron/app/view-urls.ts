import { TOKEN_PARAM, VIEWS, VIEW_ROLE, type View } from '../../shared/contract/http';
import type { Tokens } from '../server/tokens';

export function baseUrl(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}`;
}

/** One ready-to-open link per view, each carrying its role's token. */
export function viewUrls(base: string, tokens: Tokens): Record<View, string> {
  return Object.fromEntries(
    VIEWS.map((v) => [v, `${base}/${v}?${TOKEN_PARAM}=${encodeURIComponent(tokens[VIEW_ROLE[v]])}`]),
  ) as Record<View, string>;
}
