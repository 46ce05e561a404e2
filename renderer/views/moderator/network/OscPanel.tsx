import { useEffect, useState } from 'react';
import { apiError, type ApiError } from '../../../../shared/contract/errors';
import { parseOscTarget, type OscBody, type OscStatus } from '../../../../shared/contract/osc';
import { useI18n } from '../../../i18n/i18n';
import { changeOsc, fetchOsc } from './network-api';

interface Form {
  port: string;
  allow: string;
  feedback: string;
}

const formOf = (s: OscStatus): Form => ({ port: String(s.settings.port), allow: s.settings.allow.join(', '), feedback: s.settings.feedback ?? '' });

/** The form as a request: only the fields not fixed by a command-line flag (the server names a bad one). */
function bodyOf(form: Form, status: OscStatus, on?: boolean): OscBody {
  return {
    ...(on !== undefined && !status.fromFlags.port ? { on } : {}),
    ...(status.fromFlags.port ? {} : { port: Number(form.port) }),
    ...(status.fromFlags.allow ? {} : { allow: form.allow.split(/[\s,]+/).filter((a) => a !== '') }),
    ...(status.fromFlags.feedback ? {} : { feedback: form.feedback.trim() === '' ? null : form.feedback.trim() }),
  };
}

/** The mistakes the console can name before asking (the server checks everything again). */
function formError(form: Form, status: OscStatus): ApiError | null {
  const port = Number(form.port);
  if (!status.fromFlags.port && (!Number.isInteger(port) || port < 1 || port > 65535)) return apiError('invalid', 'port: must be a UDP port from 1 to 65535', 'port');
  const feedback = form.feedback.trim();
  if (!status.fromFlags.feedback && feedback !== '' && parseOscTarget(feedback) === null) return apiError('invalid', 'feedback: must be host:port, such as 127.0.0.1:9000', 'feedback');
  return null;
}

/**
 * OSC as a console setting: input on or off, its port, the senders it accepts, the feedback
 * target. Applied at once by the server; flags given at start are shown and cannot be changed.
 * `lan` is LAN mode as the panel last saw it: OSC re-binds when it switches, so read it again.
 */
export function OscPanel({ lan }: { lan: boolean | undefined }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<OscStatus | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  // The toggle shows what was asked for while the server switches.
  const [pending, setPending] = useState<boolean | null>(null);
  const busy = pending !== null;

  useEffect(() => {
    let live = true;
    void fetchOsc().then((answer) => {
      if (!live) return;
      if (answer.ok) {
        setStatus(answer.body);
        setForm((f) => f ?? formOf(answer.body));
      } else setError(answer.error);
    });
    return () => {
      live = false;
    };
  }, [lan]);

  if (!status || !form) return error ? <p className="network__note network__note--error" role="alert" data-testid="osc-error">{t('osc.failed', { message: error.message })}</p> : null;

  const submit = async (on?: boolean) => {
    const wrong = formError(form, status);
    if (wrong) {
      setError(wrong);
      return;
    }
    setPending(on ?? status.settings.on);
    const answer = await changeOsc(bodyOf(form, status, on));
    setPending(null);
    if (answer.ok) {
      setStatus(answer.body);
      setForm(formOf(answer.body));
      setError(null);
    } else setError(answer.error);
  };
  const edit = (field: keyof Form) => (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [field]: e.currentTarget.value });
  const flags = [
    status.fromFlags.port && `--osc-port ${status.settings.port}`,
    status.fromFlags.allow && `--osc-allow ${status.settings.allow.join(',')}`,
    status.fromFlags.feedback && `--osc-feedback ${status.settings.feedback ?? ''}`,
  ].filter((f): f is string => typeof f === 'string');

  return (
    <section className="osc" data-testid="osc-panel" data-on={String(status.settings.on)} data-listening={status.listening ?? ''}>
      <h3 className="network__heading">{t('osc.title')}</h3>
      <label className="network__toggle">
        <input type="checkbox" data-testid="osc-toggle" checked={pending ?? status.settings.on} disabled={busy || status.fromFlags.port} onChange={(e) => void submit(e.currentTarget.checked)} />
        <span>{t('osc.toggle')}</span>
      </label>
      <div className="osc__fields">
        <label className="osc__field osc__field--port">
          <span>{t('osc.port')}</span>
          <input type="number" min={1} max={65535} data-testid="osc-port" value={form.port} disabled={busy || status.fromFlags.port} onChange={edit('port')} />
        </label>
        <label className="osc__field">
          <span>{t('osc.allow')}</span>
          <input type="text" data-testid="osc-allow" placeholder={t('osc.allow.placeholder')} value={form.allow} disabled={busy || status.fromFlags.allow} onChange={edit('allow')} />
        </label>
        <label className="osc__field">
          <span>{t('osc.feedback')}</span>
          <input type="text" data-testid="osc-feedback" placeholder={t('osc.feedback.placeholder')} value={form.feedback} disabled={busy || status.fromFlags.feedback} onChange={edit('feedback')} />
        </label>
      </div>
      <div className="network__buttons">
        <button type="button" className="mod-btn" data-testid="osc-apply" disabled={busy} onClick={() => void submit()}>
          {busy ? t('osc.applying') : t('osc.apply')}
        </button>
      </div>
      {error && <p className="network__note network__note--error" role="alert" data-testid="osc-error">{t('osc.failed', { message: error.message })}</p>}
      {status.error && <p className="network__note network__note--error" role="alert" data-testid="osc-bind-error">{t('osc.error', { message: status.error })}</p>}
      <p className="network__hint" data-testid="osc-status">{status.listening ? t('osc.listening', { address: status.listening }) : t('osc.off')}</p>
      {flags.length > 0 && <p className="network__hint" data-testid="osc-flags">{t('osc.flags', { flags: flags.join(' ') })}</p>}
      {!status.lan ? (
        <p className="network__hint" data-testid="osc-local">{t('osc.local')}</p>
      ) : status.settings.allow.length === 0 ? (
        <p className="network__note network__note--error" data-testid="osc-lan-empty">{t('osc.lan.empty')}</p>
      ) : (
        <p className="network__hint" data-testid="osc-lan">{t('osc.lan')}</p>
      )}
    </section>
  );
}
