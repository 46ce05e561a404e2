import { useState, type FormEvent } from 'react';
import { api } from '../../app/api-client';
import { useI18n } from '../../i18n/i18n';
import { refusalText } from './refusal-text';

/** Links a room on another Rostrum server (`POST /api/v1/linked-rooms`, producer): its address, its key, its names. */
export function LinkRoomForm() {
  const { t } = useI18n();
  const [url, setUrl] = useState('');
  const [token, setToken] = useState('');
  const [en, setEn] = useState('');
  const [zh, setZh] = useState('');
  const [feedback, setFeedback] = useState<string | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const answer = await api('addLinkedRoom', { body: { url: url.trim(), token: token.trim(), name: { en, zh } } });
    if (!answer.ok) {
      setFeedback(t('overview.refused', { message: refusalText(t, answer.error) }));
      return;
    }
    setFeedback(t('linked.done', { name: en.trim() }));
    setUrl('');
    setToken('');
    setEn('');
    setZh('');
  }
  return (
    <form className="overview-add" onSubmit={(e) => void submit(e)} aria-label={t('linked.title')}>
      <h2 className="overview-add__title">{t('linked.title')}</h2>
      <input data-testid="overview-link-url" type="url" aria-label={t('linked.url')} placeholder={t('linked.url')} value={url} maxLength={300} onChange={(e) => setUrl(e.target.value)} />
      <input data-testid="overview-link-token" type="password" autoComplete="off" aria-label={t('linked.token')} placeholder={t('linked.token')} value={token} maxLength={200} onChange={(e) => setToken(e.target.value)} />
      <input data-testid="overview-link-name-en" aria-label={t('rooms.add.nameEn')} placeholder={t('rooms.add.nameEn')} value={en} maxLength={80} onChange={(e) => setEn(e.target.value)} />
      <input data-testid="overview-link-name-zh" lang="zh-CN" aria-label={t('rooms.add.nameZh')} placeholder={t('rooms.add.nameZh')} value={zh} maxLength={80} onChange={(e) => setZh(e.target.value)} />
      <button type="submit" data-testid="overview-link-submit" disabled={url.trim() === '' || token.trim() === '' || en.trim() === '' || zh.trim() === ''}>
        {t('linked.submit')}
      </button>
      <p className="overview-add__feedback" data-testid="overview-link-feedback" role="status" aria-live="polite">
        {feedback}
      </p>
    </form>
  );
}
