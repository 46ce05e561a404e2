import { REDIRECT_PAGES, pageOfPath, type RedirectOrder } from '../../shared/contract/displays';
import { PERSONAL_ITEM_PARAM, TOKEN_PARAM } from '../../shared/contract/http';

/** Parameters a page reads once, at start (the speaker's personal page): changing one needs a new page. */
const READ_AT_START: readonly string[] = [PERSONAL_ITEM_PARAM];

export type RedirectStep = { kind: 'params'; search: string } | { kind: 'navigate'; href: string } | { kind: 'ignore' };

/**
 * Where a redirect order takes this display (#19). Only to one of our own pages on this origin:
 * the path is built from the list of pages, never taken from the order, so no order can send a
 * display to another site. Within the same page, only the parameters change (no reload); to
 * another page, the display navigates, carrying its own key (`token`, which the page at once
 * moves out of the address bar), never one from the order.
 */
export function redirectStep(order: RedirectOrder, here: URL, token: string | undefined): RedirectStep {
  if (!(REDIRECT_PAGES as readonly string[]).includes(order.view)) return { kind: 'ignore' };
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(order.params)) if (name !== TOKEN_PARAM && typeof value === 'string') params.set(name, value);
  const search = params.size > 0 ? `?${params.toString()}` : '';
  const before = new URLSearchParams(here.search);
  const restart = READ_AT_START.some((name) => before.get(name) !== params.get(name));
  if (pageOfPath(here.pathname) === order.view && !restart) return { kind: 'params', search };
  if (token !== undefined && token !== '') params.set(TOKEN_PARAM, token);
  const target = new URL(`/${order.view}`, here.origin);
  target.search = params.toString();
  return { kind: 'navigate', href: target.href };
}
