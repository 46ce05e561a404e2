import type { CommandAck, CommandInput } from './commands';
import type { OutputView } from './http';
import type { Role } from './roles';
import type { Snapshot, StatePatch } from './state';

/**
 * Remote links through a relay (#17, docs/remote.md). The venue connects out to the relay and
 * mirrors its state there; remote people open the views on the relay. Nothing here knows the
 * agenda: the relay mirrors channels keyed by an id: one per room of the venue (docs/rooms.md), the
 * channel's id the room's, each with its own remote tokens (the token a viewer presents picks the channel).
 */

/** `GET /api/v1/relay` on the venue (control token). */
export { RELAY_PATH } from './http-routes';
/** The socket.io namespace the venue links on; viewers use the default one. */
export const LINK_NAMESPACE = '/link';
/** The `main` room's channel: a token no channel knows is judged against it (as before rooms). */
export const MAIN_CHANNEL = 'main';

export const RELAY_LINK_STATES = ['off', 'connecting', 'connected', 'refused'] as const;
export type RelayLinkState = (typeof RELAY_LINK_STATES)[number];

/** The remote roles, each with its own token, separate from the LAN tokens. */
export const REMOTE_ROLES = ['speaker', 'booth', 'audience', 'moderator'] as const;
export type RemoteRole = (typeof REMOTE_ROLES)[number];
/** A token per remote role; null: that remote role is off (the remote moderator is, by default). */
export type RemoteTokens = Record<RemoteRole, string | null>;

/**
 * What the venue tells the relay (`link:tokens`): the tokens, and the remote roles switched off at
 * the venue whose token is known all the same (the remote moderator, once made, then switched
 * off): the relay refuses them with `forbidden` (403) and drops their viewers.
 */
export interface RemoteGrant extends RemoteTokens {
  off?: RemoteRole[];
}

/** Whether `role` may act through the relay under this grant: it has a token and is not switched off. */
export const grantAllows = (grant: RemoteGrant, role: RemoteRole): boolean => grant[role] !== null && !(grant.off ?? []).includes(role);

/**
 * The role the venue's core checks a remote command under: a remote booth is a booth, a remote
 * moderator (off by default) a control; speaker and audience links may send nothing.
 */
export const VENUE_ROLE_OF_REMOTE: Record<RemoteRole, Role | null> = {
  speaker: null,
  booth: 'booth',
  audience: null,
  moderator: 'control',
};

export interface RelayLinks {
  speaker: string;
  booth: string;
  audience: string;
  /** The remote moderator's (co-host's) console on the relay: only while the co-host is switched on. */
  moderator?: string;
}

/**
 * The read-only outputs (#19) a relay serves too, for a remote stream production (a webinar's vision
 * mixer): the lower third and the studio clock, opened with the remote audience token.
 */
export const RELAY_OUTPUT_VIEWS = ['lower-third', 'clock'] as const satisfies readonly OutputView[];
export type RelayOutputView = (typeof RELAY_OUTPUT_VIEWS)[number];

/** A link key: what the relay generates (base64url), or 16 to 200 URL-safe characters given by hand. */
export const RELAY_KEY_PATTERN = /^[A-Za-z0-9_\-.~]{16,200}$/;
export const RELAY_KEY_RULE = 'must be 16 to 200 URL-safe characters (letters, digits, _ - . ~), as the relay printed it';

/** Why `url` cannot be a relay's address, or null when it can (its origin is what the venue links to). */
export function relayUrlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'must be a URL, such as https://relay.example.org';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'must start with https:// (or http:// on loopback)';
  return null;
}

/**
 * The link as set (`settings` in `GET /api/v1/relay`). The key itself is never answered: only
 * whether one is set.
 */
export interface RelaySettingsView {
  url: string | null;
  keySet: boolean;
  enabled: boolean;
  /** The remote moderator (co-host): off by default. */
  cohost: boolean;
  /** Started with `--relay`/`--relay-key` (or the environment): they won at start. */
  fromFlags: boolean;
}

/** `POST /api/v1/relay`: any of the link's settings; what is left out stays. */
export interface RelayBody {
  url?: string;
  key?: string;
  enabled?: boolean;
  cohost?: boolean;
}

/** `POST /api/v1/relay/tokens/rotate`. */
export interface RelayRotateBody {
  role: RemoteRole;
}

/** The answer of `GET /api/v1/relay`. */
export interface RelayStatus {
  state: RelayLinkState;
  /** Round trip venue → relay → venue, ms; null when unknown (not connected yet). */
  rttMs: number | null;
  /** On the relay's public URL, carrying the remote tokens; null until the relay has said its URL. */
  links: RelayLinks | null;
  speakerLinks: { itemId: string; url: string }[];
  /** The outputs on the relay (lower third, studio clock), with the remote audience token; null as `links`. */
  outputLinks: Record<RelayOutputView, string> | null;
  /** Why the link is not up (a refused key, an unreachable relay); null when there is nothing to say. */
  lastError: string | null;
  /** The link as set (from the console or the flags); never the key. */
  settings: RelaySettingsView;
}

/** What the venue presents when it links: the relay's key and the channel it feeds. */
export interface LinkAuth {
  key: string;
  channel: string;
}

/** Said by the relay when a venue has linked. */
export interface LinkWelcome {
  /** Where remote people reach the relay (`--public-url`, or the address it listens on). */
  publicUrl: string;
}

/** The link's events, venue to relay. */
export interface VenueToRelayEvents {
  'link:tokens': (tokens: RemoteGrant) => void;
  'link:snapshot': (snapshot: Snapshot) => void;
  'link:patch': (patch: StatePatch) => void;
  /** The venue measures the round trip; the relay answers at once. */
  'link:ping': (ack: () => void) => void;
}

/** The link's events, relay to venue. */
export interface RelayToVenueEvents {
  'link:welcome': (welcome: LinkWelcome) => void;
  /** The relay missed a revision: send a fresh snapshot. */
  'link:resync': () => void;
  /** The relay estimates the venue's clock (NTP-style): the venue answers with its time. */
  'link:time': (ack: (venueTime: number) => void) => void;
  /** A remote person's command, checked again by the venue's core under `VENUE_ROLE_OF_REMOTE`. */
  'link:command': (command: CommandInput, role: RemoteRole, ack: (result: CommandAck) => void) => void;
}

/** What a view on the relay is told about the venue's link (`relay:venue`). */
export type VenueLinkState = 'linked' | 'lost';
