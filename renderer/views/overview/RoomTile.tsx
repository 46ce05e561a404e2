import { useState, type FormEvent } from 'react';
import { commandFor, expectedFrom, type Intent } from '../../../shared/control/command-for';
import { formatSeconds } from '../../../shared/clock/format';
import { MAIN_ROOM } from '../../../shared/contract/rooms';
import { TOKEN_PARAM } from '../../../shared/contract/http';
import { instant } from '../../../shared/time/instant';
import { translateError, useI18n } from '../../i18n/i18n';
import { RoomEditing } from './RoomEditing';
import { roomSummary } from './room-summary';
import { sendToRoom, type LiveRoom } from './overview-store';
import type { CommandAck, CommandInput } from '../../../shared/contract/commands';

/** Drift under a minute either way reads as on time (the console's banner says the rest). */
const ON_TIME_MS = 60_000;

/** The room's console, opened with the producer's token (it reaches every room). */
const consoleHref = (id: string, token: string | undefined) =>
  `${id === MAIN_ROOM ? '' : `/r/${encodeURIComponent(id)}`}/moderator${token === undefined ? '' : `?${TOKEN_PARAM}=${encodeURIComponent(token)}`}`;

/** One room on the overview: now, next, remaining and phase as on the monitor, drift and projected end, booth requests, displays; and its actions. */
export function RoomTile({ room, nowMs, token, linked }: { room: LiveRoom; nowMs: number; token: string | undefined; linked?: { url: string; state: string; send: (command: CommandInput) => Promise<CommandAck> } }) {
  const { t, lang } = useI18n();
  const [text, setText] = useState('');
  const [feedback, setFeedback] = useState<string | null>(null);
  const { info, snapshot, link } = room;
  const name = info.name[lang];
  const summary = snapshot ? roomSummary(snapshot, instant(nowMs + room.offsetMs)) : null;

  async function act(intent: Intent): Promise<boolean> {
    if (!snapshot) return false;
    const built = commandFor(intent, snapshot);
    const send = linked ? linked.send : (command: CommandInput) => sendToRoom(info.id, command);
    const ack = built.ok ? await send(built.command) : { ok: false as const, error: built.error };
    setFeedback(ack.ok ? null : t('overview.refused', { message: translateError(t, ack.error) }));
    return ack.ok;
  }
  async function sendMessage(event: FormEvent) {
    event.preventDefault();
    if (text.trim() === '') return;
    if (await act({ kind: 'message.speaker', text: text.trim(), flash: false })) {
      setText('');
      setFeedback(t('overview.message.sent'));
    }
  }

  const phaseWords = summary ? (summary.status !== 'running' && summary.phase === 'normal' ? t(`status.${summary.status}`) : t(`phase.${summary.phase}`)) : '';
  const toggleLabel = summary?.status === 'running' ? t('overview.pause') : summary?.status === 'paused' ? t('overview.resume') : t('overview.start');
  const drift = summary ? Math.abs(summary.driftMs) < ON_TIME_MS ? t('overview.onTime') : t(summary.driftMs > 0 ? 'overview.late' : 'overview.early', { duration: formatSeconds(Math.round(Math.abs(summary.driftMs) / 1000)) }) : '';
  const expected = snapshot ? expectedFrom(snapshot.clock) : {};

  return (
    <section
      className="overview-room"
      data-testid="overview-room"
      data-room-id={info.id}
      data-phase={summary?.phase ?? 'normal'}
      data-status={summary?.status ?? 'idle'}
      data-link={link}
      aria-label={name}
    >
      <header className="overview-room__head">
        <h2 className="overview-room__name">{name}</h2>
        <span className="overview-room__link" data-testid="overview-link" data-link={linked ? linked.state : link}>
          {linked?.state === 'lost' ? t('linked.lost') : linked?.state === 'refused' ? t('linked.refused') : t(`link.${link}`)}
        </span>
      </header>
      <div className="overview-room__clock">
        <div className="overview-room__digits" data-testid="overview-remaining" aria-label={t('overview.remaining')}>
          {summary?.remaining ?? '–'}
        </div>
        <div className="overview-room__phase" data-testid="overview-phase" data-phase={summary?.phase ?? 'normal'}>
          {phaseWords}
        </div>
      </div>
      <dl className="overview-room__items">
        <dt>{t('overview.now')}</dt>
        <dd data-testid="overview-now">{summary?.now ? <><b>{summary.now.title}</b>{summary.now.speaker ? ` — ${summary.now.speaker}` : ''}</> : t('overview.noItem')}</dd>
        <dt>{t('overview.next')}</dt>
        <dd data-testid="overview-next">{summary?.next ? <>{summary.next.title}{summary.next.speaker ? ` — ${summary.next.speaker}` : ''}</> : t('overview.nothingNext')}</dd>
        <dt>{t('overview.drift')}</dt>
        <dd data-testid="overview-drift" data-drift-ms={summary?.driftMs ?? 0}>{drift}</dd>
        <dt>{t('overview.projectedEnd')}</dt>
        <dd data-testid="overview-projected-end">{summary?.projectedEnd ?? '–'}</dd>
      </dl>
      <p className="overview-room__facts">
        <span data-testid="overview-requests" data-count={summary?.pendingRequests ?? 0} className={summary && summary.pendingRequests > 0 ? 'overview-room__alert' : ''}>
          {summary && summary.pendingRequests > 0 ? t('overview.requests', { count: summary.pendingRequests }) : t('overview.noRequests')}
        </span>
        {/* A linked room's displays are its own server's to count. */}
        {!linked && (
          <span data-testid="overview-displays" data-count={room.displays}>
            {t('overview.displays', { count: room.displays })}
          </span>
        )}
      </p>
      <div className="overview-room__actions">
        <button type="button" data-testid="overview-toggle" disabled={!snapshot || link !== 'online'} onClick={() => void act({ kind: 'toggle', ...expected })}>
          {toggleLabel}
        </button>
        <button type="button" data-testid="overview-plus-minute" disabled={!snapshot || link !== 'online' || snapshot.clock.currentItemId === null} onClick={() => void act({ kind: 'adjust', seconds: 60, ...expected })}>
          {t('overview.plusMinute')}
        </button>
        {linked ? (
          <span className="overview-room__remote" data-testid="overview-linked-url">{t('linked.on', { url: linked.url })}</span>
        ) : (
          <a className="overview-room__console" data-testid="overview-open-console" href={consoleHref(info.id, token)} target="_blank" rel="noopener">
            {t('overview.openConsole')}
          </a>
        )}
      </div>
      <form className="overview-room__message" onSubmit={(e) => void sendMessage(e)}>
        <input
          type="text"
          data-testid="overview-message-input"
          aria-label={t('overview.message.label', { room: name })}
          placeholder={t('overview.message.placeholder')}
          value={text}
          maxLength={500}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" data-testid="overview-message-send" disabled={!snapshot || link !== 'online' || text.trim() === ''}>
          {t('overview.message.send')}
        </button>
      </form>
      {!linked && <RoomEditing info={info} status={summary?.status ?? null} snapshot={snapshot} onFeedback={setFeedback} />}
      <p className="overview-room__feedback" data-testid="overview-feedback" role="status" aria-live="polite">
        {feedback}
      </p>
    </section>
  );
}
