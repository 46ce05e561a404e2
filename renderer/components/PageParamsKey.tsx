import { Fragment, type ReactNode } from 'react';
import { usePageParams } from '../app/page-params';

/** Starts the view's tree again when a redirect changed this page's parameters (page-params.ts). */
export function PageParamsKey({ children }: { children: ReactNode }) {
  const search = usePageParams((s) => s.search);
  return <Fragment key={search}>{children}</Fragment>;
}
