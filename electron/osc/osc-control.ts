import { DEFAULT_OSC_SETTINGS, parseOscTarget, type OscBody, type OscSettings, type OscStatus } from '../../shared/contract/osc';
import type { RostrumCore } from '../server/core';
import type { RateLimit } from '../server/rate-limit';
import type { OscFeedback } from './osc-feedback';
import { startOscInput, type OscInput } from './osc-input';
import { startRoomsFeedback, type FeedbackRooms } from './rooms-feedback';

/** The OSC flags (`--osc-port`, `--osc-allow`, `--osc-feedback`); null: not given. */
export interface OscFlags {
  port: number | null;
  allow: string[] | null;
  feedback: { host: string; port: number } | null;
}

export interface OscControlOptions {
  core: RostrumCore;
  /** Rooms (#18): `/rostrum/<roomId>/…` runs in that room's core. */
  coreOf?: (room: string) => RostrumCore | undefined;
  /** Rooms (#18): feedback for each on `/rostrum/<roomId>/state/…`, rooms added later included. */
  rooms?: FeedbackRooms;
  flags: OscFlags;
  /** The console's settings as last saved (settings.json `osc`), if any. */
  saved: Partial<OscSettings> | undefined;
  /** Keeps the console's settings after a change. */
  save: (settings: OscSettings) => void;
  log: (line: string) => void;
  /** The budget of each OSC sender, as of a socket (default rate-limit.ts). */
  rateLimit?: RateLimit;
}

export type OscChangeResult = { ok: true; status: OscStatus } | { ok: false; field: keyof OscSettings; message: string };

export interface OscControl {
  /** Starts input and feedback as set; `lan` is LAN mode at start. Resolves with start-up notices. */
  start(lan: boolean): Promise<string[]>;
  /** LAN mode was switched: listen on 0.0.0.0 (allow list enforced) or 127.0.0.1 again. */
  lanChanged(lan: boolean): Promise<void>;
  /** Settles pending switches first, so the answer is what is in force. */
  status(): Promise<OscStatus>;
  update(change: OscBody): Promise<OscChangeResult>;
  /** udp://host:port of OSC input now, or null. */
  url(): string | null;
  close(): Promise<void>;
}

const FLAG_OF: Record<'port' | 'allow' | 'feedback', string> = { port: '--osc-port', allow: '--osc-allow', feedback: '--osc-feedback' };
const targetText = (t: { host: string; port: number }): string => (t.host.includes(':') ? `[${t.host}]:${t.port}` : `${t.host}:${t.port}`);
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function bindError(error: unknown, host: string, port: number): string {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === 'EADDRINUSE' ? 'the port is already in use' : code === 'EACCES' ? 'permission denied (ports below 1024 need privileges)' : String((error as Error)?.message ?? error);
  return `could not listen for OSC on UDP port ${port} (${host}): ${why}`;
}

/**
 * OSC input and feedback as the console sets them, the flags on top (a flag given fixes that
 * setting). Input listens on 127.0.0.1, or on 0.0.0.0 while LAN mode is on. With LAN mode on,
 * only listed senders are accepted (an empty list accepts none); with it off, a non-empty list
 * still filters, an empty one accepts any loopback sender — the same rules as the flags.
 * Switches run one after the other, so a double click cannot bind twice.
 */
export function createOscControl(o: OscControlOptions): OscControl {
  const flags = o.flags;
  let chosen: OscSettings = { ...DEFAULT_OSC_SETTINGS, ...o.saved };
  let lan = false;
  let input: OscInput | null = null;
  let inputKey = '';
  let listening: string | null = null;
  let error: string | null = null;
  let feedback: OscFeedback | null = null;
  let feedbackKey: string | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const effective = (): OscSettings => ({
    on: flags.port !== null || chosen.on,
    port: flags.port ?? chosen.port,
    allow: flags.allow ?? chosen.allow,
    feedback: flags.feedback ? targetText(flags.feedback) : chosen.feedback,
  });

  const snapshot = (): OscStatus => ({
    ok: true,
    settings: effective(),
    fromFlags: { port: flags.port !== null, allow: flags.allow !== null, feedback: flags.feedback !== null },
    listening,
    lan,
    error,
  });

  /** Brings the sockets in line with the settings; returns the bind error, if any. */
  async function apply(): Promise<string | null> {
    const s = effective();
    const host = lan ? '0.0.0.0' : '127.0.0.1';
    // Loopback without a list: anyone who can reach 127.0.0.1. LAN: the list is the only gate.
    const allow = lan ? s.allow : flags.allow !== null || s.allow.length > 0 ? s.allow : null;
    const key = s.on ? JSON.stringify([host, s.port, allow]) : '';
    if (key !== inputKey || (s.on && input === null)) {
      await input?.close();
      input = null;
      listening = null;
      error = null;
      inputKey = key;
      if (s.on) {
        try {
          input = await startOscInput({ core: o.core, ...(o.coreOf ? { coreOf: o.coreOf } : {}), port: s.port, host, allow, log: o.log, ...(o.rateLimit ? { rateLimit: o.rateLimit } : {}) });
          listening = `${host}:${input.port}`;
          if (lan && allow !== null && allow.length === 0) o.log('OSC: LAN mode is on and no sender is allowed: every OSC packet will be ignored.');
        } catch (e) {
          error = bindError(e, host, s.port);
          o.log(`OSC: ${error}`);
        }
      }
    }
    if (s.feedback !== feedbackKey) {
      await feedback?.close();
      feedback = null;
      feedbackKey = s.feedback;
      const target = s.feedback === null ? null : parseOscTarget(s.feedback);
      if (target) feedback = startRoomsFeedback({ core: o.core, ...(o.rooms ? { rooms: o.rooms } : {}), target, log: o.log });
    }
    return error;
  }

  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const next = queue.then(job);
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    start: (lanOn) =>
      serial(async () => {
        lan = lanOn;
        const failed = await apply();
        // A port given by flag that cannot be bound stops the start, as before; one set from the console is a warning.
        if (failed !== null && flags.port !== null) throw new Error(failed);
        return failed !== null ? [`WARNING: OSC: ${failed}`] : lan && listening !== null && effective().allow.length === 0 ? ['OSC: LAN mode without an OSC allow list: every OSC packet will be ignored.'] : [];
      }),
    lanChanged: (lanOn) =>
      serial(async () => {
        lan = lanOn;
        await apply();
      }),
    status: () => serial(async () => snapshot()),
    update: (change) =>
      serial(async (): Promise<OscChangeResult> => {
        const now = effective();
        if (change.on === false && flags.port !== null) return { ok: false, field: 'on', message: `on: OSC was switched on with ${FLAG_OF.port} ${flags.port}; restart Rostrum without that flag to switch it off here` };
        if (change.port !== undefined && flags.port !== null && change.port !== now.port) return { ok: false, field: 'port', message: `port: set to ${flags.port} by ${FLAG_OF.port}; restart Rostrum without that flag to change it here` };
        if (change.allow !== undefined && flags.allow !== null && !sameList(change.allow, now.allow)) return { ok: false, field: 'allow', message: `allow: set by ${FLAG_OF.allow}; restart Rostrum without that flag to change it here` };
        if (change.feedback !== undefined && flags.feedback !== null && change.feedback !== now.feedback) return { ok: false, field: 'feedback', message: `feedback: set by ${FLAG_OF.feedback}; restart Rostrum without that flag to change it here` };
        const previous = chosen;
        chosen = {
          on: change.on ?? chosen.on,
          port: flags.port === null ? (change.port ?? chosen.port) : chosen.port,
          allow: flags.allow === null ? [...new Set(change.allow ?? chosen.allow)] : chosen.allow,
          feedback: flags.feedback === null ? (change.feedback === undefined ? chosen.feedback : change.feedback === null ? null : targetText(parseOscTarget(change.feedback)!)) : chosen.feedback,
        };
        const failed = await apply();
        if (failed !== null) {
          // Keep what worked: the previous settings, listening again where they did.
          chosen = previous;
          await apply();
          const field = change.port !== undefined ? 'port' : 'on';
          return { ok: false, field, message: `${field}: ${failed}` };
        }
        o.save(chosen);
        return { ok: true, status: snapshot() };
      }),
    url: () => (listening === null ? null : `udp://${listening}`),
    close: () =>
      serial(async () => {
        await feedback?.close();
        await input?.close();
        feedback = null;
        input = null;
      }),
  };
}
