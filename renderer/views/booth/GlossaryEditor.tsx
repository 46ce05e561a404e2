import { useState } from 'react';
import type { GlossaryEntry } from '../../../shared/agenda/agenda-schema';
import { LIMITS } from '../../../shared/agenda/agenda-constants';
import { sameLanguage } from '../../../shared/agenda/language';
import { useI18n } from '../../i18n/i18n';
import { CommandError } from './CommandError';
import { langCode } from './direction';
import { handleSaveKey } from './editor-keys';
import { expansionIn } from './glossary';
import { KeyHint } from './KeyHint';
import { useBoothCommand } from './use-booth-command';

interface Row {
  term: string;
  /** Per shown language (primary subtag). */
  values: Record<string, string>;
  /** The entry's expansions as stored, so languages not shown here are kept. */
  original: Record<string, string>;
}

const toRow = (entry: GlossaryEntry, languages: readonly string[]): Row => ({
  term: entry.term,
  values: Object.fromEntries(languages.map((l) => [l, expansionIn(entry, l)])),
  original: entry.expansions,
});

function toEntry(row: Row, languages: readonly string[]): GlossaryEntry {
  const expansions: Record<string, string> = {};
  for (const [tag, text] of Object.entries(row.original)) {
    if (!languages.some((l) => sameLanguage(l, tag))) expansions[tag] = text;
  }
  for (const l of languages) {
    // Keep the tag the entry was stored under (`zh-CN` stays `zh-CN`).
    const tag = Object.keys(row.original).find((k) => sameLanguage(k, l)) ?? l;
    const text = (row.values[l] ?? '').trim();
    if (text) expansions[tag] = text;
  }
  return { term: row.term.trim(), expansions };
}

/**
 * The glossary as a table of fields: edit, add and remove terms, then save the whole glossary
 * (Ctrl+Enter) or cancel (Esc). Saved in one command, so it lands all at once or not at all.
 */
export function GlossaryEditor({ glossary, languages, onDone }: { glossary: readonly GlossaryEntry[]; languages: readonly string[]; onDone: () => void }) {
  const { t } = useI18n();
  const { send, busy, error } = useBoothCommand();
  const [rows, setRows] = useState<Row[]>(() =>
    glossary.length > 0 ? glossary.map((e) => toRow(e, languages)) : [{ term: '', values: {}, original: {} }],
  );
  const [base] = useState(glossary);
  const [missingTerm, setMissingTerm] = useState(false);
  /** The row whose term field takes the focus: the first on opening, a new row when added. */
  const [focusRow, setFocusRow] = useState(0);

  const update = (i: number, change: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const add = () => {
    setFocusRow(rows.length);
    setRows((rs) => [...rs, { term: '', values: {}, original: {} }]);
  };
  const remove = (i: number) => setRows((rs) => rs.filter((_, j) => j !== i));
  const save = async () => {
    const kept = rows.filter((r) => r.term.trim() !== '' || Object.values(r.values).some((v) => v.trim() !== ''));
    if (kept.some((r) => r.term.trim() === '')) {
      setMissingTerm(true);
      return;
    }
    setMissingTerm(false);
    if (await send({ type: 'glossary.replace', glossary: kept.map((r) => toEntry(r, languages)) })) onDone();
  };

  return (
    <div
      className="glossary-editor"
      data-testid="glossary-editor"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onDone();
        else if (handleSaveKey(e, save)) return;
        // By physical key: on a Mac, Alt+N types a dead key.
        else if (e.altKey && e.code === 'KeyN') {
          e.preventDefault();
          add();
        }
      }}
    >
      <p className="glossary-editor__help">{t('booth.glossary.editorKeys')}</p>
      <div className="glossary-editor__rows">
        <div className="glossary-editor__row glossary-editor__row--head" aria-hidden="true">
          <span>{t('booth.glossary.term')}</span>
          {languages.map((l) => (
            <span key={l}>{langCode(l)}</span>
          ))}
          <span />
        </div>
        {rows.map((row, i) => (
          <div
            key={i}
            className="glossary-editor__row"
            data-testid="glossary-editor-row"
            onKeyDown={(e) => {
              if (e.altKey && e.code === 'KeyX') {
                e.preventDefault();
                remove(i);
              }
            }}
          >
            <input
              className="field"
              value={row.term}
              maxLength={LIMITS.nameLength}
              aria-label={t('booth.glossary.term')}
              data-testid="glossary-term-input"
              autoFocus={i === focusRow}
              onChange={(e) => update(i, { term: e.target.value })}
            />
            {languages.map((l) => (
              <input
                key={l}
                className="field"
                lang={l === 'zh' ? 'zh-CN' : l}
                value={row.values[l] ?? ''}
                maxLength={LIMITS.titleLength}
                aria-label={`${row.term || t('booth.glossary.term')} — ${langCode(l)}`}
                data-testid={`glossary-input-${l}`}
                onChange={(e) => update(i, { values: { ...row.values, [l]: e.target.value } })}
              />
            ))}
            <button
              type="button"
              className="bbtn bbtn--small bbtn--quiet"
              aria-label={t('booth.glossary.remove', { term: row.term })}
              aria-keyshortcuts="Alt+X"
              onClick={() => remove(i)}
            >
              ×
            </button>
          </div>
        ))}
      </div>
      {base !== glossary && <p className="booth-warning">{t('booth.glossary.changedMeanwhile')}</p>}
      {missingTerm && (
        <p className="booth-error" role="alert">
          {t('booth.glossary.needsTerm')}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="bbtn" data-testid="glossary-add" onClick={add} aria-keyshortcuts="Alt+N">
          {t('booth.glossary.add')} <KeyHint label="Alt+N" />
        </button>
        <button type="button" className="bbtn bbtn--primary" data-testid="glossary-save" disabled={busy} onClick={() => void save()} aria-keyshortcuts="Control+Enter">
          {t('booth.save')} <KeyHint label="Ctrl+Enter" />
        </button>
        <button type="button" className="bbtn" onClick={onDone} aria-keyshortcuts="Escape">
          {t('booth.cancel')} <KeyHint label="Esc" />
        </button>
      </div>
      <CommandError error={error} testId="glossary-error" />
    </div>
  );
}
