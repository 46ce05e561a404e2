import { dialog, type BrowserWindow, type FileFilter, type MessageBoxOptions } from 'electron';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { CONFIRM_RUNNING, type ImportFormat, type ImportResponse } from '../../shared/agenda-io/import-types';
import type { ImportProblem } from '../../shared/agenda-io/problems';
import { apiError, type ApiError } from '../../shared/contract/errors';
import { API_PREFIX } from '../../shared/contract/http';
import { en, type MessageKey } from '../../renderer/i18n/en';
import type { ShellStrings } from './strings';

export interface FileActionsOptions {
  /** The local server's origin. */
  serverUrl: string;
  /** The control token now: read on every request, as the console may rotate it at any time. */
  controlToken: () => string;
  strings: ShellStrings;
  /** The window dialogs belong to (the focused one), if any. */
  parent: () => BrowserWindow | null;
}

/** What a File action ended with (for the tests; the user sees dialogs). */
export type FileOutcome = 'done' | 'canceled' | 'refused' | 'failed';

const IMPORT_EXTENSIONS: Record<string, ImportFormat> = { csv: 'csv', xlsx: 'xlsx', json: 'json', yaml: 'yaml', yml: 'yaml' };
export const importFormatOf = (path: string): ImportFormat | null => IMPORT_EXTENSIONS[extname(path).slice(1).toLowerCase()] ?? null;

/** At most this many problems are listed in a dialog. */
const LISTED = 8;

/**
 * A problem in the shell's language, in the console's own words (the agendaIo strings of
 * renderer/views/moderator/agenda-io/problem-text.ts, which the main process cannot import: it is DOM code).
 */
function problemText(strings: ShellStrings, p: ImportProblem): { where: string; what: string } {
  const v = strings.view;
  const where =
    p.row !== null
      ? p.column
        ? v('agendaIo.at.row', { row: p.row, column: p.column })
        : v('agendaIo.at.rowOnly', { row: p.row })
      : p.line !== null
        ? v('agendaIo.at.line', { line: p.line, column: p.column })
        : p.column;
  const key = `agendaIo.problem.${p.kind}`;
  // A kind this build does not know (a newer server) shows the server's English message.
  const what = Object.hasOwn(en, key) ? v(key as MessageKey, { value: p.value, detail: p.detail, message: p.message }) : p.message;
  return { where, what };
}

type Answer<T> = { ok: true; body: T } | { ok: false; error: ApiError; body: unknown };

/**
 * The File menu: agenda import and export and the timing report, through the same HTTP routes
 * the moderator view uses (POST /api/v1/agenda/import, GET /api/v1/agenda/export,
 * GET /api/v1/report), with the control token, and native open/save dialogs.
 */
export function fileActions(o: FileActionsOptions) {
  const { t } = o.strings;

  const box = async (options: MessageBoxOptions) => {
    const parent = o.parent();
    return parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options);
  };
  const failed = async (error: Pick<ApiError, 'code' | 'message'>): Promise<FileOutcome> => {
    await box({ type: 'error', message: t('shell.dialog.fileFailed'), detail: o.strings.error(error), buttons: [t('shell.dialog.ok')] });
    return 'failed';
  };
  const listed = (problems: readonly ImportProblem[]) => {
    const lines = problems.slice(0, LISTED).map((p) => {
      const { where, what } = problemText(o.strings, p);
      return where ? `${where}: ${what}` : what;
    });
    if (problems.length > LISTED) lines.push(t('shell.dialog.andMore', { count: problems.length - LISTED }));
    return lines.join('\n');
  };

  async function call<T>(path: string, init: RequestInit, read: (res: Response) => Promise<T>): Promise<Answer<T>> {
    let res: Response;
    try {
      const auth = { authorization: `Bearer ${o.controlToken()}` };
      res = await fetch(`${o.serverUrl}${API_PREFIX}${path}`, { ...init, headers: { ...auth, ...init.headers } });
    } catch (error) {
      return { ok: false, error: apiError('offline', (error as Error).message), body: null };
    }
    if (res.ok) return { ok: true, body: await read(res) };
    const body = (await res.json().catch(() => null)) as { error?: ApiError } | null;
    return { ok: false, error: body?.error ?? apiError('internal', `HTTP ${res.status}`), body };
  }

  /** Asks where to save, downloads `path` (format from the chosen name's extension) and writes it. */
  async function download(title: string, defaultName: string, filters: (FileFilter & { format: string })[], path: (format: string) => string): Promise<FileOutcome> {
    const parent = o.parent();
    const options = { title, defaultPath: defaultName, filters: filters.map(({ name, extensions }) => ({ name, extensions })) };
    const chosen = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    if (chosen.canceled || !chosen.filePath) return 'canceled';
    let file = chosen.filePath;
    let format = filters.find((f) => f.extensions.includes(extname(file).slice(1).toLowerCase()))?.format;
    if (format === undefined) {
      format = filters[0]!.format;
      file = `${file}.${filters[0]!.extensions[0]}`;
    }
    const answer = await call(path(format), {}, async (res) => Buffer.from(await res.arrayBuffer()));
    if (!answer.ok) return failed(answer.error);
    try {
      await writeFile(file, answer.body);
    } catch (error) {
      return failed(apiError('internal', (error as Error).message));
    }
    return 'done';
  }

  return {
    /** File ▸ Import agenda…: choose a file, check it (the route's preview), confirm, import. */
    async importAgenda(): Promise<FileOutcome> {
      const parent = o.parent();
      const options = {
        title: t('shell.dialog.importTitle'),
        properties: ['openFile' as const],
        filters: [{ name: t('shell.dialog.agendaFiles'), extensions: Object.keys(IMPORT_EXTENSIONS) }],
      };
      const chosen = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      const file = chosen.filePaths[0];
      if (chosen.canceled || file === undefined) return 'canceled';
      const name = basename(file);
      const format = importFormatOf(file);
      if (format === null) {
        await box({ type: 'error', message: t('shell.dialog.unsupported', { name }), buttons: [t('shell.dialog.ok')] });
        return 'refused';
      }
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch (error) {
        return failed(apiError('internal', (error as Error).message));
      }
      const send = (apply: { confirmRunning: boolean } | null) => {
        const params = new URLSearchParams({ format });
        if (apply) params.set('apply', 'true');
        if (apply?.confirmRunning) params.set('confirm', CONFIRM_RUNNING);
        return call(`/agenda/import?${params}`, { method: 'POST', body: bytes, headers: { 'content-type': 'application/octet-stream' } }, async (res) => (await res.json()) as ImportResponse);
      };

      const preview = await send(null);
      if (!preview.ok) return failed(preview.error);
      const p = preview.body;
      if (!p.ok || p.summary === null) {
        await box({ type: 'error', message: t('shell.dialog.importErrors', { name, count: p.errors.length }), detail: listed(p.errors), buttons: [t('shell.dialog.ok')] });
        return 'refused';
      }
      const detail = [
        ...(p.running ? [t('shell.dialog.importRunning')] : []),
        ...(p.recordedItems > 0 ? [t('shell.dialog.importRecorded', { count: p.recordedItems })] : []),
        ...(p.warnings.length > 0 ? [t('shell.dialog.importWarnings', { count: p.warnings.length }), listed(p.warnings)] : []),
      ];
      const confirm = await box({
        type: p.running || p.recordedItems > 0 ? 'warning' : 'question',
        message: t('shell.dialog.importConfirm', { name, items: p.summary.items, sessions: p.summary.sessions }),
        ...(detail.length > 0 ? { detail: detail.join('\n\n') } : {}),
        buttons: [t('shell.dialog.importButton'), t('shell.dialog.cancel')],
        defaultId: 0,
        cancelId: 1,
      });
      if (confirm.response !== 0) return 'canceled';

      const applied = await send({ confirmRunning: p.running });
      if (!applied.ok) return failed(applied.error);
      await box({ type: 'info', message: t('shell.dialog.importDone', { items: p.summary.items, sessions: p.summary.sessions }), buttons: [t('shell.dialog.ok')] });
      return 'done';
    },

    /** File ▸ Export agenda…: the agenda in the columns import reads (Excel, CSV or JSON). */
    exportAgenda: (): Promise<FileOutcome> =>
      download(
        t('shell.dialog.exportAgendaTitle'),
        'agenda.xlsx',
        [
          { name: t('shell.dialog.filterXlsx'), extensions: ['xlsx'], format: 'xlsx' },
          { name: t('shell.dialog.filterCsv'), extensions: ['csv'], format: 'csv' },
          { name: t('shell.dialog.filterJson'), extensions: ['json'], format: 'json' },
        ],
        (format) => `/agenda/export?format=${format}`,
      ),

    /** File ▸ Export report…: the timing report as of now, in the shell's language. */
    exportReport: (): Promise<FileOutcome> =>
      download(
        t('shell.dialog.exportReportTitle'),
        'timing-report.html',
        [
          { name: t('shell.dialog.filterHtml'), extensions: ['html'], format: 'html' },
          { name: t('shell.dialog.filterCsv'), extensions: ['csv'], format: 'csv' },
          { name: t('shell.dialog.filterJson'), extensions: ['json'], format: 'json' },
        ],
        (format) => `/report?format=${format}&lang=${o.strings.language}&download=1`,
      ),
  };
}

export type FileActions = ReturnType<typeof fileActions>;
