import type { CommandInput } from '../../shared/contract/commands';
import type { Snapshot } from '../../shared/contract/state';

/** Loosely typed on purpose: tests also read refusals' bodies. */
export type ApiResponseBody = { ok?: boolean; revision?: number; error?: { code: string; message: string; path: string } };

/** Thin fetch wrappers for tests that drive a running server over HTTP. */
export function apiClient(url: string, token?: string) {
  const headers = (extra: Record<string, string> = {}) => ({
    ...(token ? { authorization: `Bearer ${token}` } : {}),
    ...extra,
  });
  return {
    async state(): Promise<Snapshot> {
      const res = await fetch(`${url}/api/v1/state`, { headers: headers() });
      if (!res.ok) throw new Error(`GET /api/v1/state: ${res.status} ${await res.text()}`);
      return (await res.json()) as Snapshot;
    },
    /** Returns the HTTP status and the parsed body, whatever the status. */
    async command(command: CommandInput | unknown): Promise<{ status: number; body: ApiResponseBody }> {
      const res = await fetch(`${url}/api/v1/commands`, {
        method: 'POST',
        headers: headers({ 'content-type': 'application/json' }),
        body: typeof command === 'string' ? command : JSON.stringify(command),
      });
      return { status: res.status, body: (await res.json()) as ApiResponseBody };
    },
  };
}
