import { useState, type KeyboardEvent } from 'react';
import { REDIRECT_PAGES, MAX_DISPLAY_NAME, type RedirectPage } from '../../../../shared/contract/displays';
import type { ConnectedDisplay } from '../../../../shared/contract/presence';
import { useI18n } from '../../../i18n/i18n';
import { pageLabel } from './display-labels';
import { parseRedirectParams } from './redirect-params';

/** Esc closes the form, not the dialog around it. */
const escapeCloses = (onCancel: () => void) => (e: KeyboardEvent) => {
  if (e.key !== 'Escape') return;
  e.preventDefault();
  e.stopPropagation();
  onCancel();
};

export function RenameForm({ display, onSave, onCancel }: { display: ConnectedDisplay; onSave: (name: string) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [name, setName] = useState(display.name);
  return (
    <form
      className="display-form"
      data-testid="display-rename-form"
      onKeyDown={escapeCloses(onCancel)}
      onSubmit={(e) => {
        e.preventDefault();
        onSave(name.trim());
      }}
    >
      <label className="display-form__field">
        <span>{t('displays.rename.label')}</span>
        <input data-testid="display-name-input" data-autofocus autoFocus value={name} maxLength={MAX_DISPLAY_NAME} onChange={(e) => setName(e.target.value)} />
      </label>
      <span className="display-form__hint">{t('displays.rename.hint')}</span>
      <div className="display-form__buttons">
        <button type="submit" className="mod-btn mod-btn--primary mod-btn--small" data-testid="display-rename-save">
          {t('displays.rename.save')}
        </button>
        <button type="button" className="mod-btn mod-btn--small" onClick={onCancel}>
          {t('displays.cancel')}
        </button>
      </div>
    </form>
  );
}

export function RedirectForm({
  display,
  onSend,
  onCancel,
}: {
  display: ConnectedDisplay;
  onSend: (view: RedirectPage, params: Record<string, string>) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const start = (REDIRECT_PAGES as readonly string[]).includes(display.page) ? (display.page as RedirectPage) : 'audience';
  const [view, setView] = useState<RedirectPage>(start);
  const [text, setText] = useState('');
  const [bad, setBad] = useState(false);
  return (
    <form
      className="display-form"
      data-testid="display-redirect-form"
      onKeyDown={escapeCloses(onCancel)}
      onSubmit={(e) => {
        e.preventDefault();
        const params = parseRedirectParams(text);
        setBad(params === null);
        if (params !== null) onSend(view, params);
      }}
    >
      <label className="display-form__field">
        <span>{t('displays.redirect.page')}</span>
        <select data-testid="display-redirect-view" autoFocus value={view} onChange={(e) => setView(e.target.value as RedirectPage)}>
          {REDIRECT_PAGES.map((p) => (
            <option key={p} value={p}>
              {pageLabel(t, p)} (/{p})
            </option>
          ))}
        </select>
      </label>
      <label className="display-form__field">
        <span>{t('displays.redirect.params')}</span>
        <input
          data-testid="display-redirect-params"
          value={text}
          placeholder={t('displays.redirect.paramsHint')}
          aria-invalid={bad}
          onChange={(e) => {
            setText(e.target.value);
            setBad(false);
          }}
        />
      </label>
      {bad && (
        <span className="display-form__error" role="alert">
          {t('displays.redirect.badParams')}
        </span>
      )}
      <div className="display-form__buttons">
        <button type="submit" className="mod-btn mod-btn--primary mod-btn--small" data-testid="display-redirect-go">
          {t('displays.redirect.go')}
        </button>
        <button type="button" className="mod-btn mod-btn--small" onClick={onCancel}>
          {t('displays.cancel')}
        </button>
      </div>
    </form>
  );
}
