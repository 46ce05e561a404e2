import { useState, type FormEvent } from 'react';
import { api } from '../../app/api-client';
import { useI18n } from '../../i18n/i18n';
import { refusalText } from './refusal-text';
import { refreshRooms } from './overview-store';

/** Adds a room (`POST /api/v1/rooms`, producer): its id and its name in each UI language. */
export function AddRoomForm() {
  const { t } = useI18n();
  const [id, setId] = useState('');
  const [en, setEn] = useState('');
  const [zh, setZh] = useState('');
  const [feedback, setFeedback] = useState<string | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const answer = await api('addRoom', { body: { id: id.trim(), name: { en, zh } } });
    if (!answer.ok) {
      setFeedback(t('overview.refused', { message: refusalText(t, answer.error) }));
      return;
    }
    setFeedback(t('rooms.add.done', { name: en.trim() }));
    setId('');
    setEn('');
    setZh('');
    await refreshRooms();
  }
  return (
    <form className="overview-add" onSubmit={(e) => void submit(e)} aria-label={t('rooms.add.title')}>
      <h2 className="overview-add__title">{t('rooms.add.title')}</h2>
      <input data-testid="overview-add-id" aria-label={t('rooms.add.id')} placeholder={t('rooms.add.id')} value={id} maxLength={32} onChange={(e) => setId(e.target.value)} />
      <input data-testid="overview-add-name-en" aria-label={t('rooms.add.nameEn')} placeholder={t('rooms.add.nameEn')} value={en} maxLength={80} onChange={(e) => setEn(e.target.value)} />
      <input data-testid="overview-add-name-zh" lang="zh-CN" aria-label={t('rooms.add.nameZh')} placeholder={t('rooms.add.nameZh')} value={zh} maxLength={80} onChange={(e) => setZh(e.target.value)} />
      <button type="submit" data-testid="overview-add-submit" disabled={id.trim() === '' || en.trim() === '' || zh.trim() === ''}>
        {t('rooms.add.submit')}
      </button>
      <p className="overview-add__feedback" data-testid="overview-add-feedback" role="status" aria-live="polite">
        {feedback}
      </p>
    </form>
  );
}
