import { useCallback, useEffect, useState } from 'react';
import { flattenItems } from '../../../../shared/agenda/agenda-queries';
import { RELAY_OUTPUT_VIEWS, type RelayStatus } from '../../../../shared/contract/relay';
import { useRostrum } from '../../../app/store';
import { useRoomName } from '../../../app/use-room-name';
import { useI18n } from '../../../i18n/i18n';
import { CopyButton } from './CopyButton';
import { fetchRelay } from './network-api';
import { RelayForm } from './RelayForm';
import { RemoteLinkList } from './RemoteLinkList';

const REFRESH_MS = 5_000;

/**
 * The Network panel's Remote section (docs/remote.md): the relay link as set (URL, key, on/off,
 * co-host: RelayForm), its state (`GET /api/v1/relay`, looked at again every 5 s), the remote links
 * with copy buttons, QR codes and new tokens, and each online speaker's personal link. On a room's
 * console they are that room's (each room is its own channel on the relay, docs/rooms.md). The link's
 * settings are the event's: without `eventSettings` (a room's own token) the form is left out, and says why.
 */
export function RemoteLinks({ eventSettings = true }: { eventSettings?: boolean }) {
  const { t, lang } = useI18n();
  // On a room's console (`/r/<id>/moderator`) the client asks `/api/v1/rooms/<id>/relay`: that room's links.
  const room = useRoomName('moderator');
  const [status, setStatus] = useState<RelayStatus | null>(null);
  const agenda = useRostrum((s) => s.snapshot?.agenda ?? null);
  const refresh = useCallback(() => {
    void fetchRelay().then((answer) => {
      if (answer.ok) setStatus(answer.body);
    });
  }, []);
  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  if (status === null) return null;
  const outputs = status.outputLinks;
  const names = new Map(agenda === null ? [] : flattenItems(agenda).map(({ item }) => [item.id, item.speaker.name || item.title]));
  return (
    <section aria-labelledby="network-remote-title" data-testid="remote-links" data-state={status.state}>
      <h3 id="network-remote-title" className="network__heading">
        {t('network.remote.title')}
      </h3>
      {eventSettings ? (
        <RelayForm settings={status.settings} onChanged={setStatus} />
      ) : (
        <p className="network__hint" data-testid="remote-event-settings">
          {t('network.room.relayEvent')}
        </p>
      )}
      {room !== null && (
        <p className="network__hint" data-testid="remote-room">
          {t('network.remote.room', { room: room[lang] })}
        </p>
      )}
      <p className="network__hint" data-testid="relay-state">
        {t('network.remote.state', { state: t(`network.remote.state.${status.state}`) })}
        {status.rttMs !== null && ` · ${t('network.remote.rtt', { ms: String(Math.round(status.rttMs)) })}`}
      </p>
      {status.state === 'off' && eventSettings && <p className="network__hint">{t('network.remote.offHint')}</p>}
      {status.lastError !== null && (
        <p className="network__note network__note--error" data-testid="relay-error">
          {t('network.remote.error', { message: status.lastError })}
        </p>
      )}
      {status.links !== null && <RemoteLinkList links={status.links} onChanged={setStatus} />}
      {outputs !== null && (
        <>
          <h4 className="network__heading">{t('network.remote.outputs')}</h4>
          <p className="network__hint">{t('network.remote.outputs.hint')}</p>
          <ul className="network__links network__links--outputs network__links--local">
            {RELAY_OUTPUT_VIEWS.map((view) => (
              <li key={view} className="network__link" data-page={view}>
                <div className="network__link-text">
                  <span className="network__link-title">{t(`displays.page.${view}`)}</span>
                  <span className="network__hint network__output-hint">{t(`network.outputs.hint.${view}`)}</span>
                  <code className="network__url" data-testid={`remote-output-url-${view}`}>
                    {outputs[view]}
                  </code>
                </div>
                <CopyButton text={outputs[view]} testId={`remote-output-copy-${view}`} />
              </li>
            ))}
          </ul>
        </>
      )}
      {status.speakerLinks.length > 0 && (
        <>
          <h4 className="network__heading">{t('network.remote.personal')}</h4>
          <ul className="network__links network__links--local">
            {status.speakerLinks.map((l) => (
              <li key={l.itemId} className="network__link" data-testid="remote-personal" data-item={l.itemId}>
                <div className="network__link-text">
                  <span className="network__link-title">{names.get(l.itemId) ?? l.itemId}</span>
                  <code className="network__url">{l.url}</code>
                </div>
                <CopyButton text={l.url} testId={`remote-personal-copy-${l.itemId}`} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
