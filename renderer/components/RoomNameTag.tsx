import type { PageView as View } from '../../shared/contract/http';
import { roomOfPath } from '../../shared/contract/rooms';
import { useRoomName } from '../app/use-room-name';
import { useI18n } from '../i18n/i18n';

/** In a view's top bar: which room the page shows (`/r/<id>/…`, #18), in the display's language; nothing on today's paths. */
export function RoomNameTag({ view }: { view: View }) {
  const { lang } = useI18n();
  const room = useRoomName(view);
  if (!room) return null;
  return (
    <span className="topbar__room" data-testid="room-name" data-room-id={roomOfPath(window.location.pathname)}>
      {room[lang]}
    </span>
  );
}
