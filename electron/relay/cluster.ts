import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import type { CommandAck } from '../../shared/contract/commands';
import type { RemoteGrant, RemoteRole } from '../../shared/contract/relay';
import type { Snapshot } from '../../shared/contract/state';
import type { SnapshotStore } from './channel-mirror';

/**
 * Several relay processes serving the same venues (`--redis`): what one process tells the others.
 * The process that holds a channel's venue link announces it (with the remote tokens, sealed, and
 * the venue clock's offset) once a second; the others serve that channel's viewers from the shared
 * snapshot and send remote commands to the holder. Without `--redis` there is no cluster: one
 * process holds everything, as before.
 */
export interface LinkFact {
  linked: boolean;
  /** The remote tokens (sealed with the relay key on their way through Redis, never in clear there). */
  tokens: RemoteGrant | null;
  /** The venue's clock minus the holder's. */
  offsetMs: number;
  /** Sent once, when the link is made: another process holding an older link for the channel drops it. */
  taken: boolean;
}

/** A fact as it travels and is stored: the tokens sealed. */
export interface SealedLinkFact extends Omit<LinkFact, 'tokens'> {
  holder: string;
  sealedTokens: string | null;
}

export interface RemoteForward {
  channel: string;
  command: unknown;
  role: RemoteRole;
}

export interface RelayCluster {
  readonly id: string;
  /** The last snapshot per channel, shared by every process (any of them serves a late joiner). */
  readonly store: SnapshotStore<Snapshot>;
  /** This process holds the channel's venue link: tells the others. */
  announce(channel: string, fact: LinkFact): void;
  /** Another process announced a channel's link. */
  onFact(listener: (channel: string, fact: LinkFact) => void): void;
  /** The last fact another process announced for the channel, with when it arrived here (relayNow). */
  lastFact(channel: string): { fact: LinkFact; at: number } | null;
  /** The channels another process has announced a link for (a venue's rooms, each a channel). */
  channels(): string[];
  /** Sends a remote command to whichever process holds the channel's link: null when none does. */
  forward(request: RemoteForward): Promise<CommandAck | null>;
  /** Answers forwarded commands for the channels this process holds (null: not held here). */
  serveForwards(handler: (request: RemoteForward) => Promise<CommandAck> | null): void;
  close(): Promise<void>;
}

/**
 * Secrets kept from the shared store: the remote tokens are sealed (AES-256-GCM) with a key derived
 * from the relay's link key, which every process of a cluster shares and the store never holds; a
 * forwarded command carries a MAC with another derived key, so that writing into Redis is not
 * enough to send the venue a command.
 */
export class ClusterSecrets {
  private readonly sealKey: Buffer;
  private readonly macKey: Buffer;

  constructor(relayKey: string) {
    const derive = (info: string) => Buffer.from(hkdfSync('sha256', relayKey, 'rostrum-relay-cluster', info, 32));
    this.sealKey = derive('tokens');
    this.macKey = derive('forward');
  }

  seal(tokens: RemoteGrant): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.sealKey, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(tokens), 'utf8'), cipher.final()]);
    return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
  }

  /** null when it was not sealed with this relay key (another cluster's, or tampered with). */
  unseal(sealed: string): RemoteGrant | null {
    const [iv, tag, body] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
    if (!iv || !tag || !body) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.sealKey, iv);
      decipher.setAuthTag(tag);
      return JSON.parse(Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8')) as RemoteGrant;
    } catch {
      return null;
    }
  }

  mac(request: RemoteForward): string {
    return createHmac('sha256', this.macKey).update(JSON.stringify([request.channel, request.role, request.command])).digest('base64url');
  }

  verify(request: RemoteForward, mac: unknown): boolean {
    if (typeof mac !== 'string') return false;
    const a = Buffer.from(mac);
    const b = Buffer.from(this.mac(request));
    return a.length === b.length && timingSafeEqual(a, b);
  }
}
