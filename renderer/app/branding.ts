import { useEffect, useMemo } from 'react';
import { create } from 'zustand';
import { BRANDING_CSS_PATH, BRANDING_LOGO_PATH, NO_BRANDING, type BrandingInfo } from '../../shared/contract/branding';
import type { HandshakeAuth } from '../../shared/contract/events';
import { getSocket } from './connection';
import type { RostrumSocket } from './socket-types';
import { applyBranding, applyCustomCss, brandingFileUrl as fileUrl, type Branding } from './branding-dom';

/**
 * The event's branding (#19, docs/outputs-branding.md) in the read-only outputs: the audience
 * screen, the lower third, the clock. Never the speaker monitor: it does not call these.
 */


const useBrandingInfo = create<{ info: BrandingInfo; token: string | null }>(() => ({ info: NO_BRANDING, token: null }));

const heard = new WeakSet<RostrumSocket>();

/**
 * Keeps the branding as the server last sent it (`branding:update`: on connect and on every
 * change). Called at boot, before the first connect, so the first update is never missed.
 */
export function listenForBranding(socket: RostrumSocket | null): void {
  if (socket === null || heard.has(socket)) return;
  heard.add(socket);
  socket.on('branding:update', (info) => useBrandingInfo.setState({ info, token: (socket.auth as HandshakeAuth | undefined)?.token ?? null }));
}

/** The logo's address (null without one) and the accent colour (null: the view's own colours). */
export function useBranding(): Branding {
  listenForBranding(getSocket());
  const info = useBrandingInfo((s) => s.info);
  const token = useBrandingInfo((s) => s.token);
  return useMemo(() => ({ logoUrl: info.logo ? fileUrl(BRANDING_LOGO_PATH, info.logo.version, token) : null, accent: info.accent }), [info, token]);
}

/** For an output view: applies the accent and the custom CSS while it shows, and gives the branding. */
export function useOutputBranding(): Branding {
  const branding = useBranding();
  const css = useBrandingInfo((s) => (s.info.css ? fileUrl(BRANDING_CSS_PATH, s.info.css.version, s.token) : null));
  useEffect(() => {
    applyBranding(branding);
    return () => applyBranding({ accent: null });
  }, [branding]);
  useEffect(() => applyCustomCss(css), [css]);
  return branding;
}
