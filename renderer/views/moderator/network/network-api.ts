import { apiError, type ApiError } from '../../../../shared/contract/errors';
import { LAN_PATH, NETWORK_PATH, ROTATE_PATH, type LanBody, type NetworkInfo, type RotateBody, type RotateResponse } from '../../../../shared/contract/network';
import { OSC_PATH, type OscBody, type OscStatus } from '../../../../shared/contract/osc';
import type { Role } from '../../../../shared/contract/roles';
import { takeToken } from '../../../app/token';

export type Answer<T> = { ok: true; body: T } | { ok: false; error: ApiError };

/** The console's control token (kept in session storage once the page has read it from its link). */
const authHeader = (): Record<string, string> => {
  const token = takeToken('moderator');
  return token ? { authorization: `Bearer ${token}` } : {};
};

async function call<T>(path: string, body?: LanBody | RotateBody | OscBody): Promise<Answer<T>> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { ...authHeader(), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    return { ok: false, error: apiError('offline', 'the server cannot be reached') };
  }
  let parsed: unknown;
  try {
    parsed = await res.json();
  } catch {
    parsed = null;
  }
  if (res.ok && parsed !== null) return { ok: true, body: parsed as T };
  const error = (parsed as { error?: ApiError } | null)?.error ?? apiError('internal', `HTTP ${res.status}`);
  return { ok: false, error };
}

export const fetchNetwork = (): Promise<Answer<NetworkInfo>> => call<NetworkInfo>(NETWORK_PATH);
export const switchLan = (on: boolean): Promise<Answer<NetworkInfo>> => call<NetworkInfo>(LAN_PATH, { on });
export const rotateToken = (role: Role): Promise<Answer<RotateResponse>> => call<RotateResponse>(ROTATE_PATH, { role });
export const fetchOsc = (): Promise<Answer<OscStatus>> => call<OscStatus>(OSC_PATH);
export const changeOsc = (change: OscBody): Promise<Answer<OscStatus>> => call<OscStatus>(OSC_PATH, change);
