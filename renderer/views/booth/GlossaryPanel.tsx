import { useMemo, useRef, useState } from 'react';
import type { GlossaryEntry, Item } from '../../../shared/agenda/agenda-schema';
import { useI18n } from '../../i18n/i18n';
import { langCode } from './direction';
import { EditLock } from './EditLock';
import { GlossaryEditor } from './GlossaryEditor';
import { expansionIn, glossaryLanguages, matchesQuery, orderGlossary } from './glossary';
import { useHotkey } from './hotkeys';
import { KeyHint } from './KeyHint';

interface Props {
  glossary: readonly GlossaryEntry[];
  agendaLanguages: readonly string[];
  /** Terms this item uses come first. */
  current: Item | undefined;
  mayEdit: boolean;
}

/**
 * The event glossary with its expansions in every language, searchable (G). Terms the current
 * item uses are pinned on top. Editable (E) when the moderator allows booths to edit.
 */
export function GlossaryPanel({ glossary, agendaLanguages, current, mayEdit }: Props) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState(false);
  const search = useRef<HTMLInputElement>(null);
  const languages = useMemo(() => glossaryLanguages(agendaLanguages, glossary), [agendaLanguages, glossary]);
  const ordered = useMemo(() => orderGlossary(glossary, current), [glossary, current]);
  const shown = ordered.filter((o) => matchesQuery(o.entry, query));

  const focusSearch = () => search.current?.focus();
  useHotkey('g', focusSearch, !editing);
  useHotkey('/', focusSearch, !editing);
  useHotkey('e', () => setEditing(true), mayEdit && !editing);

  return (
    <section className="panel booth-glossary" aria-labelledby="booth-glossary-label" data-testid="glossary">
      <div className="panel__head">
        <h2 className="panel__label" id="booth-glossary-label">
          {t('booth.glossary.title')} <span className="panel__count">{glossary.length}</span>
        </h2>
        {mayEdit ? (
          !editing && (
            <button type="button" className="bbtn bbtn--small" data-testid="glossary-edit" onClick={() => setEditing(true)} aria-keyshortcuts="E">
              {t('booth.glossary.edit')} <KeyHint label="E" />
            </button>
          )
        ) : (
          <EditLock testId="glossary-locked" />
        )}
      </div>
      {editing && mayEdit ? (
        <GlossaryEditor glossary={glossary} languages={languages} onDone={() => setEditing(false)} />
      ) : (
        <>
          <label className="search">
            <span className="visually-hidden">{t('booth.glossary.search')}</span>
            <input
              ref={search}
              className="field search__input"
              type="search"
              data-testid="glossary-search"
              placeholder={t('booth.glossary.search')}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  setQuery('');
                  e.currentTarget.blur();
                }
              }}
              aria-keyshortcuts="G"
            />
            <KeyHint label="G" />
          </label>
          {glossary.length === 0 && <p className="muted">{t('booth.glossary.empty')}</p>}
          {glossary.length > 0 && shown.length === 0 && <p className="muted">{t('booth.glossary.noMatch')}</p>}
          <ul className="glossary" aria-label={t('booth.glossary.title')}>
            {shown.map(({ entry, index, inItem }) => (
              <li key={index} className="glossary__entry" data-testid="glossary-entry" data-term={entry.term} data-in-item={inItem}>
                <span className="glossary__term">
                  {entry.term}
                  {inItem && <span className="glossary__now">{t('booth.glossary.inItem')}</span>}
                </span>
                <span className="glossary__expansions">
                  {languages.map((l) => {
                    const text = expansionIn(entry, l);
                    return text ? (
                      <span key={l} className="glossary__expansion">
                        <span className="lang-code lang-code--small">{langCode(l)}</span>
                        <span data-testid="glossary-expansion" data-lang={l} lang={l === 'zh' ? 'zh-CN' : l}>
                          {text}
                        </span>
                      </span>
                    ) : null;
                  })}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
