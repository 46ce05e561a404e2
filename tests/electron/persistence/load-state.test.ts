import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RostrumState } from '../../../shared/contract/state';
import { instant } from '../../../shared/time/instant';
import { sampleAgenda } from '../../../electron/app/sample-agenda';
import { initialState } from '../../../electron/engine/initial-state';
import { keepLastGood, lastGoodPath, openState } from '../../../electron/persistence/load-state';
import { parseSavedState } from '../../../electron/persistence/state-file-schema';
import type { StateStore } from '../../../electron/persistence/state-store';

const NOW = new Date('2026-11-29T06:30:15.250Z');

/** A minimal store over one JSON file, in the state file's format; load throws on a bad file, as the real ones do. */
function fileStore(path: string): StateStore {
  return {
    path,
    load: () => {
      if (!existsSync(path)) return undefined;
      const file = JSON.parse(readFileSync(path, 'utf8')) as { state?: unknown };
      return file.state === undefined ? undefined : parseSavedState(file.state);
    },
    save: (state) => writeFileSync(path, JSON.stringify({ formatVersion: 1, state })),
  };
}

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'rostrum-load-state-'));
  const path = join(dir, 'state.json');
  const open = () => openState(() => fileStore(path), path, sampleAgenda(), NOW);
  return { dir, path, open };
}

const edited = (): RostrumState => ({ ...initialState(sampleAgenda(), 41), messages: { speaker: null, booth: { text: 'Handover', sentAt: instant(NOW.getTime() - 60_000) } } });

describe('openState: a state file that cannot be read is never lost silently', () => {
  it('opens the sample on a fresh data dir, without a warning', () => {
    const { open, path } = setup();
    const opened = open();
    expect(opened.warning).toBeNull();
    expect(opened.state.agenda).toEqual(sampleAgenda());
    expect(existsSync(lastGoodPath(path))).toBe(false);
  });

  it('keeps a copy of a state file once the start completes, as the last good copy; not at load', () => {
    const { open, path } = setup();
    fileStore(path).save(edited());
    expect(open().state).toEqual(edited());
    expect(existsSync(lastGoodPath(path))).toBe(false);
    keepLastGood(path);
    expect(readFileSync(lastGoodPath(path), 'utf8')).toBe(readFileSync(path, 'utf8'));
  });

  it('moves a truncated file aside with a timestamp and loads the last good copy, saved at once', () => {
    const { open, path, dir } = setup();
    fileStore(path).save(edited());
    open();
    keepLastGood(path); // as a complete start does
    const whole = readFileSync(path, 'utf8');
    const truncated = whole.slice(0, whole.length / 2);
    writeFileSync(path, truncated);

    const opened = open();
    const aside = join(dir, 'state.json.corrupt-2026-11-29T06-30-15-250Z');
    expect(readFileSync(aside, 'utf8')).toBe(truncated);
    expect(opened.state).toEqual(edited());
    expect(opened.warning).toContain(aside);
    expect(opened.warning).toMatch(/last good copy .*revision 41/);
    // Saved: a crash before the next command still finds it.
    expect(fileStore(path).load()).toEqual(edited());
  });

  it.each([
    ['truncated JSON', (s: string) => s.slice(0, 100)],
    ['an empty file', () => ''],
    ['JSON that is not a Rostrum state', () => JSON.stringify({ formatVersion: 1, state: { revision: 'twelve' } })],
  ])('falls back to the sample, with a warning, on %s without a last good copy', (_name, corrupt) => {
    const { open, path, dir } = setup();
    fileStore(path).save(edited());
    writeFileSync(path, corrupt(readFileSync(path, 'utf8')));
    const opened = open();
    expect(opened.state.agenda).toEqual(sampleAgenda());
    expect(opened.state.revision).toBe(0);
    expect(opened.warning).toMatch(/could not be read .* moved to .*corrupt-2026-11-29T06-30-15-250Z and the sample event was loaded/);
    expect(readdirSync(dir).filter((f) => f.includes('.corrupt-'))).toHaveLength(1);
  });

  it('falls back to the sample when the last good copy cannot be read either', () => {
    const { open, path } = setup();
    writeFileSync(path, '{"formatVersion":1,"sta');
    writeFileSync(lastGoodPath(path), 'not json');
    const opened = open();
    expect(opened.state.agenda).toEqual(sampleAgenda());
    expect(opened.warning).toMatch(/sample event was loaded/);
  });
});
