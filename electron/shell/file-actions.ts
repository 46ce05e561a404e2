import { dialog, type BrowserWindow, type FileFilter, type MessageBoxOptions } from 'electron';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { CONFIRM_RUNNING, type ExportFormat, type ImportFormat, type ReportFormat } from '../../shared/agenda-io/import-types';
import type { ImportProblem } from '../../shared/agenda-io/problems';
import { apiError, type ApiError } from '../../shared/contract/errors';
import { exportAgenda } from '../agenda-io/export-agenda';
import { importAgenda } from '../agenda-io/import-agenda';
import { reportFile } from '../report/report-file';
import type { RostrumCore } from '../server/core';
import { problemText } from '../../shared/agenda-io/problem-text';
import type { ShellStrings } from './strings';

export interface FileActionsOptions {
  /** The core the routes serve: the menu acts on it directly, with the control role, like the Session menu. */
  core: RostrumCore;
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
 * The File menu: agenda import and export and the timing report, through the same functions the
 * HTTP routes call (POST /api/v1/agenda/import, GET /api/v1/agenda/export, GET /api/v1/report):
 * directly on the core with the control role, as the Session menu runs its commands, with native
 * open/save dialogs. The shell is the core's own process: it needs no token and no round trip.
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
      const { where, what } = problemText(o.strings.view, p);
      return where ? `${where}: ${what}` : what;
    });
    if (problems.length > LISTED) lines.push(t('shell.dialog.andMore', { count: problems.length - LISTED }));
    return lines.join('\n');
  };

  /** Asks where to save, makes the file (format from the chosen name's extension) and writes it. */
  async function download<F extends string>(title: string, defaultName: string, filters: (FileFilter & { format: F })[], make: (format: F) => Promise<Uint8Array>): Promise<FileOutcome> {
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
    try {
      await writeFile(file, await make(format));
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
      const send = (apply: { confirmRunning: boolean } | null) =>
        // A copy each time: the reader moves the bytes it is given to its worker.
        importAgenda(o.core, { format, bytes: Buffer.from(bytes), options: {}, apply: apply !== null, confirm: apply?.confirmRunning ? CONFIRM_RUNNING : null }, 'control');

      const preview = await send(null);
      if (!preview.ok) return failed(preview.error);
      const p = preview.response;
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
          { name: t('shell.dialog.filterXlsx'), extensions: ['xlsx'], format: 'xlsx' as ExportFormat },
          { name: t('shell.dialog.filterCsv'), extensions: ['csv'], format: 'csv' as ExportFormat },
          { name: t('shell.dialog.filterJson'), extensions: ['json'], format: 'json' as ExportFormat },
        ],
        async (format) => (await exportAgenda(o.core.state.agenda, format)).body,
      ),

    /** File ▸ Export report…: the timing report as of now, in the shell's language. */
    exportReport: (): Promise<FileOutcome> =>
      download(
        t('shell.dialog.exportReportTitle'),
        'timing-report.html',
        [
          { name: t('shell.dialog.filterHtml'), extensions: ['html'], format: 'html' as ReportFormat },
          { name: t('shell.dialog.filterCsv'), extensions: ['csv'], format: 'csv' as ReportFormat },
          { name: t('shell.dialog.filterJson'), extensions: ['json'], format: 'json' as ReportFormat },
        ],
        (format) => Promise.resolve(reportFile(o.core.state, o.core.clock.now(), format, o.strings.language).body),
      ),
  };
}

export type FileActions = ReturnType<typeof fileActions>;
