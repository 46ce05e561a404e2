import { roomOfPath } from '../../../../shared/contract/rooms';
import { useRoomName } from '../../../app/use-room-name';
import { useI18n } from '../../../i18n/i18n';
import { LanLinks } from './LanLinks';
import { LanToggle } from './LanToggle';
import { LocalLinks } from './LocalLinks';
import { fetchRoomLinks, switchLan } from './network-api';
import { OscPanel } from './OscPanel';
import { OutputLinks } from './OutputLinks';
import { RemoteLinks } from './RemoteLinks';
import { TokenRotation } from './TokenRotation';
import { useAnswer } from './use-answer';

/**
 * A room's console's network panel (`/r/<id>/moderator`, #18, docs/rooms.md): the room's display
 * links (its speaker, booth and outputs on `/r/<id>/…` with its own tokens) with QR codes and copy
 * buttons, its remote links, and new keys for the room's own roles. LAN mode, OSC and the relay
 * link are the event's: shown to the producer's token, and explained to the room's own.
 */
export function RoomNetworkPanel() {
  const { t, lang } = useI18n();
  const room = roomOfPath(window.location.pathname);
  const names = useRoomName('moderator');
  const name = names?.[lang] ?? room;
  const { body: info, error, take, refresh } = useAnswer(fetchRoomLinks);
  const toggle = async (on: boolean) => {
    // LAN mode answers the venue's network, not this room's links: on a refusal, say so; then read the room's again.
    const answer = await switchLan(on);
    if (!answer.ok) take(answer);
    refresh();
  };

  const lan = info?.lan;
  const producer = info?.producer ?? false;
  return (
    <div className="network" data-testid="network-panel" data-room={room} data-lan={lan ? String(lan.on) : 'unknown'}>
      {error && (
        <p className="network__note network__note--error" role="alert" data-testid="network-error">
          {t('network.unavailable', { message: error.message })}
        </p>
      )}
      {!info || !lan ? (
        !error && <p className="network__hint">{t('network.loading')}</p>
      ) : (
        <>
          <p className="network__hint" data-testid="room-links-room">
            {t('network.room.links', { room: name })}
          </p>
          {producer ? (
            <LanToggle lan={lan} onSwitch={toggle} />
          ) : (
            <p className="network__hint" data-testid="room-event-settings">
              {t('network.room.eventSettings')}
            </p>
          )}
          {!lan.on ? (
            <>
              <p className="network__hint" data-testid="lan-off">
                {t(producer ? 'network.lan.off' : 'network.room.lanOff')}
              </p>
              <LocalLinks links={info.localLinks} />
            </>
          ) : lan.addresses.length === 0 ? (
            <p className="network__hint">{t('network.lan.noAddress')}</p>
          ) : (
            <LanLinks info={info} copy />
          )}
          <OutputLinks info={info} />
        </>
      )}
      {info && <RemoteLinks eventSettings={producer} />}
      {lan && producer && <OscPanel lan={lan.on} />}
      {info && <TokenRotation onRotated={refresh} room={{ name, producer }} />}
    </div>
  );
}
