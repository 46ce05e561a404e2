import { httpClient } from '../../../shared/contract/http-client';
import { takeToken } from '../../app/token';
import { api } from '../../app/api-client';
import type { CommandAck, CommandInput } from '../../../shared/contract/commands';

/** The typed HTTP client acting in one room (its `/api/v1/rooms/<id>/…` routes), with the producer's token. */
export const roomApi = (room: string) =>
  httpClient({ base: '', token: () => takeToken('moderator') ?? null, fetch: (url, init) => fetch(url, init), room: () => room });

/** A command for a room on another server, sent through this server's link to it. */
export async function sendToLinked(id: string, command: CommandInput): Promise<CommandAck> {
  const answer = await api('linkedCommand', { body: command, query: { id } });
  return answer.ok ? answer.body : { ok: false, error: answer.error };
}
