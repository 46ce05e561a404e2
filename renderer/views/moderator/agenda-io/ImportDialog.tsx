import { useEffect, useId, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { IMPORT_ACCEPT, formatOfFileName } from '../../../../shared/agenda-io/file-format';
import type { EventOptionKey, EventOptions } from '../../../../shared/agenda-io/import-types';
import type { DownloadLinks } from '../../../../shared/report/download-links';
import { useRostrum } from '../../../app/store';
import { translateError, useI18n } from '../../../i18n/i18n';
import { sendImport, withParam, type ImportAnswer } from './agenda-io-api';
import { ImportPreview } from './ImportPreview';

interface Props {
  onClose: () => void;
  links: DownloadLinks;
}

type Fields = Record<EventOptionKey, string>;

/** Preview requests wait this long after the last keystroke in the event fields. */
const RECHECK_AFTER_MS = 350;

/**
 * Import: choose or drop a file, see what it gives (every error and warning, with its row), fix the
 * event's details, and confirm. Nothing changes before the confirmation; over a running item it
 * asks once more, and the clock stops. Keys typed here never reach the console's shortcuts.
 */
export function ImportDialog({ onClose, links }: Props) {
  const { t, lang } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const inputId = useId();
  const agenda = useRostrum((s) => s.snapshot?.agenda);
  const status = useRostrum((s) => s.snapshot?.clock.status ?? 'idle');
  const recorded = useRostrum((s) => Object.values(s.snapshot?.report ?? {}).filter((r) => r.actualStart !== null).length);
  const running = status === 'running' || status === 'paused';

  const [file, setFile] = useState<{ file: File; serial: number } | null>(null);
  const [unsupported, setUnsupported] = useState<string | null>(null);
  const [fields, setFields] = useState<Fields>(() => ({
    title: agenda?.title ?? '',
    date: agenda?.date ?? '',
    timezone: agenda?.timezone ?? '',
    extraTimezones: agenda?.extraTimezones.join(', ') ?? '',
    languages: agenda?.languages.join(', ') ?? '',
  }));
  const [answer, setAnswer] = useState<{ key: string; answer: ImportAnswer } | null>(null);
  const [applying, setApplying] = useState(false);
  const [confirmRunning, setConfirmRunning] = useState(false);
  const [done, setDone] = useState<{ items: number; sessions: number; stopped: boolean } | null>(null);
  const [dragging, setDragging] = useState(false);
  const checkedSerial = useRef(0);

  const format = file ? formatOfFileName(file.file.name) : null;
  const spreadsheet = format === 'csv' || format === 'xlsx';
  const options: EventOptions = spreadsheet ? fields : {};
  const key = file ? JSON.stringify([file.serial, options]) : '';
  const current = answer !== null && answer.key === key ? answer.answer : null;
  const checking = file !== null && format !== null && current === null;

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, []);

  // Check the file (again) whenever it or the event's details change.
  useEffect(() => {
    if (!file || !format) return;
    let cancelled = false;
    const requestKey = key;
    // A new file is checked at once; edits to the event's details once typing pauses.
    const delay = checkedSerial.current === file.serial ? RECHECK_AFTER_MS : 0;
    const timer = setTimeout(() => {
      checkedSerial.current = file.serial;
      void sendImport(file.file, format, options, null).then((a) => {
        if (!cancelled) setAnswer({ key: requestKey, answer: a });
      });
    }, delay);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
    // `options` is derived from `fields` and `key` covers both.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const pick = (chosen: File | undefined) => {
    if (!chosen) return;
    setDone(null);
    setConfirmRunning(false);
    if (formatOfFileName(chosen.name) === null) {
      setUnsupported(chosen.name);
      setFile(null);
      return;
    }
    setUnsupported(null);
    setFile((prev) => ({ file: chosen, serial: (prev?.serial ?? 0) + 1 }));
  };

  const apply = async () => {
    if (!file || !format || !current?.ok) return;
    setApplying(true);
    const a = await sendImport(file.file, format, options, { confirmRunning: running && confirmRunning });
    setApplying(false);
    if (a.ok && a.body.summary) setDone({ items: a.body.summary.items, sessions: a.body.summary.sessions, stopped: running });
    else setAnswer({ key, answer: a });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    // The console's shortcuts listen on the window: nothing typed here may start or skip a speaker.
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    }
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    pick(e.dataTransfer.files[0]);
  };

  const body = current?.ok ? current.body : (current?.body ?? null);
  const refusal = current && !current.ok && (current.body === null || current.body.errors.length === 0) ? current.error : null;
  const canApply = !!current?.ok && current.body.ok && !applying && (!running || confirmRunning);
  const reportHref = withParam(links.report.html, 'lang', lang);

  return (
    <dialog ref={ref} className="aio-dialog" aria-labelledby={titleId} data-testid="agenda-import-dialog" onKeyDown={onKeyDown} onCancel={(e) => { e.preventDefault(); onClose(); }}>
      <div className="aio-dialog__head">
        <h2 id={titleId}>{t('agendaIo.dialog.title')}</h2>
        {/* One way out: this button until the import is done, then the footer's (Esc closes too). */}
        {!done && (
          <button type="button" className="aio-btn aio-btn--ghost" onClick={onClose} data-testid="agenda-import-close">
            {t('agendaIo.dialog.close')}
          </button>
        )}
      </div>

      {done ? (
        <div className="aio-dialog__body">
          <p className="aio-done" role="status" data-testid="agenda-import-done">
            {t('agendaIo.done', { items: done.items, sessions: done.sessions })}
            {done.stopped && <> {t('agendaIo.done.stopped')}</>}
          </p>
        </div>
      ) : (
        <div className="aio-dialog__body">
          <div
            className={`aio-drop${dragging ? ' aio-drop--over' : ''}`}
            data-testid="agenda-import-drop"
            onDragEnter={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragOver={(e) => e.preventDefault()}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
          >
            <label htmlFor={inputId} className="aio-btn aio-btn--primary">
              {t('agendaIo.choose')}
            </label>
            <input
              id={inputId}
              className="aio-file"
              type="file"
              accept={IMPORT_ACCEPT}
              data-testid="agenda-import-file"
              onChange={(e) => {
                pick(e.currentTarget.files?.[0]);
                e.currentTarget.value = '';
              }}
            />
            <span className="aio-drop__or">{t('agendaIo.drop')}</span>
            <p className="aio-drop__hint">{t('agendaIo.formats')}</p>
            {file && <p className="aio-drop__file" data-testid="agenda-import-filename">{t('agendaIo.file', { name: file.file.name })}</p>}
          </div>

          {unsupported !== null && (
            <p className="aio-alert aio-alert--error" role="alert" data-testid="agenda-import-unsupported">
              {t('agendaIo.unsupported', { name: unsupported })}
            </p>
          )}


          {checking && <p className="aio-muted" data-testid="agenda-import-checking">{t('agendaIo.checking')}</p>}
          {refusal && (
            <p className="aio-alert aio-alert--error" role="alert" data-testid="agenda-import-failed" data-code={refusal.code}>
              {t('agendaIo.failed', { reason: translateError(t, refusal) })}
            </p>
          )}
          {body && !checking && <ImportPreview agenda={body.agenda} summary={body.summary} errors={body.errors} warnings={body.warnings} />}

          {spreadsheet && (
            <fieldset className="aio-event">
              <legend>{t('agendaIo.event.legend')}</legend>
              <p className="aio-event__hint">{t('agendaIo.event.hint')}</p>
              <div className="aio-event__grid">
                {(['title', 'date', 'timezone', 'extraTimezones', 'languages'] as const).map((k) => (
                  <label key={k} className={`aio-field aio-field--${k}`}>
                    <span className="aio-field__label">
                      {t(`agendaIo.event.${k}`)}
                      {(k === 'extraTimezones' || k === 'languages') && <span className="aio-field__hint"> ({t('agendaIo.event.listHint')})</span>}
                    </span>
                    <input
                      type={k === 'date' ? 'date' : 'text'}
                      value={fields[k]}
                      data-testid={`agenda-import-option-${k}`}
                      onChange={(e) => {
                        const value = e.currentTarget.value;
                        setFields((f) => ({ ...f, [k]: value }));
                      }}
                    />
                  </label>
                ))}
              </div>
            </fieldset>
          )}

          {body?.ok && running && (
            <div className="aio-alert aio-alert--warn" data-testid="agenda-import-running">
              <p>{t('agendaIo.running')}</p>
              <label className="aio-check">
                <input type="checkbox" checked={confirmRunning} data-testid="agenda-import-confirm-running" onChange={(e) => setConfirmRunning(e.currentTarget.checked)} />
                {t('agendaIo.running.confirm')}
              </label>
            </div>
          )}
          {body?.ok && recorded > 0 && (
            <p className="aio-alert" data-testid="agenda-import-recorded">
              {t('agendaIo.recorded', { count: recorded })}{' '}
              <a href={reportHref} target="_blank" rel="noopener noreferrer">
                {t('agendaIo.recorded.open')}
              </a>
            </p>
          )}
        </div>
      )}

      <div className="aio-dialog__foot">
        <p className="aio-export">
          {t('agendaIo.export')}{' '}
          {(['csv', 'xlsx', 'json'] as const).map((f) => (
            <a key={f} href={links.export[f]} download data-testid={`agenda-export-${f}`} className="aio-export__link">
              {f.toUpperCase()}
            </a>
          ))}
        </p>
        {done ? (
          <button type="button" className="aio-btn aio-btn--primary" onClick={onClose} data-testid="agenda-import-finish">
            {t('agendaIo.dialog.close')}
          </button>
        ) : (
          <button type="button" className="aio-btn aio-btn--primary" disabled={!canApply} onClick={() => void apply()} data-testid="agenda-import-apply">
            {applying ? t('agendaIo.applying') : body?.summary ? t('agendaIo.apply', { items: body.summary.items }) : t('agendaIo.apply.none')}
          </button>
        )}
      </div>
    </dialog>
  );
}
