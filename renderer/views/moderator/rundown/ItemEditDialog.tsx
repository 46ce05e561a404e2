import { useId, useState, type ReactNode } from 'react';
import { ATTENDANCE, ITEM_KINDS } from '../../../../shared/agenda/agenda-constants';
import { findItem } from '../../../../shared/agenda/agenda-queries';
import type { ApiError } from '../../../../shared/contract/errors';
import { sendCommand } from '../../../app/send-command';
import { languageName, speakerName } from '../../../app/speaker-label';
import { useRostrum } from '../../../app/store';
import type { MessageKey } from '../../../../shared/i18n/en';
import { translateError, useI18n } from '../../../i18n/i18n';
import { Dialog } from '../dialogs/Dialog';
import { removeItem } from '../state/agenda-actions';
import { AUTO_ADVANCE_CHOICES, blankForm, formOf, newItemOf, patchOf, problemOf, type FormProblem, type ItemForm } from './item-form';

export type Editing = { mode: 'edit'; itemId: string } | { mode: 'insert'; sessionId: string };

const PROBLEM_TEXT: Record<NonNullable<FormProblem>, MessageKey> = {
  title: 'moderator.edit.titleRequired',
  name: 'moderator.edit.nameRequired',
  zeroDuration: 'moderator.edit.zeroDuration',
  duration: 'moderator.edit.badDuration',
};

function Field({ label, children, hint, wide = false }: { label: string; children: (id: string) => ReactNode; hint?: string; wide?: boolean }) {
  const id = useId();
  return (
    <div className={`field${wide ? ' field--wide' : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {children(id)}
      {hint && <p className="field__hint">{hint}</p>}
    </div>
  );
}

/**
 * Edits an item (every field but its id), or adds one. Saving sends only what changed; edits to
 * the running item take effect at once. A refusal stays in the dialog, with the form as it was.
 */
export function ItemEditDialog({ editing, onClose }: { editing: Editing; onClose: () => void }) {
  const { t, lang } = useI18n();
  const agenda = useRostrum((s) => s.snapshot?.agenda);
  const currentItemId = useRostrum((s) => s.snapshot?.clock.currentItemId ?? null);
  const located = editing.mode === 'edit' && agenda ? findItem(agenda, editing.itemId) : undefined;
  const insertSession = editing.mode === 'insert' ? agenda?.sessions.find((s) => s.id === editing.sessionId) : undefined;

  // The item as the form opened: only the fields changed since then are sent, so an edit made
  // meanwhile on another console is not overwritten with what this form happened to show.
  const [opened] = useState(() => located?.item);
  const [form, setForm] = useState<ItemForm>(() =>
    located ? formOf(located.item) : blankForm(t('moderator.edit.newTitle'), insertSession?.moderatorLanguage ?? agenda?.languages[0] ?? 'en'),
  );
  const [sessionId, setSessionId] = useState(editing.mode === 'insert' ? editing.sessionId : '');
  const [beforeItemId, setBeforeItemId] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [showProblem, setShowProblem] = useState(false);

  const set = <K extends keyof ItemForm>(key: K, value: ItemForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const problem = problemOf(form);
  const isEdit = editing.mode === 'edit';
  const gone = isEdit && !located;

  const save = async () => {
    if (!agenda || busy) return;
    if (problem) {
      setShowProblem(true);
      return;
    }
    let ack;
    setBusy(true);
    setError(null);
    try {
      if (located && opened) {
        const patch = patchOf(opened, form);
        if (patch === null) return onClose();
        ack = await sendCommand({ type: 'item.update', itemId: located.item.id, patch });
      } else {
        const item = newItemOf(form, agenda, Date.now());
        ack = await sendCommand(
          beforeItemId === '' ? { type: 'item.insert', sessionId, item } : { type: 'item.insert', sessionId, beforeItemId, item },
        );
      }
    } finally {
      setBusy(false);
    }
    if (ack.ok) onClose();
    else setError(ack.error);
  };

  const remove = async () => {
    if (!located || busy) return;
    setBusy(true);
    const result = await removeItem(located.item.id);
    setBusy(false);
    if (result.ok) onClose();
    else setError(result.error ?? null);
  };

  const languages = [...new Set([...(agenda?.languages ?? []), form.language])];
  const targetSession = agenda?.sessions.find((s) => s.id === sessionId);

  const text = (key: keyof ItemForm, label: string, opts: { wide?: boolean; autoFocus?: boolean; multiline?: boolean; invalid?: boolean } = {}) => (
    <Field label={label} wide={opts.wide ?? false}>
      {(id) =>
        opts.multiline ? (
          <textarea id={id} rows={2} value={form[key] as string} onChange={(e) => set(key, e.target.value as never)} data-testid={`edit-${key}`} />
        ) : (
          <input
            id={id}
            type="text"
            value={form[key] as string}
            onChange={(e) => set(key, e.target.value as never)}
            aria-invalid={opts.invalid ? true : undefined}
            data-testid={`edit-${key}`}
            data-autofocus={opts.autoFocus ? true : undefined}
          />
        )
      }
    </Field>
  );
  const flag = (key: 'fixed' | 'scriptReceived' | 'skipped', label: string) => (
    <label className="check">
      <input type="checkbox" checked={form[key]} onChange={(e) => set(key, e.target.checked)} data-testid={`edit-${key}`} /> {label}
    </label>
  );

  return (
    <Dialog
      title={isEdit ? t('moderator.edit.title') : t('moderator.edit.insertTitle')}
      testId="edit-dialog"
      onCancel={onClose}
      wide
      footer={
        <>
          {located && (
            <button type="button" className="mod-btn mod-btn--danger mod-dialog__left" data-testid="btn-remove-item" disabled={busy} onClick={() => void remove()}>
              {t('moderator.button.remove')}
            </button>
          )}
          <button type="button" className="mod-btn" data-testid="btn-edit-cancel" onClick={onClose}>
            {t('moderator.button.cancel')}
          </button>
          {!gone && (
            <button type="button" className="mod-btn mod-btn--primary" data-testid="btn-edit-save" disabled={busy} onClick={() => void save()}>
              {isEdit ? t('moderator.button.save') : t('moderator.button.add')}
            </button>
          )}
        </>
      }
    >
      {gone ? (
        <p className="mod-dialog__error">{t('error.unknown-item')}</p>
      ) : (
        <form
          className="edit-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          {located?.item.id === currentItemId && <p className="edit-form__note">{t('moderator.edit.runningNote')}</p>}
          {text('title', t('moderator.edit.itemTitle'), { wide: true, autoFocus: true })}
          <Field label={t('moderator.edit.kind')}>
            {(id) => (
              <select id={id} value={form.kind} onChange={(e) => set('kind', e.target.value as ItemForm['kind'])} data-testid="edit-kind">
                {ITEM_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`moderator.kind.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('moderator.edit.duration')} hint={t('moderator.edit.durationHint')}>
            {(id) => (
              <input
                id={id}
                type="text"
                inputMode="numeric"
                value={form.duration}
                onChange={(e) => set('duration', e.target.value)}
                aria-invalid={showProblem && (problem === 'duration' || problem === 'zeroDuration')}
                data-testid="edit-duration"
              />
            )}
          </Field>
          <Field label={t('timing.edit.endAt')} hint={t('timing.edit.endAtHint')}>
            {(id) => <input id={id} type="time" value={form.endAt} onChange={(e) => set('endAt', e.target.value)} data-testid="edit-end-at" />}
          </Field>
          <Field label={t('timing.edit.autoAdvance')}>
            {(id) => (
              <select id={id} value={form.autoAdvance} onChange={(e) => set('autoAdvance', e.target.value)} data-testid="edit-auto-advance">
                {[...new Set([...AUTO_ADVANCE_CHOICES, form.autoAdvance])].map((c) => (
                  <option key={c} value={c}>
                    {c === '' ? t('timing.edit.asSession') : c === 'roll' ? t('timing.roll') : t('timing.autoAdvance', { grace: `${c} s` })}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <fieldset className="edit-form__group">
            <legend>{t('moderator.edit.speaker')}</legend>
            {text('honorific', t('moderator.edit.honorific'))}
            {text('name', t('moderator.edit.name'), { invalid: showProblem && problem === 'name' })}
            {text('localName', t('moderator.edit.localName'))}
            {text('role', t('moderator.edit.role'))}
            {text('organisation', t('moderator.edit.organisation'), { wide: true })}
          </fieldset>
          <Field label={t('moderator.edit.language')}>
            {(id) => (
              <select id={id} value={form.language} onChange={(e) => set('language', e.target.value)} data-testid="edit-language">
                {languages.map((l) => (
                  <option key={l} value={l}>
                    {languageName(l, lang)} ({l})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('moderator.edit.attendance')}>
            {(id) => (
              <select id={id} value={form.attendance} onChange={(e) => set('attendance', e.target.value as ItemForm['attendance'])} data-testid="edit-attendance">
                {ATTENDANCE.map((a) => (
                  <option key={a} value={a}>
                    {t(`moderator.attendance.${a}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {text('notes', t('moderator.edit.notes'), { wide: true, multiline: true })}
          {text('boothNotes', t('moderator.edit.boothNotes'), { wide: true, multiline: true })}
          <div className="edit-form__flags field--wide">
            {flag('fixed', t('moderator.edit.fixed'))}
            {flag('scriptReceived', t('moderator.edit.scriptReceived'))}
            {flag('skipped', t('moderator.edit.skipped'))}
          </div>
          {!isEdit && agenda && (
            <>
              <Field label={t('moderator.edit.session')}>
                {(id) => (
                  <select
                    id={id}
                    value={sessionId}
                    onChange={(e) => {
                      setSessionId(e.target.value);
                      setBeforeItemId('');
                    }}
                    data-testid="edit-session"
                  >
                    {agenda.sessions.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.title}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label={t('moderator.edit.position')}>
                {(id) => (
                  <select id={id} value={beforeItemId} onChange={(e) => setBeforeItemId(e.target.value)} data-testid="edit-position">
                    <option value="">{t('moderator.edit.atEnd')}</option>
                    {targetSession?.items.map((i) => (
                      <option key={i.id} value={i.id}>
                        {t('moderator.edit.before', { name: speakerName(i, lang) })}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </>
          )}
          {showProblem && problem && (
            <p className="mod-dialog__error" role="alert" data-testid="edit-problem" data-problem={problem}>
              {t(PROBLEM_TEXT[problem])}
            </p>
          )}
          {error && (
            <p className="mod-dialog__error" role="alert" data-testid="edit-error" data-code={error.code}>
              {translateError(t, error)}
              {error.code === 'invalid' && <span className="mod-dialog__detail"> {error.message}</span>}
            </p>
          )}
          {/* Enter in a field saves. */}
          <button type="submit" hidden />
        </form>
      )}
    </Dialog>
  );
}
