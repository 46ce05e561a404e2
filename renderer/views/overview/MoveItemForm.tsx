import { useState, type FormEvent } from 'react';
import type { RoomInfo } from '../../../shared/contract/rooms';
import type { Snapshot } from '../../../shared/contract/state';
import { useI18n } from '../../i18n/i18n';
import { refusalText } from './refusal-text';
import { useOverview } from './overview-store';
import { roomApi } from './room-api';

/**
 * Moves one of this room's items into a session of another room (a speaker changes room), with its
 * id, notes and report entry (`POST /api/v1/rooms/<id>/items/move`). The server refuses the current
 * item of a running clock, and the refusal is shown as for any other action.
 */
export function MoveItemForm({ info, snapshot, onFeedback, onClose }: { info: RoomInfo; snapshot: Snapshot; onFeedback: (text: string | null) => void; onClose: () => void }) {
  const { t, lang } = useI18n();
  const others = (useOverview((s) => s.rooms) ?? []).filter((r) => r.info.id !== info.id && r.snapshot !== null && r.snapshot.agenda.sessions.length > 0);
  const items = snapshot.agenda.sessions.flatMap((s) => s.items);
  const [itemId, setItemId] = useState(items[0]?.id ?? '');
  const [toRoom, setToRoom] = useState(others[0]?.info.id ?? '');
  const target = others.find((r) => r.info.id === toRoom);
  const sessions = target?.snapshot?.agenda.sessions ?? [];
  const [toSessionId, setToSessionId] = useState(sessions[0]?.id ?? '');
  const sessionId = sessions.some((s) => s.id === toSessionId) ? toSessionId : (sessions[0]?.id ?? '');

  async function move(event: FormEvent) {
    event.preventDefault();
    const title = items.find((i) => i.id === itemId)?.title ?? itemId;
    const answer = await roomApi(info.id)('moveItem', { body: { itemId, toRoom, toSessionId: sessionId } });
    onFeedback(answer.ok ? t('rooms.move.done', { title, room: target?.info.name[lang] ?? toRoom }) : t('overview.refused', { message: refusalText(t, answer.error) }));
    if (answer.ok) onClose();
  }

  if (others.length === 0) {
    return (
      <div className="overview-room__edit">
        <p data-testid="overview-move-none">{t('rooms.move.none')}</p>
        <button type="button" onClick={onClose}>{t('rooms.move.cancel')}</button>
      </div>
    );
  }
  return (
    <form className="overview-room__edit overview-room__move" data-testid="overview-move-form" aria-label={t('rooms.move')} onSubmit={(e) => void move(e)}>
      <label>
        {t('rooms.move.item')}
        <select data-testid="overview-move-item" value={itemId} onChange={(e) => setItemId(e.target.value)}>
          {items.map((i) => (
            <option key={i.id} value={i.id}>{i.speaker?.name ? `${i.title} — ${i.speaker.name}` : i.title}</option>
          ))}
        </select>
      </label>
      <label>
        {t('rooms.move.toRoom')}
        <select data-testid="overview-move-room" value={toRoom} onChange={(e) => setToRoom(e.target.value)}>
          {others.map((r) => (
            <option key={r.info.id} value={r.info.id}>{r.info.name[lang]}</option>
          ))}
        </select>
      </label>
      <label>
        {t('rooms.move.toSession')}
        <select data-testid="overview-move-session" value={sessionId} onChange={(e) => setToSessionId(e.target.value)}>
          {sessions.map((s) => (
            <option key={s.id} value={s.id}>{s.title}</option>
          ))}
        </select>
      </label>
      <button type="submit" data-testid="overview-move-save" disabled={itemId === '' || sessionId === ''}>{t('rooms.move.save')}</button>
      <button type="button" onClick={onClose}>{t('rooms.move.cancel')}</button>
    </form>
  );
}
