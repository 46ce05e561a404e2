import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { PageView as View } from '../../shared/contract/http';
import { en } from '../../shared/i18n/en';
import { zh } from '../../shared/i18n/zh';
import { initLanguage, messageTexts } from '../i18n/i18n';
import { warmUpFonts } from '../styles/font-warmup';
import { connect } from './connection';
import { startPresence } from './presence';

/** Starts a view: its language and fonts, its connection (and presence), then React. */
export function boot(view: View, app: ReactNode): void {
  initLanguage(view);
  warmUpFonts([...messageTexts(en), ...messageTexts(zh), 'EN']);
  startPresence(connect(view), view);
  const container = document.getElementById('root');
  if (!container) throw new Error('#root is missing from the page');
  createRoot(container).render(<StrictMode>{app}</StrictMode>);
}
