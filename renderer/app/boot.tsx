import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { PageView as View } from '../../shared/contract/http';
import { initLanguage } from '../i18n/i18n';
import { loadMessages, loadedTexts, type MessagePart } from '../i18n/messages';
import { warmUpFonts } from '../styles/font-warmup';
import { IdentifyOverlay } from '../components/IdentifyOverlay';
import { PageParamsKey } from '../components/PageParamsKey';
import { listenForBranding } from './branding';
import { connect } from './connection';
import { followDisplayOrders } from './display-orders';
import { startPresence } from './presence';

/**
 * Starts a view: its strings (the core and `messages`, the parts its entry names), language and
 * fonts, its connection (presence, the console's orders), then React.
 */
export function boot(view: View, app: ReactNode, messages: readonly MessagePart[]): void {
  loadMessages(messages);
  initLanguage(view);
  warmUpFonts([...loadedTexts(), 'EN']);
  const socket = connect(view);
  startPresence(socket, view);
  followDisplayOrders(socket);
  listenForBranding(socket);
  const container = document.getElementById('root');
  if (!container) throw new Error('#root is missing from the page');
  createRoot(container).render(
    <StrictMode>
      <PageParamsKey>{app}</PageParamsKey>
      <IdentifyOverlay />
    </StrictMode>,
  );
}
