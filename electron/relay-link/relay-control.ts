import type { RelayBody, RelaySettingsView, RemoteGrant, RemoteRole, RemoteTokens } from '../../shared/contract/relay';
import type { SettingKey, Settings } from '../persistence/settings-schema';
import type { SettingsStore } from '../persistence/state-store';
import type { RostrumCore } from '../server/core';
import { generateToken } from '../server/tokens';
// Types only: the link itself (and socket.io's client) is imported when a link is switched on.
import type { RelayLink } from './relay-link';
import { resolveRemoteTokens } from './remote-tokens';

/** Key in the venue's settings file: the link as last set from the console. */
const LINK_SETTING = 'relayLink' satisfies SettingKey;
const TOKENS_SETTING = 'remoteTokens' satisfies SettingKey;

export interface RelayFlags {
  /** `--relay URL --relay-key K` (or the environment): both or neither. */
  link: { url: string; key: string } | null;
  /** `--remote-moderator`: the co-host is on from the start. */
  cohost: boolean;
}

export interface RelayControlOptions {
  core: RostrumCore;
  settings: SettingsStore;
  flags: RelayFlags;
  log: (line: string) => void;
}

export type RelayChangeResult = { ok: true } | { ok: false; field: keyof RelayBody; message: string };

export interface RelayControl {
  /** Starts the link if it is on (flags, or the console's last setting). Resolves with start-up notices. */
  start(): Promise<string[]>;
  link(): RelayLink | null;
  /** Null until a relay is used: a venue that never links creates no remote token. */
  remoteTokens(): RemoteGrant | null;
  /** The link as set; never the key. */
  view(): RelaySettingsView;
  /** Changes the link live (no restart): starts, changes or stops it, and keeps the choice. */
  update(change: RelayBody): Promise<RelayChangeResult>;
  /** A new token for one remote role; the relay drops the viewers that used the old one. */
  rotate(role: RemoteRole): void;
  close(): void;
}

type Chosen = Partial<Settings['relayLink']>;

/**
 * The venue's relay link as a console setting (docs/remote.md): URL, key, on/off and the remote
 * moderator, changed live from the Network panel and kept in settings.json (`relayLink`). Flags
 * win at start: `--relay`/`--relay-key` start the link with their URL and key whatever was kept;
 * a change from the console then holds for this run and is kept, but is not written over the
 * flags' values (a key from the environment does not land on disk unless typed in the console).
 * Switches run one after the other, so two quick clicks cannot open two links.
 */
export function createRelayControl(o: RelayControlOptions): RelayControl {
  const saved: Chosen = { ...o.settings.get(LINK_SETTING) };
  const fromFlags = o.flags.link !== null;
  /** What is in force now: the flags over what was kept. */
  let current: Chosen = { ...saved, ...(o.flags.link ? { url: o.flags.link.url, key: o.flags.link.key, enabled: true } : {}), ...(o.flags.cohost ? { cohost: true } : {}) };
  let tokens: RemoteTokens | null = null;
  let link: RelayLink | null = null;
  let linked: { url: string; key: string } | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const cohost = () => current.cohost === true;
  /**
   * The tokens the relay is told. The remote moderator's goes too once made, marked off while the
   * co-host is switched off: the relay then refuses it (403) and drops its viewers.
   */
  const sentTokens = (): RemoteGrant => {
    const t = ensureTokens();
    return { ...t, off: cohost() || t.moderator === null ? [] : ['moderator'] };
  };
  const ensureTokens = (): RemoteTokens => {
    tokens ??= resolveRemoteTokens(o.settings);
    if (cohost() && tokens.moderator === null) setToken('moderator', generateToken());
    return tokens;
  };
  const setToken = (role: RemoteRole, token: string) => {
    tokens = { ...(tokens ?? resolveRemoteTokens(o.settings)), [role]: token };
    o.settings.set(TOKENS_SETTING, tokens);
  };

  const apply = async (): Promise<void> => {
    const want = current.enabled === true && current.url !== undefined && current.key !== undefined ? { url: current.url, key: current.key } : null;
    // The same link: only the tokens may have changed. A refused one is made again (the relay's key
    // may have been fixed meanwhile): "Apply" is the way to retry it.
    if (want && linked && want.url === linked.url && want.key === linked.key && link?.status().state !== 'refused') {
      link?.tokensChanged();
      return;
    }
    link?.close();
    link = null;
    linked = null;
    if (!want) return;
    ensureTokens();
    const { startRelayLink } = await import('./relay-link');
    link = startRelayLink({ core: o.core, url: want.url, key: want.key, remoteTokens: sentTokens, log: o.log });
    linked = want;
  };
  const serial = <T>(run: () => Promise<T>): Promise<T> => {
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    start: () =>
      serial(async () => {
        await apply();
        if (!linked) return [];
        return [`Linking to the relay at ${linked.url} (state: GET /api/v1/relay)${fromFlags ? '' : ', as set from the console'}.`];
      }),
    link: () => link,
    remoteTokens: () => (tokens === null ? null : sentTokens()),
    view: () => ({ url: current.url ?? null, keySet: current.key !== undefined, enabled: current.enabled === true, cohost: cohost(), fromFlags }),
    update: (change) =>
      serial(async (): Promise<RelayChangeResult> => {
        const next: Chosen = { ...current, ...change };
        if (change.url !== undefined) next.url = new URL(change.url).origin;
        if (next.enabled === true && next.url === undefined) return { ok: false, field: 'url', message: "url: give the relay's URL before switching the link on" };
        if (next.enabled === true && next.key === undefined) return { ok: false, field: 'key', message: 'key: give the link key (the relay prints it at start) before switching the link on' };
        current = next;
        // Only what the console changed is kept: the flags' values stay off the disk.
        for (const field of ['url', 'key', 'enabled', 'cohost'] as const) if (change[field] !== undefined) Object.assign(saved, { [field]: next[field] });
        o.settings.set(LINK_SETTING, saved);
        await apply();
        return { ok: true };
      }),
    rotate: (role) => {
      setToken(role, generateToken());
      link?.tokensChanged();
    },
    close: () => {
      link?.close();
      link = null;
    },
  };
}
