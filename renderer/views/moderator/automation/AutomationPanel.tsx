import { useEffect, useRef, useState } from 'react';
import { ruleRoom, type AutomationRule, type AutomationsAnswer } from '../../../../shared/contract/automation';
import { MAIN_ROOM, roomOfPath, type RoomInfo } from '../../../../shared/contract/rooms';
import { useI18n } from '../../../i18n/i18n';
import { RuleEditor } from './RuleEditor';
import { blankForm, formOf, rulesFromJson } from './rule-form';
import { fetchAutomations, fetchRooms, fireRule, saveAutomations } from './automation-api';
import { roomLabel, showsRooms } from './rule-rooms';

/** Editing: a rule's index in the list, or 'new'. */
type Editing = number | 'new' | null;

/**
 * The rules: listed with how each last went, switched on and off, added, edited, fired now,
 * exported and imported as JSON. Every change saves the whole list (`PUT /api/v1/automations`),
 * so what is shown is what the server keeps; a refusal names the rule's index and field.
 */
export function AutomationPanel() {
  const { t, lang } = useI18n();
  const [data, setData] = useState<AutomationsAnswer | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [error, setError] = useState<string | null>(null);
  const [allow, setAllow] = useState('');
  const [rooms, setRooms] = useState<RoomInfo[]>([]);
  const fileRef = useRef<HTMLInputElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  // The editor closed (saved or cancelled): the keyboard goes on from "Add a rule", not from the page's top.
  useEffect(() => {
    if (editing === null && wasEditing.current) addRef.current?.focus();
    wasEditing.current = editing !== null;
  }, [editing]);

  const shown = (answer: Awaited<ReturnType<typeof fetchAutomations>>) => {
    if (answer.ok) {
      setData(answer.body);
      setAllow(answer.body.allow.join(', '));
    } else setError(answer.error.message);
  };
  const load = async () => shown(await fetchAutomations());
  useEffect(() => {
    let live = true;
    void fetchAutomations().then((answer) => {
      if (live) shown(answer);
    });
    // The rooms a rule may follow; read when the dialog opens (a room added meanwhile: open it again).
    void fetchRooms().then((answer) => {
      if (live && answer.ok) setRooms(answer.body.rooms);
    });
    return () => {
      live = false;
    };
  }, []);

  const save = async (rules: AutomationRule[], allowList?: string[]): Promise<string | null> => {
    const answer = await saveAutomations({ rules, ...(allowList ? { allow: allowList } : {}) });
    if (!answer.ok) return t('automation.failed', { message: answer.error.message });
    setData(answer.body);
    setAllow(answer.body.allow.join(', '));
    setError(null);
    return null;
  };
  const saveOrShow = async (rules: AutomationRule[], allowList?: string[]) => setError(await save(rules, allowList));

  if (!data) return error ? <p className="network__note network__note--error" role="alert" data-testid="automation-error">{error}</p> : null;
  const rules = data.rules;
  const withRooms = showsRooms(rooms, rules);
  const time = (ms: number) => new Date(ms).toLocaleTimeString(lang === 'zh' ? 'zh-CN' : 'en-GB');

  const exportJson = () => {
    const blob = new Blob([JSON.stringify({ rules, allow: data.allow }, null, 2)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'rostrum-automations.json';
    a.click();
    URL.revokeObjectURL(a.href);
  };
  const importJson = async (file: File) => {
    try {
      const imported = rulesFromJson(await file.text());
      await saveOrShow(imported.rules, imported.allow);
    } catch (e) {
      setError(t('automation.import.bad', { file: file.name, message: (e as Error).message }));
    }
  };

  return (
    <section className="automation" data-testid="automation-panel">
      <p className="network__hint">{t('automation.intro')}</p>
      <h3 className="network__heading">{t('automation.list')}</h3>
      {rules.length === 0 ? (
        <p className="network__hint" data-testid="automation-empty">{t('automation.empty')}</p>
      ) : (
        <ul className="automation__rules">
          {rules.map((rule, i) => {
            const status = data.status[rule.id];
            return (
              <li key={rule.id} className="automation__rule" data-testid="automation-rule" data-rule-id={rule.id} data-enabled={String(rule.enabled)}>
                <label className="network__toggle automation__toggle">
                  <input
                    type="checkbox"
                    data-testid="automation-rule-enabled"
                    checked={rule.enabled}
                    onChange={(e) => void saveOrShow(rules.map((r, j) => (j === i ? { ...r, enabled: e.currentTarget.checked } : r)))}
                  />
                  <span className="visually-hidden">{`${t('automation.enabled')} ${rule.id}`}</span>
                </label>
                <div className="automation__summary">
                  <strong>{rule.id}</strong>{' '}
                  {withRooms && (
                    <span className="automation__room" data-testid="automation-rule-room" data-room={ruleRoom(rule)} data-removed={String(!rooms.some((r) => r.id === ruleRoom(rule)) && ruleRoom(rule) !== MAIN_ROOM)}>
                      {roomLabel(ruleRoom(rule), rooms, lang, t)}
                    </span>
                  )}
                  <span>
                    {t(`automation.when.${rule.when}`)}
                    {rule.when === 'item.overtime' ? ` (${rule.overtimeSec ?? 0} s)` : ''} → {rule.then.type === 'lowerThird' ? t(rule.then.show ? 'automation.lowerThird.show' : 'automation.lowerThird.hide') : t(`automation.then.${rule.then.type}`)}
                  </span>
                  <span className="network__hint automation__status">{status?.lastFiredAt ? t('automation.lastFired', { time: time(status.lastFiredAt) }) : t('automation.never')}</span>
                  {status?.lastError && (
                    <span className="network__note network__note--error automation__status" data-testid="automation-rule-error">
                      {t('automation.lastError', { message: status.lastError })}
                    </span>
                  )}
                </div>
                <div className="automation__row-buttons">
                  <button type="button" className="mod-btn mod-btn--small" data-testid="automation-rule-edit" onClick={() => setEditing(i)}>
                    {t('automation.edit')}
                  </button>
                  <button
                    type="button"
                    className="mod-btn mod-btn--small"
                    data-testid="automation-rule-delete"
                    aria-label={t('automation.delete', { id: rule.id })}
                    onClick={() => {
                      setEditing(null);
                      void saveOrShow(rules.filter((_, j) => j !== i));
                    }}
                  >
                    ✕
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {editing === null ? (
        <div className="network__buttons">
          <button ref={addRef} type="button" className="mod-btn" data-testid="automation-add" onClick={() => setEditing('new')}>
            {t('automation.add')}
          </button>
          <button type="button" className="mod-btn" data-testid="automation-export" onClick={exportJson}>
            {t('automation.export')}
          </button>
          <button type="button" className="mod-btn" data-testid="automation-import" onClick={() => fileRef.current?.click()}>
            {t('automation.import')}
          </button>
          <input
            ref={fileRef}
            type="file"
            accept="application/json,.json"
            hidden
            data-testid="automation-import-file"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (file) void importJson(file);
            }}
          />
        </div>
      ) : (
        <RuleEditor
          key={String(editing)}
          initial={editing === 'new' ? blankForm(rules.map((r) => r.id), roomOfPath(window.location.pathname)) : formOf(rules[editing]!)}
          isNew={editing === 'new'}
          rooms={withRooms ? rooms : null}
          onCancel={() => setEditing(null)}
          onFire={async (rule) => {
            const answer = await fireRule(rule);
            void load();
            if (!answer.ok) return t('automation.fireFailed', { message: answer.error.message });
            return answer.body.ok ? null : t('automation.fireFailed', { message: answer.body.error });
          }}
          onSave={async (rule) => {
            const next = editing === 'new' ? [...rules, rule] : rules.map((r, j) => (j === editing ? rule : r));
            const refusal = await save(next);
            if (refusal === null) setEditing(null);
            return refusal;
          }}
        />
      )}
      {error !== null && (
        <p className="network__note network__note--error" role="alert" data-testid="automation-error">
          {error}
        </p>
      )}
      <h3 className="network__heading">{t('automation.allow')}</h3>
      <div className="automation__allow">
        <input type="text" aria-label={t('automation.allow')} data-testid="automation-allow" placeholder={t('automation.allow.placeholder')} value={allow} onChange={(e) => setAllow(e.currentTarget.value)} />
        <button type="button" className="mod-btn" data-testid="automation-allow-save" onClick={() => void saveOrShow(rules, allow.split(/[\s,]+/).filter((a) => a !== ''))}>
          {t('automation.allow.save')}
        </button>
      </div>
      <p className="network__hint" data-testid="automation-lan">{data.lan ? t('automation.lan.on') : t('automation.lan.off')}</p>
    </section>
  );
}
