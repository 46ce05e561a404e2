import { useState } from 'react';
import { apiError, type ApiError } from '../../../../shared/contract/errors';
import { RELAY_KEY_PATTERN, RELAY_KEY_RULE, relayUrlProblem, type RelayBody, type RelaySettingsView, type RelayStatus } from '../../../../shared/contract/relay';
import { useI18n } from '../../../i18n/i18n';
import { changeRelay } from './network-api';

/** The mistakes the console can name before asking (the server checks everything again). */
function formError(url: string, key: string): ApiError | null {
  const problem = url.trim() === '' ? null : relayUrlProblem(url.trim());
  if (problem) return apiError('invalid', `url: ${problem}`, 'url');
  if (key !== '' && !RELAY_KEY_PATTERN.test(key)) return apiError('invalid', `key: ${RELAY_KEY_RULE}`, 'key');
  return null;
}

/**
 * The relay link as a console setting: URL, link key, on/off, the remote moderator. Applied at
 * once by the venue (no restart) and kept. The key is write-only: the venue says whether one is
 * set, never what it is, and an empty field keeps it.
 */
export function RelayForm({ settings, onChanged }: { settings: RelaySettingsView; onChanged: (status: RelayStatus) => void }) {
  const { t } = useI18n();
  const [url, setUrl] = useState(settings.url ?? '');
  const [key, setKey] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  // The toggles show what was asked for while the venue switches.
  const [pending, setPending] = useState<Partial<Pick<RelaySettingsView, 'enabled' | 'cohost'>> | null>(null);
  const busy = pending !== null;

  const submit = async (toggles: Pick<RelayBody, 'enabled' | 'cohost'> = {}) => {
    const wrong = formError(url, key);
    if (wrong) return setError(wrong);
    const body: RelayBody = {
      ...(url.trim() !== '' && url.trim() !== settings.url ? { url: url.trim() } : {}),
      ...(key !== '' ? { key } : {}),
      ...toggles,
    };
    setPending(toggles);
    const answer = await changeRelay(body);
    setPending(null);
    if (!answer.ok) return setError(answer.error);
    setError(null);
    setKey('');
    setUrl(answer.body.settings.url ?? '');
    onChanged(answer.body);
  };

  return (
    <div className="relay-form" data-testid="relay-form" data-enabled={String(settings.enabled)} data-cohost={String(settings.cohost)} data-key-set={String(settings.keySet)}>
      <div className="osc__fields relay-form__fields">
        <label className="osc__field">
          <span>{t('network.remote.form.url')}</span>
          <input type="url" data-testid="relay-url" placeholder="https://relay.example.org" value={url} disabled={busy} onChange={(e) => setUrl(e.currentTarget.value)} />
        </label>
        <label className="osc__field">
          <span>{t('network.remote.form.key')}</span>
          <input
            type="password"
            autoComplete="off"
            data-testid="relay-key"
            placeholder={t(settings.keySet ? 'network.remote.form.key.set' : 'network.remote.form.key.unset')}
            value={key}
            disabled={busy}
            onChange={(e) => setKey(e.currentTarget.value)}
          />
        </label>
      </div>
      <label className="network__toggle">
        <input type="checkbox" data-testid="relay-toggle" checked={pending?.enabled ?? settings.enabled} disabled={busy} onChange={(e) => void submit({ enabled: e.currentTarget.checked })} />
        <span>{t('network.remote.form.toggle')}</span>
      </label>
      <label className="network__toggle">
        <input type="checkbox" data-testid="relay-cohost" checked={pending?.cohost ?? settings.cohost} disabled={busy} onChange={(e) => void submit({ cohost: e.currentTarget.checked })} />
        <span>{t('network.remote.form.cohost')}</span>
      </label>
      <div className="network__buttons">
        <button type="button" className="mod-btn" data-testid="relay-apply" disabled={busy} onClick={() => void submit()}>
          {busy ? t('network.remote.form.applying') : t('network.remote.form.apply')}
        </button>
      </div>
      {error && (
        <p className="network__note network__note--error" role="alert" data-testid="relay-form-error">
          {t('network.remote.form.failed', { message: error.message })}
        </p>
      )}
      {settings.fromFlags && (
        <p className="network__hint" data-testid="relay-flags">
          {t('network.remote.form.flags')}
        </p>
      )}
    </div>
  );
}
