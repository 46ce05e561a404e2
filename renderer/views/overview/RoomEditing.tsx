import { useState, type FormEvent } from 'react';
import { MAIN_ROOM, type RoomInfo } from '../../../shared/contract/rooms';
import type { ClockStatus } from '../../../shared/clock/clock-state';
import type { Snapshot } from '../../../shared/contract/state';
import { MoveItemForm } from './MoveItemForm';
import { useI18n } from '../../i18n/i18n';
import { refusalText } from './refusal-text';
import { refreshRooms, useOverview } from './overview-store';
import { roomApi } from './room-api';

/**
 * Rename and remove, on a room's tile (producer). Removing asks first, and says so when the
 * room's clock runs or is paused (then the removal is sent with `confirm=running`). `main` stays.
 */
export function RoomEditing({ info, status, snapshot, onFeedback }: { info: RoomInfo; status: ClockStatus | null; snapshot: Snapshot | null; onFeedback: (text: string | null) => void }) {
  const { t, lang } = useI18n();
  const [mode, setMode] = useState<'idle' | 'rename' | 'remove' | 'move'>('idle');
  const [en, setEn] = useState(info.name.en);
  const [zh, setZh] = useState(info.name.zh);
  const running = status === 'running' || status === 'paused';
  const order = useOverview((s) => s.rooms)?.map((r) => r.info.id) ?? [];
  const at = order.indexOf(info.id);

  /** One place earlier (-1) or later (+1); `main` stays first. */
  async function shift(by: -1 | 1) {
    const next = [...order];
    next.splice(at, 1);
    next.splice(at + by, 0, info.id);
    const answer = await roomApi(info.id)('reorderRooms', { body: { order: next } });
    onFeedback(answer.ok ? null : t('overview.refused', { message: refusalText(t, answer.error) }));
    if (answer.ok) await refreshRooms();
  }

  async function rename(event: FormEvent) {
    event.preventDefault();
    const answer = await roomApi(info.id)('renameRoom', { body: { name: { en, zh } } });
    onFeedback(answer.ok ? null : t('overview.refused', { message: refusalText(t, answer.error) }));
    if (!answer.ok) return;
    setMode('idle');
    await refreshRooms();
  }
  async function remove() {
    const answer = await roomApi(info.id)('removeRoom', running ? { query: { confirm: 'running' } } : {});
    onFeedback(answer.ok ? null : t('overview.refused', { message: refusalText(t, answer.error) }));
    setMode('idle');
    if (answer.ok) await refreshRooms();
  }

  if (mode === 'rename') {
    return (
      <form className="overview-room__edit" onSubmit={(e) => void rename(e)}>
        <input data-testid="overview-rename-en" aria-label={t('rooms.add.nameEn')} value={en} maxLength={80} onChange={(e) => setEn(e.target.value)} />
        <input data-testid="overview-rename-zh" lang="zh-CN" aria-label={t('rooms.add.nameZh')} value={zh} maxLength={80} onChange={(e) => setZh(e.target.value)} />
        <button type="submit" data-testid="overview-rename-save">{t('rooms.rename.save')}</button>
        <button type="button" onClick={() => setMode('idle')}>{t('rooms.rename.cancel')}</button>
      </form>
    );
  }
  if (mode === 'move' && snapshot) return <MoveItemForm info={info} snapshot={snapshot} onFeedback={onFeedback} onClose={() => setMode('idle')} />;
  if (mode === 'remove') {
    return (
      <div className="overview-room__edit overview-room__confirm" role="alertdialog" aria-label={t('rooms.remove')} data-testid="overview-remove-confirm">
        <p>
          {t('rooms.remove.confirm', { name: info.name[lang] })} {running && <b>{t('rooms.remove.running', { status: t(`status.${status}`) })}</b>}
        </p>
        <button type="button" data-testid="overview-remove-yes" onClick={() => void remove()}>{t('rooms.remove.yes')}</button>
        <button type="button" data-testid="overview-remove-no" onClick={() => setMode('idle')} autoFocus>{t('rooms.remove.no')}</button>
      </div>
    );
  }
  return (
    <div className="overview-room__edit">
      <button type="button" data-testid="overview-rename" onClick={() => { setEn(info.name.en); setZh(info.name.zh); setMode('rename'); }}>
        {t('rooms.rename')}
      </button>
      <button type="button" data-testid="overview-move" disabled={!snapshot || snapshot.agenda.sessions.every((s) => s.items.length === 0)} onClick={() => setMode('move')}>
        {t('rooms.move')}
      </button>
      {info.id !== MAIN_ROOM && (
        <span className="overview-room__order">
          <button type="button" data-testid="overview-earlier" aria-label={t('rooms.order.earlier', { name: info.name[lang] })} title={t('rooms.order.earlier', { name: info.name[lang] })} disabled={at <= 1} onClick={() => void shift(-1)}>
            ←
          </button>
          <button type="button" data-testid="overview-later" aria-label={t('rooms.order.later', { name: info.name[lang] })} title={t('rooms.order.later', { name: info.name[lang] })} disabled={at < 1 || at >= order.length - 1} onClick={() => void shift(1)}>
            →
          </button>
        </span>
      )}
      {info.id !== MAIN_ROOM && (
        <button type="button" data-testid="overview-remove" onClick={() => setMode('remove')}>
          {t('rooms.remove')}
        </button>
      )}
    </div>
  );
}
