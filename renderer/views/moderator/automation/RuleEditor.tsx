import { useEffect, useRef, useState } from 'react';
import { PLACEHOLDERS } from '../../../../shared/automation/templates';
import { TRIGGERS, type AutomationRule } from '../../../../shared/contract/automation';
import type { RoomInfo } from '../../../../shared/contract/rooms';
import { useI18n } from '../../../i18n/i18n';
import { ATTENDANCE_CHOICES, KIND_CHOICES, ruleOf, type RuleForm } from './rule-form';
import { roomLabel } from './rule-rooms';

interface Props {
  initial: RuleForm;
  isNew: boolean;
  /** The server's rooms; null: the dialog shows none (one room, as before rooms). */
  rooms: readonly RoomInfo[] | null;
  /** Saves the rule (the server checks it); resolves with the refusal's message, or null. */
  onSave: (rule: AutomationRule) => Promise<string | null>;
  onFire: (rule: AutomationRule) => Promise<string | null>;
  onCancel: () => void;
}

/** One rule's form: when, where, then; saved with the others, or fired as it stands. */
export function RuleEditor({ initial, isNew, rooms, onSave, onFire, onCancel }: Props) {
  const { t, lang } = useI18n();
  // A rule whose room was removed keeps it until another is chosen.
  const roomChoices = rooms === null ? [] : [...rooms.map((r) => r.id), ...(rooms.some((r) => r.id === initial.room) ? [] : [initial.room])];
  const [f, setF] = useState<RuleForm>(initial);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  // Opened from a button in the list: the keyboard goes on in the form.
  useEffect(() => first.current?.focus(), []);
  const set = <K extends keyof RuleForm>(key: K) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => setF({ ...f, [key]: e.currentTarget.value });

  const act = async (run: (rule: AutomationRule) => Promise<string | null>, done: string | null) => {
    const rule = ruleOf(f);
    if (!rule) return setError(t('automation.form.argsBad'));
    setBusy(true);
    setNote(null);
    const refusal = await run(rule);
    setBusy(false);
    setError(refusal);
    if (refusal === null && done !== null) setNote(done);
  };

  return (
    <form
      className="automation__form"
      data-testid="automation-form"
      aria-label={isNew ? t('automation.form.title.new') : t('automation.form.title.edit', { id: initial.id })}
      onSubmit={(e) => {
        e.preventDefault();
        void act(onSave, null);
      }}
    >
      <h4 className="network__heading">{isNew ? t('automation.form.title.new') : t('automation.form.title.edit', { id: initial.id })}</h4>
      <div className="automation__grid">
        <label className="osc__field">
          <span>{t('automation.form.id')}</span>
          <input ref={first} type="text" data-testid="rule-id" value={f.id} onChange={set('id')} />
        </label>
        {rooms !== null && (
          <label className="osc__field">
            <span>{t('automation.form.room')}</span>
            <select data-testid="rule-room" value={f.room} onChange={set('room')}>
              {roomChoices.map((id) => (
                <option key={id} value={id}>
                  {roomLabel(id, rooms, lang, t)}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="osc__field">
          <span>{t('automation.form.when')}</span>
          <select data-testid="rule-when" value={f.when} onChange={set('when')}>
            {TRIGGERS.map((w) => (
              <option key={w} value={w}>
                {`${w} — ${t(`automation.when.${w}`)}`}
              </option>
            ))}
          </select>
        </label>
        {f.when === 'item.overtime' && (
          <label className="osc__field osc__field--port">
            <span>{t('automation.form.overtimeSec')}</span>
            <input type="number" min={0} data-testid="rule-overtime" value={f.overtimeSec} onChange={set('overtimeSec')} />
          </label>
        )}
      </div>
      <fieldset className="automation__where">
        <legend>{t('automation.form.where')}</legend>
        <label className="osc__field">
          <span>{t('automation.form.kind')}</span>
          <select data-testid="rule-kind" value={f.kind} onChange={set('kind')}>
            <option value="">{t('automation.form.any')}</option>
            {KIND_CHOICES.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <label className="osc__field">
          <span>{t('automation.form.language')}</span>
          <input type="text" data-testid="rule-language" placeholder={t('automation.form.any')} value={f.language} onChange={set('language')} />
        </label>
        <label className="osc__field">
          <span>{t('automation.form.attendance')}</span>
          <select data-testid="rule-attendance" value={f.attendance} onChange={set('attendance')}>
            <option value="">{t('automation.form.any')}</option>
            {ATTENDANCE_CHOICES.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <div className="automation__grid">
        <label className="osc__field">
          <span>{t('automation.form.then')}</span>
          <select data-testid="rule-type" value={f.type} onChange={set('type')}>
            {(['osc', 'http', 'message', 'lowerThird'] as const).map((type) => (
              <option key={type} value={type}>
                {t(`automation.then.${type}`)}
              </option>
            ))}
          </select>
        </label>
        {f.type === 'osc' && (
          <>
            <label className="osc__field">
              <span>{t('automation.form.host')}</span>
              <input type="text" data-testid="rule-host" value={f.host} onChange={set('host')} />
            </label>
            <label className="osc__field osc__field--port">
              <span>{t('automation.form.port')}</span>
              <input type="number" min={1} max={65535} data-testid="rule-port" value={f.port} onChange={set('port')} />
            </label>
            <label className="osc__field">
              <span>{t('automation.form.address')}</span>
              <input type="text" data-testid="rule-address" value={f.address} onChange={set('address')} />
            </label>
            <label className="osc__field automation__wide">
              <span>{t('automation.form.args')}</span>
              <input type="text" data-testid="rule-args" value={f.args} onChange={set('args')} />
            </label>
          </>
        )}
        {f.type === 'http' && (
          <>
            <label className="osc__field osc__field--port">
              <span>{t('automation.form.method')}</span>
              <select data-testid="rule-method" value={f.method} onChange={set('method')}>
                <option value="GET">GET</option>
                <option value="POST">POST</option>
              </select>
            </label>
            <label className="osc__field automation__wide">
              <span>{t('automation.form.url')}</span>
              <input type="url" data-testid="rule-url" value={f.url} onChange={set('url')} />
            </label>
            {f.method === 'POST' && (
              <label className="osc__field automation__wide">
                <span>{t('automation.form.body')}</span>
                <textarea data-testid="rule-body" rows={3} value={f.body} onChange={set('body')} />
              </label>
            )}
          </>
        )}
        {f.type === 'lowerThird' && (
          <label className="osc__field automation__wide">
            <span>{t('automation.form.lowerThird')}</span>
            <select data-testid="rule-lower-third" value={f.lowerThird} onChange={set('lowerThird')}>
              <option value="show">{t('automation.lowerThird.show')}</option>
              <option value="hide">{t('automation.lowerThird.hide')}</option>
            </select>
          </label>
        )}
        {f.type === 'message' && (
          <label className="osc__field automation__wide">
            <span>{t('automation.form.text')}</span>
            <input type="text" data-testid="rule-text" value={f.text} onChange={set('text')} />
          </label>
        )}
      </div>
      {f.type !== 'lowerThird' && <p className="network__hint automation__placeholders">{t('automation.form.placeholders', { list: Object.keys(PLACEHOLDERS).map((p) => `{{${p}}}`).join(' ') })}</p>}
      <div className="network__buttons">
        <button type="submit" className="mod-btn mod-btn--primary" data-testid="rule-save" disabled={busy}>
          {t('automation.form.save')}
        </button>
        <button type="button" className="mod-btn" data-testid="rule-fire" disabled={busy} onClick={() => void act(onFire, t('automation.fired'))}>
          {busy ? t('automation.firing') : t('automation.fire')}
        </button>
        <button type="button" className="mod-btn" data-testid="rule-cancel" onClick={onCancel}>
          {t('automation.form.cancel')}
        </button>
      </div>
      {error !== null && (
        <p className="network__note network__note--error" role="alert" data-testid="rule-error">
          {error}
        </p>
      )}
      {note !== null && (
        <p className="network__hint" role="status" data-testid="rule-note">
          {note}
        </p>
      )}
    </form>
  );
}
