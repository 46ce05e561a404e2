import type { MenuItemConstructorOptions } from 'electron';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { importFormatOf } from '../../../electron/shell/file-actions';
import { Menu, dialog } from './electron-mock';
import { TOKENS, startShell, tempDir } from './shell-helpers';

const REHEARSAL = {
  title: 'Rehearsal',
  date: '2026-11-29',
  timezone: 'Europe/Berlin',
  languages: ['en'],
  sessions: [
    {
      id: 's',
      title: 'Only',
      moderatorLanguage: 'en',
      plannedStart: '10:00',
      plannedEnd: '10:30',
      items: [{ id: 'a', title: 'Talk', kind: 'talk', language: 'en', durationSec: 600 }],
    },
  ],
};

/** Writes a file the user will pick in the open dialog. */
function agendaFile(name: string, content: string): string {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [path] });
  return path;
}

/** The user answers the next message box with button `response` (0: Import, 1: Cancel). */
const answerNextBox = (response: number) => dialog.showMessageBox.mockResolvedValueOnce({ response, checkboxChecked: false });

const messages = () => dialog.showMessageBox.mock.calls.map((c) => (c.at(-1) as { message: string }).message);

describe('File menu (import/export through the HTTP routes of the local server)', () => {
  it('File: import agenda, export agenda, export report (and quit), each wired to its action', async () => {
    const shell = await startShell();
    const file = (Menu.current?.template as MenuItemConstructorOptions[]).find((m) => m.id === 'file');
    const items = (file?.submenu as MenuItemConstructorOptions[]).filter((i) => i.id);
    expect(items.map((i) => i.id)).toEqual(['file.importAgenda', 'file.exportAgenda', 'file.exportReport', 'app.quit']);
    for (const action of ['importAgenda', 'exportAgenda', 'exportReport'] as const) {
      const spy = vi.spyOn(shell.files, action).mockResolvedValue('canceled');
      (items.find((i) => i.id === `file.${action}`)?.click as () => void)();
      expect(spy, action).toHaveBeenCalledTimes(1);
    }
    expect(importFormatOf('/x/Agenda.YML')).toBe('yaml');
    expect(importFormatOf('/x/agenda.txt')).toBeNull();
  });

  it('Import agenda…: checks the file, asks, then imports it', async () => {
    const shell = await startShell();
    agendaFile('rehearsal.json', JSON.stringify(REHEARSAL));
    answerNextBox(0);
    expect(await shell.files.importAgenda()).toBe('done');
    expect(shell.running.core.state.agenda.title).toBe('Rehearsal');
    expect(shell.running.core.state.clock.currentItemId).toBe('a');
    expect(messages()).toEqual(['Import 1 items in 1 sessions from “rehearsal.json”?', 'Agenda imported: 1 items in 1 sessions.']);
  });

  it('…changes nothing when the user cancels, or the file has errors, or is no agenda file', async () => {
    const shell = await startShell();
    const before = shell.running.core.state.revision;
    agendaFile('rehearsal.json', JSON.stringify(REHEARSAL));
    answerNextBox(1);
    expect(await shell.files.importAgenda()).toBe('canceled');

    agendaFile('broken.csv', 'title,duration\nTalk,fifteen\n');
    expect(await shell.files.importAgenda()).toBe('refused');
    expect(messages().at(-1)).toMatch(/^“broken\.csv” cannot be imported: 1 error\. Nothing was changed\.$/);

    agendaFile('notes.txt', 'hello');
    expect(await shell.files.importAgenda()).toBe('refused');
    expect(messages().at(-1)).toBe('“notes.txt” is not a file Rostrum reads: use .csv, .xlsx, .json or .yaml.');

    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await shell.files.importAgenda()).toBe('canceled');
    expect(shell.running.core.state.revision).toBe(before);
  });

  it('…while an item is running: warns that the clock stops, and imports only when confirmed', async () => {
    const shell = await startShell();
    shell.running.core.execute({ type: 'start', expectedItemId: 'open-local-gov' }, 'control');
    agendaFile('rehearsal.json', JSON.stringify(REHEARSAL));
    answerNextBox(0);
    expect(await shell.files.importAgenda()).toBe('done');
    const confirm = dialog.showMessageBox.mock.calls[0]?.at(-1) as { detail: string; type: string };
    expect(confirm.type).toBe('warning');
    expect(confirm.detail).toContain('the clock stops');
    expect(shell.running.core.state.agenda.title).toBe('Rehearsal');
  });

  it.each([
    ['agenda.csv', '/api/v1/agenda/export?format=csv'],
    ['agenda.json', '/api/v1/agenda/export?format=json'],
  ] as const)('Export agenda… as %s: saves exactly what the route serves', async (name, route) => {
    const shell = await startShell();
    const target = join(tempDir(), name);
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    expect(await shell.files.exportAgenda()).toBe('done');
    const served = Buffer.from(await (await fetch(`${shell.running.url}${route}`, { headers: { authorization: `Bearer ${TOKENS.control}` } })).arrayBuffer());
    expect(served.length).toBeGreaterThan(0);
    expect(readFileSync(target).equals(served)).toBe(true);
  });

  it('Export report…: the timing report as a page, in the shell\'s language, or as CSV', async () => {
    const shell = await startShell();
    const dir = tempDir();
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(dir, 'report.html') });
    expect(await shell.files.exportReport()).toBe('done');
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('lang="en"');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(dir, 'report.csv') });
    expect(await shell.files.exportReport()).toBe('done');
    const served = Buffer.from(await (await fetch(`${shell.running.url}/api/v1/report?format=csv`, { headers: { authorization: `Bearer ${TOKENS.control}` } })).arrayBuffer());
    expect(readFileSync(join(dir, 'report.csv')).equals(served)).toBe(true);
  });

  it('a name without a known extension gets the first format\'s; a cancelled save writes nothing', async () => {
    const shell = await startShell();
    const dir = tempDir();
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(dir, 'report') });
    expect(await shell.files.exportReport()).toBe('done');
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toMatch(/^<!doctype html>/i);
    expect(await shell.files.exportAgenda()).toBe('canceled');
  });

  it('after the console rotated the control token: import and export still work, with the new token', async () => {
    const shell = await startShell();
    const res = await fetch(`${shell.running.url}/api/v1/tokens/rotate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKENS.control}`, 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'control' }),
    });
    expect(res.status).toBe(200);
    expect(shell.running.tokens.control).not.toBe(TOKENS.control);

    const target = join(tempDir(), 'agenda.json');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    expect(await shell.files.exportAgenda()).toBe('done');
    expect(JSON.parse(readFileSync(target, 'utf8'))).toMatchObject({ sessions: expect.any(Array) });
    agendaFile('rehearsal.json', JSON.stringify(REHEARSAL));
    answerNextBox(0);
    expect(await shell.files.importAgenda()).toBe('done');
    expect(shell.running.core.state.agenda.title).toBe('Rehearsal');
    expect(messages().some((m) => m === 'That did not work')).toBe(false);
  });
});
