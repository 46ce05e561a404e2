import { useState } from 'react';
import type { LocatedItem } from '../../../shared/agenda/agenda-queries';
import { LIMITS } from '../../../shared/agenda/agenda-constants';
import { useI18n } from '../../i18n/i18n';
import { CommandError } from './CommandError';
import { EditLock } from './EditLock';
import { handleSaveKey } from './editor-keys';
import { useHotkey } from './hotkeys';
import { KeyHint } from './KeyHint';
import { announcedName } from './names';
import { ScriptFlag } from './ScriptFlag';
import { useBoothCommand } from './use-booth-command';

interface Props {
  /** The current item first, then the upcoming ones. */
  items: LocatedItem[];
  selected: LocatedItem | undefined;
  onSelect: (itemId: string) => void;
  mayEdit: boolean;
}

/**
 * The booth notes (pronunciation, terms) and the script flag of one item: the current one, or one
 * of the next ones chosen with ← →. Editable here when the moderator allows it.
 */
export function NotesPanel({ items, selected, onSelect, mayEdit }: Props) {
  const { t, lang } = useI18n();
  const { send, busy, error } = useBoothCommand();
  const [draft, setDraft] = useState<{ itemId: string; base: string; text: string } | null>(null);
  const position = selected ? items.findIndex((l) => l.item.id === selected.item.id) : -1;
  const editing = draft !== null && selected !== undefined && draft.itemId === selected.item.id && mayEdit;

  const step = (by: number) => {
    const target = items[position + by];
    if (target && !editing) onSelect(target.item.id);
  };
  const startEdit = () => {
    if (selected && mayEdit) setDraft({ itemId: selected.item.id, base: selected.item.boothNotes, text: selected.item.boothNotes });
  };
  const toggleScript = () => {
    if (selected && mayEdit) void send({ type: 'booth.notes', itemId: selected.item.id, scriptReceived: !selected.item.scriptReceived });
  };
  const save = async () => {
    if (!draft) return;
    if (await send({ type: 'booth.notes', itemId: draft.itemId, boothNotes: draft.text })) setDraft(null);
  };

  useHotkey('ArrowLeft', () => step(-1), items.length > 1);
  useHotkey('ArrowRight', () => step(1), items.length > 1);
  useHotkey('n', startEdit, mayEdit && selected !== undefined && !editing);
  useHotkey('p', toggleScript, mayEdit && selected !== undefined);

  const where = position <= 0 ? t('label.current') : position === 1 ? t('label.next') : t('booth.notes.later', { n: position });

  return (
    <section className="panel booth-notes" aria-labelledby="booth-notes-label" data-testid="booth-notes" data-item-id={selected?.item.id ?? ''}>
      <div className="panel__head">
        <h2 className="panel__label" id="booth-notes-label">
          {t('booth.notes.title')}
        </h2>
        <span className="booth-notes__nav">
          <button type="button" className="bbtn bbtn--small" onClick={() => step(-1)} disabled={position <= 0 || editing} aria-keyshortcuts="ArrowLeft" aria-label={t('booth.notes.previous')}>
            <KeyHint label="←" />
          </button>
          <span className="booth-notes__where">{where}</span>
          <button type="button" className="bbtn bbtn--small" onClick={() => step(1)} disabled={position >= items.length - 1 || editing} aria-keyshortcuts="ArrowRight" aria-label={t('booth.notes.following')}>
            <KeyHint label="→" />
          </button>
        </span>
      </div>
      {selected && (
        <div className="booth-notes__item">
          <span className="booth-notes__who">{announcedName(selected.item, lang)}</span>
          <span className="booth-notes__topic">{selected.item.title}</span>
        </div>
      )}
      {editing ? (
        <div className="booth-notes__editor">
          <textarea
            className="field booth-notes__textarea"
            data-testid="notes-input"
            value={draft.text}
            maxLength={LIMITS.notesLength}
            autoFocus
            aria-label={t('booth.notes.title')}
            onChange={(e) => setDraft({ ...draft, text: e.target.value })}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setDraft(null);
              handleSaveKey(e, save);
            }}
          />
          {selected.item.boothNotes !== draft.base && <p className="booth-warning">{t('booth.notes.changedMeanwhile')}</p>}
          <div className="button-row">
            <button type="button" className="bbtn bbtn--primary" data-testid="notes-save" disabled={busy} onClick={() => void save()} aria-keyshortcuts="Control+Enter">
              {t('booth.save')} <KeyHint label="Ctrl+Enter" />
            </button>
            <button type="button" className="bbtn" onClick={() => setDraft(null)} aria-keyshortcuts="Escape">
              {t('booth.cancel')} <KeyHint label="Esc" />
            </button>
          </div>
        </div>
      ) : (
        <div className="booth-notes__text" data-testid="notes-text">
          {selected?.item.boothNotes || <span className="muted">{t('booth.notes.empty')}</span>}
        </div>
      )}
      <div className="booth-notes__footer">
        {selected && <ScriptFlag received={selected.item.scriptReceived} testId="notes-script" />}
        {mayEdit ? (
          <>
            <button type="button" className="bbtn bbtn--small" data-testid="notes-toggle-script" disabled={!selected || busy} onClick={toggleScript} aria-keyshortcuts="P">
              {t(selected?.item.scriptReceived ? 'booth.script.markMissing' : 'booth.script.markReceived')} <KeyHint label="P" />
            </button>
            {!editing && (
              <button type="button" className="bbtn bbtn--small" data-testid="notes-edit" disabled={!selected} onClick={startEdit} aria-keyshortcuts="N">
                {t('booth.notes.edit')} <KeyHint label="N" />
              </button>
            )}
          </>
        ) : (
          <EditLock testId="notes-locked" />
        )}
      </div>
      <CommandError error={error} testId="notes-error" />
    </section>
  );
}
