import './displays.css';
import { Fragment, useState } from 'react';
import type { CommandInput } from '../../../../shared/contract/commands';
import type { ConnectedDisplay } from '../../../../shared/contract/presence';
import { useDisplays } from '../../../app/displays';
import { sendCommand } from '../../../app/send-command';
import { serverNow } from '../../../app/server-clock';
import { translateError, useI18n } from '../../../i18n/i18n';
import { RedirectForm, RenameForm } from './DisplayForms';
import { displayName, keyLabel, lastSeenText, pageLabel } from './display-labels';

type Action = 'identify' | 'rename' | 'redirect' | 'reload';
type Editing = { id: string; form: 'rename' | 'redirect' } | null;
type Feedback = { text: string; error: boolean } | null;

const LANGUAGE_CAPS = { en: 'EN', zh: '中文' } as const;
const COLUMNS = 7;

/**
 * Every connected display, with what it shows and its actions (#19): identify, rename, send to
 * another page or parameters, reload. Each goes to the server as a command (control only), which
 * passes it to that display alone.
 */
export function DisplayManager() {
  const { t, lang } = useI18n();
  const displays = useDisplays((s) => s.displays);
  const known = useDisplays((s) => s.known);
  const [editing, setEditing] = useState<Editing>(null);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const now = serverNow();

  const focusAction = (id: string, action: Action) =>
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-display-id="${CSS.escape(id)}"] [data-action="${action}"]`)?.focus());

  async function run(command: CommandInput, done: string): Promise<boolean> {
    setFeedback(null);
    const ack = await sendCommand(command);
    if (ack.ok) setFeedback({ text: done, error: false });
    else setFeedback({ text: ack.error.code === 'invalid' ? `${translateError(t, ack.error)} ${ack.error.message}` : translateError(t, ack.error), error: true });
    return ack.ok;
  }

  const act = (d: ConnectedDisplay, action: Action) => {
    const name = displayName(t, d);
    if (action === 'identify') void run({ type: 'display.identify', displayId: d.id }, t('displays.done.identify', { name }));
    else if (action === 'reload') void run({ type: 'display.reload', displayId: d.id }, t('displays.done.reload', { name }));
    else setEditing(editing?.id === d.id && editing.form === action ? null : { id: d.id, form: action });
  };

  const close = (d: ConnectedDisplay, form: 'rename' | 'redirect') => {
    setEditing(null);
    focusAction(d.id, form);
  };

  if (!known) return <p className="display-manager__empty">{t('displays.offline')}</p>;

  return (
    <div className="display-manager" data-testid="display-manager">
      <p className="display-manager__hint">{t('displays.manage.hint')}</p>
      <p className={`display-manager__feedback${feedback?.error ? ' display-manager__feedback--error' : ''}`} data-testid="display-feedback" role="status" aria-live="polite">
        {feedback?.text}
      </p>
      {displays.length === 0 ? (
        <p className="display-manager__empty">{t('displays.empty')}</p>
      ) : (
        <table className="display-table">
          <thead>
            <tr>
              <th scope="col">{t('displays.column.name')}</th>
              <th scope="col">{t('displays.column.page')}</th>
              <th scope="col">{t('displays.column.key')}</th>
              <th scope="col">{t('displays.column.address')}</th>
              <th scope="col">{t('displays.column.language')}</th>
              <th scope="col">{t('displays.column.lastSeen')}</th>
              <th scope="col">{t('displays.column.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {displays.map((d) => {
              const name = displayName(t, d);
              const open = editing?.id === d.id ? editing.form : null;
              return (
                <Fragment key={d.id}>
                  <tr className="display-table__row" data-testid="display-manage-row" data-display-id={d.id} data-view={d.page} data-name={d.name}>
                    <th scope="row" className="display-table__name" dir="auto" data-label={t('displays.column.name')}>
                      {name}
                    </th>
                    <td data-label={t('displays.column.page')}>{pageLabel(t, d.page)}</td>
                    <td data-label={t('displays.column.key')}>{keyLabel(t, d)}</td>
                    <td data-label={t('displays.column.address')} className="display-table__address">
                      {d.address}
                    </td>
                    <td data-label={t('displays.column.language')}>
                      <span lang={d.language === 'zh' ? 'zh-CN' : 'en'}>{LANGUAGE_CAPS[d.language]}</span>
                    </td>
                    <td data-label={t('displays.column.lastSeen')}>{lastSeenText(t, lang, d, now)}</td>
                    <td className="display-table__actions">
                      {(['identify', 'rename', 'redirect', 'reload'] as const).map((action) => (
                        <button
                          key={action}
                          type="button"
                          className="mod-btn mod-btn--small"
                          data-action={action}
                          data-testid={`display-action-${action}`}
                          aria-label={t('displays.action.for', { action: t(`displays.action.${action}`), name })}
                          aria-expanded={action === 'rename' || action === 'redirect' ? open === action : undefined}
                          onClick={() => act(d, action)}
                        >
                          {t(`displays.action.${action}`)}
                        </button>
                      ))}
                    </td>
                  </tr>
                  {open !== null && (
                    <tr className="display-table__form-row">
                      <td colSpan={COLUMNS}>
                        {open === 'rename' ? (
                          <RenameForm
                            display={d}
                            onCancel={() => close(d, 'rename')}
                            onSave={(newName) =>
                              void run({ type: 'display.rename', displayId: d.id, name: newName }, t('displays.done.rename')).then((ok) => ok && close(d, 'rename'))
                            }
                          />
                        ) : (
                          <RedirectForm
                            display={d}
                            onCancel={() => close(d, 'redirect')}
                            onSend={(view, params) =>
                              void run({ type: 'display.redirect', displayId: d.id, view, params }, t('displays.done.redirect', { name, page: pageLabel(t, view) })).then(
                                (ok) => ok && close(d, 'redirect'),
                              )
                            }
                          />
                        )}
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
