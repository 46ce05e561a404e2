import { io } from 'socket.io-client';
import { NO_BRANDING, type BrandingInfo } from '../../../shared/contract/branding';
import type { HandshakeAuth } from '../../../shared/contract/events';
import type { LinkStatus } from '../../../shared/contract/link-status';
import type { Snapshot } from '../../../shared/contract/state';
import { applyPatch } from '../../../shared/contract/state-sync';
import type { UiLanguage } from '../../../shared/i18n/translate';
import { deviceId } from '../../app/device-id';
import { redirectStep } from '../../app/redirect-target';
import { seedServerClock } from '../../app/server-clock';
import type { RostrumSocket } from '../../app/socket-types';
import { startTimeSync } from '../../app/time-sync';
import { takeToken } from '../../app/token';

/** A refused handshake is retried after this long; a gap asks for a snapshot at most this often. */
const RETRY_REFUSED_MS = 5000;
const RESYNC_AGAIN_MS = 2000;

export interface OverlayLink {
  snapshot(): Snapshot | null;
  /** The branding as the server last sent it (#19), and this page's key for its files. */
  branding(): { info: BrandingInfo; token: string | null };
  link(): LinkStatus;
  /** Says hello again (the language changed). */
  hello(language: UiLanguage): void;
}

/**
 * The lower third's link to the server. It runs in a streaming PC's browser source and must load in
 * under 100 KB, so it does without React and the views' store (renderer/app/connection.ts, store.ts):
 * the same socket options, the same snapshot-then-patches (shared/contract/state-sync.ts), the same
 * clock sync (time-sync.ts, server-clock.ts) and the same presence hello, told to `onChange`.
 */
export function connectOverlay(onChange: () => void): OverlayLink {
  let snapshot: Snapshot | null = null;
  let link: LinkStatus = 'connecting';
  let language: UiLanguage = 'en';
  const setLink = (next: LinkStatus) => {
    if (next === link) return;
    link = next;
    onChange();
  };
  const auth: HandshakeAuth = {};
  const token = takeToken('lower-third');
  if (token !== undefined) auth.token = token;
  const s: RostrumSocket = io({ auth, transports: ['websocket', 'polling'], tryAllTransports: true, reconnectionDelay: 500, reconnectionDelayMax: 1000 });

  let branding: BrandingInfo = NO_BRANDING;
  s.on('branding:update', (info) => {
    branding = info;
    onChange();
  });
  // The console's orders (#19, docs/displays.md): a stream overlay goes where it is sent, or loads again.
  s.on('display:redirect', (order) => {
    const step = redirectStep(order, new URL(window.location.href), token);
    if (step.kind === 'navigate') window.location.assign(step.href);
    else if (step.kind === 'params') window.location.search = step.search;
  });
  s.on('display:reload', () => window.location.reload());

  let resyncAskedAt = -Infinity;
  s.on('state:snapshot', (next) => {
    resyncAskedAt = -Infinity;
    seedServerClock(next.serverTime);
    snapshot = next;
    onChange();
  });
  s.on('state:patch', (patch) => {
    const result = applyPatch(snapshot, patch);
    if (result.kind === 'applied') {
      snapshot = result.snapshot;
      onChange();
    } else if (result.kind === 'gap' && s.connected && Date.now() - resyncAskedAt >= RESYNC_AGAIN_MS) {
      resyncAskedAt = Date.now();
      s.emit('state:request');
    }
  });
  const hello = () => {
    if (s.connected) s.emit('display:hello', { view: 'lower-third', language, page: 'lower-third', deviceId: deviceId() });
  };
  s.on('connect', hello);
  s.on('disconnect', (reason) => {
    if (reason === 'io server disconnect') s.connect();
  });
  s.on('connect_error', (err: Error & { data?: { code?: string } }) => {
    if (s.active) return setLink('offline');
    if (/unauthori[sz]ed|forbidden/i.test(err.data?.code ?? err.message)) return setLink('unauthorized');
    setLink('offline');
    setTimeout(() => s.connect(), RETRY_REFUSED_MS);
  });
  startTimeSync(s, (alive) => {
    if (link === 'unauthorized' && !alive) return;
    if (alive) setLink('online');
    else if (s.connected || link !== 'connecting') setLink('offline');
  });
  return {
    snapshot: () => snapshot,
    branding: () => ({ info: branding, token: token ?? null }),
    link: () => link,
    hello: (next) => {
      if (next === language) return;
      language = next;
      hello();
    },
  };
}
