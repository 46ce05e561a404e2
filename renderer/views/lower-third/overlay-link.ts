import { NO_BRANDING, type BrandingInfo } from '../../../shared/contract/branding';
import type { LinkStatus } from '../../../shared/contract/link-status';
import { roomOfPath } from '../../../shared/contract/rooms';
import type { Snapshot } from '../../../shared/contract/state';
import { applyPatch } from '../../../shared/contract/state-sync';
import type { UiLanguage } from '../../../shared/i18n/translate';
import { deviceId } from '../../app/device-id';
import { redirectStep } from '../../app/redirect-target';
import { openSocketLink } from '../../app/socket-link';
import { takeToken } from '../../app/token';

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
 * the views' link (renderer/app/socket-link.ts) feeds this page's own snapshot and link status,
 * told to `onChange`, and the same presence hello and display orders as the views'.
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
  const token = takeToken('lower-third');
  // `/r/<id>/lower-third` is room <id>'s (#18): its speaker, its cue; every other path `main`'s.
  const s = openSocketLink(
    { token, room: roomOfPath(window.location.pathname) },
    {
      snapshot: (next) => {
        snapshot = next;
        onChange();
      },
      patch: (patch) => {
        const result = applyPatch(snapshot, patch);
        if (result.kind === 'applied') {
          snapshot = result.snapshot;
          onChange();
        }
        return result.kind;
      },
      link: () => link,
      setLink,
    },
  );

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

  const hello = () => {
    if (s.connected) s.emit('display:hello', { view: 'lower-third', language, page: 'lower-third', deviceId: deviceId() });
  };
  s.on('connect', hello);
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
