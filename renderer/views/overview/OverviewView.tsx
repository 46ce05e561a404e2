import { useEffect, useState } from 'react';
import { LanguageSwitch } from '../../i18n/LanguageSwitch';
import { useI18n } from '../../i18n/i18n';
import { AddRoomForm } from './AddRoomForm';
import { RoomTile } from './RoomTile';
import { useOverview } from './overview-store';
import { LinkRoomForm } from './LinkRoomForm';
import { sendToLinked } from './room-api';

/** Re-renders the tiles four times a second: the digits count on from each room's last state. */
function useNowMs(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** `/overview` (#18): the producer's one screen for every room. */
export function OverviewView({ token }: { token: string | undefined }) {
  const { t, lang } = useI18n();
  const { rooms, linked, error } = useOverview();
  const nowMs = useNowMs();
  useEffect(() => {
    document.title = `Rostrum — ${t('overview.title')}`;
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [t, lang]);
  return (
    <div className="view view--overview" data-testid="overview">
      <header className="overview__bar">
        <h1 className="overview__title">{t('overview.title')}</h1>
        {rooms && <span className="overview__count">{t('overview.count', { count: rooms.length + linked.length })}</span>}
        <LanguageSwitch />
      </header>
      {error !== null && <p className="overview__error" role="alert">{t('overview.unavailable', { message: error })}</p>}
      {rooms === null && error === null && <p className="overview__loading">{t('overview.loading')}</p>}
      <main className="overview__grid">
        {rooms?.map((room) => <RoomTile key={room.info.id} room={room} nowMs={nowMs} token={token} />)}
        {linked.map((room) => (
          <RoomTile key={room.info.id} room={room} nowMs={nowMs} token={token} linked={{ url: room.url, state: room.linkState, send: (command) => sendToLinked(room.info.id, command) }} />
        ))}
      </main>
      {rooms !== null && <AddRoomForm />}
      {rooms !== null && <LinkRoomForm />}
    </div>
  );
}
