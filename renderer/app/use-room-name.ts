import { useEffect, useState } from 'react';
import type { PageView as View } from '../../shared/contract/http';
import { httpClient } from '../../shared/contract/http-client';
import { splitRoomViewPath, type RoomName } from '../../shared/contract/rooms';
import { takeToken } from './token';

let asked: Promise<RoomName | null> | null = null;

/** The page's room's names, read once from `GET /api/v1/rooms` (any token); null on a page that is not a room's (`/r/<id>/…`). */
function readRoomName(view: View): Promise<RoomName | null> {
  const room = splitRoomViewPath(window.location.pathname)?.room;
  if (room === undefined) return Promise.resolve(null);
  asked ??= httpClient({ base: '', token: () => takeToken(view) ?? null, fetch: (url, init) => fetch(url, init) })('rooms', {}).then((answer) =>
    answer.ok ? (answer.body.rooms.find((r) => r.id === room)?.name ?? null) : null,
  );
  return asked;
}

/**
 * The name of the room a page at `/r/<id>/…` shows (#18): its console, speaker and booth say which
 * room they are, in the top bar and the window title. Null on today's paths (`main`, as before).
 */
export function useRoomName(view: View): RoomName | null {
  const [name, setName] = useState<RoomName | null>(null);
  useEffect(() => {
    let live = true;
    void readRoomName(view).then((n) => live && setName(n));
    return () => {
      live = false;
    };
  }, [view]);
  return name;
}
