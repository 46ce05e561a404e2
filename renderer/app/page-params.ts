import { create } from 'zustand';

/**
 * The page's query string as the view last applied it. A redirect within the same page (#19)
 * replaces the address and sets this; boot.tsx keys the view's tree on it, so the view starts
 * again with the new parameters, without a reload (the connection, the clock sync and the state
 * stay).
 */
export const usePageParams = create<{ search: string }>(() => ({ search: window.location.search }));

export function applyPageParams(search: string): void {
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}${window.location.hash}`);
  usePageParams.setState({ search: window.location.search });
}
