import type { RuleAction } from '../../shared/contract/automation';
import { isLoopback } from '../server/http-util';

/** The host an action reaches, or null for one that stays inside Rostrum (a speaker message). */
export function targetHost(action: RuleAction): string | null {
  if (action.type === 'osc') return action.host;
  if (action.type === 'http') return new URL(action.url.replace(/\{\{[^{}]*\}\}/g, 'x')).hostname.replace(/^\[|\]$/g, '');
  return null;
}

const isLoopbackHost = (host: string): boolean => host.toLowerCase() === 'localhost' || isLoopback(host);

/**
 * Why an action may not reach its target now, or null. The rule OSC input follows (docs/security.md):
 * loopback is always allowed; anything else only with LAN mode on AND the host on the allow list
 * (exactly as written in the rule), so a rule cannot turn Rostrum into a sender to the whole network
 * while it is meant to stay on this machine. Checked when rules are saved and again at each firing.
 */
export function targetRefusal(action: RuleAction, lan: boolean, allow: readonly string[]): string | null {
  const host = targetHost(action);
  if (host === null || isLoopbackHost(host)) return null;
  if (!lan) return `${host} is not on this machine: targets beyond loopback need LAN mode on (and the host on the allow list)`;
  if (!allow.some((a) => a.toLowerCase() === host.toLowerCase())) return `${host} is not on the allow list of automation targets`;
  return null;
}
