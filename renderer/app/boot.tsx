import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { View } from '../../shared/contract/http';
import { initLanguage } from '../i18n/i18n';
import { connect } from './connection';

/** Starts a view: its language, its connection, then React. */
export function boot(view: View, app: ReactNode): void {
  initLanguage(view);
  connect(view);
  const container = document.getElementById('root');
  if (!container) throw new Error('#root is missing from the page');
  createRoot(container).render(<StrictMode>{app}</StrictMode>);
}
