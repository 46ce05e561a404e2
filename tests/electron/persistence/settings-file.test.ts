import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { confSettingsStore } from '../../../electron/persistence/conf-store';
import { electronStoreSettingsStore } from '../../../electron/shell/electron-store-adapter';
import { securePrivateDir } from '../../../electron/persistence/private-files';
import { DEFAULT_OSC_SETTINGS } from '../../../shared/contract/osc';
import { DEFAULT_PORT, SETTINGS_VERSION, parseSetting } from '../../../electron/persistence/settings-schema';

const NOW = new Date('2026-12-06T03:10:00.000Z');
const STAMP = '2026-12-06T03-10-00-000Z';
const TOKENS = { control: 'control-0123456789', booth: 'booth-0123456789', view: 'view-0123456789' };

function dataDirWith(content: string | null) {
  const dir = mkdtempSync(join(tmpdir(), 'rostrum-settings-'));
  const path = join(dir, 'settings.json');
  if (content !== null) writeFileSync(path, content);
  return { dir, path };
}
const onDisk = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
const mode = (path: string) => statSync(path).mode & 0o777;

describe.each([
  ['conf (headless)', confSettingsStore],
  ['electron-store (the app)', electronStoreSettingsStore],
])('settings.json through %s (issue 14 §4, issue 16)', (_name, openStore) => {
  it('settings-truncated: a truncated file is moved aside and named in a warning, keeping the tokens still readable in it', () => {
    const whole = JSON.stringify({ version: 1, tokens: TOKENS, port: 4901, osc: { on: true, port: 9000, allow: [], feedback: null } });
    // Cut inside the OSC part: the tokens are whole, the rest is lost.
    const truncated = whole.slice(0, whole.indexOf('"osc"') + 12);
    const { dir, path } = dataDirWith(truncated);
    const settings = openStore(dir, NOW);
    const aside = join(dir, `settings.json.corrupt-${STAMP}`);
    expect(readFileSync(aside, 'utf8')).toBe(truncated);
    expect(mode(aside)).toBe(0o600);
    expect(settings.warnings).toHaveLength(1);
    expect(settings.warnings[0]).toContain(`The settings file ${path} could not be read (`);
    expect(settings.warnings[0]).toContain(`moved to ${aside}`);
    expect(settings.warnings[0]).toMatch(/except the control, booth, view tokens, recovered from it/);
    expect(settings.get('tokens')).toEqual(TOKENS);
    expect(settings.lostTokens.size).toBe(0);
    expect(settings.get('port')).toBe(DEFAULT_PORT);
    expect(onDisk(path)).toEqual({ tokens: TOKENS, version: SETTINGS_VERSION });
  });

  it('settings-truncated: an empty file or one that is not an object is treated the same, and lost tokens are listed', () => {
    for (const content of ['', '[1,2]', '"tokens"', '{"tokens":{"control":"control-01']) {
      const { dir } = dataDirWith(content);
      const settings = openStore(dir, NOW);
      expect(readdirSync(dir)).toContain(`settings.json.corrupt-${STAMP}`);
      expect(settings.warnings[0]).toMatch(/could not be read/);
      expect([...settings.lostTokens.keys()]).toEqual(['control', 'booth', 'view']);
    }
  });

  it('settings-wrong-typed: wrong fields fall back to their defaults, named; the file is kept as it was and repaired', () => {
    const original = JSON.stringify({ tokens: 'abc', osc: { on: 'x', port: -5, allow: ['127.0.0.1'] }, port: 'http', lanMode: true });
    const { dir, path } = dataDirWith(original);
    const settings = openStore(dir, NOW);
    // OSC stays off on its default port; the valid parts around the bad ones are kept.
    expect(settings.get('osc')).toEqual({ ...DEFAULT_OSC_SETTINGS, allow: ['127.0.0.1'] });
    expect(settings.get('port')).toBe(DEFAULT_PORT);
    expect(settings.get('lanMode')).toBe(true);
    const copy = join(dir, `settings.json.invalid-${STAMP}`);
    expect(readFileSync(copy, 'utf8')).toBe(original);
    expect(mode(copy)).toBe(0o600);
    expect(settings.warnings).toHaveLength(1);
    const [warning] = settings.warnings;
    expect(warning).toContain(`Settings in ${path} were not valid and are back to their defaults`);
    expect(warning).toMatch(/port: must be a whole number|port: Invalid input/);
    expect(warning).toContain('osc.on: ');
    expect(warning).toContain('osc.port: must be a port from 1 to 65535 (it was -5), so 8000');
    expect(warning).toContain('osc.on: Invalid input: expected boolean, received string (it was "x"), so false');
    expect(warning).toContain(copy);
    // Tokens are not dropped quietly: each role's is listed, with why, for resolveTokens to say loudly.
    expect([...settings.lostTokens.keys()]).toEqual(['control', 'booth', 'view']);
    expect(settings.lostTokens.get('booth')).toMatch(/is not valid: must be an object with control, booth, view \(it was "abc"\)/);
    // Repaired: the next open is clean.
    expect(onDisk(path)).toEqual({ osc: { allow: ['127.0.0.1'] }, lanMode: true, version: SETTINGS_VERSION });
    const again = openStore(dir, NOW);
    expect(again.warnings).toEqual([]);
  });

  it('settings-token-invalid: one bad token is listed; the valid ones beside it are kept', () => {
    const { dir } = dataDirWith(JSON.stringify({ version: 1, tokens: { ...TOKENS, booth: 'short' } }));
    const settings = openStore(dir, NOW);
    expect(settings.get('tokens')).toEqual({ control: TOKENS.control, view: TOKENS.view });
    expect([...settings.lostTokens.keys()]).toEqual(['booth']);
    expect(settings.lostTokens.get('booth')).toMatch(/must be 8 to 200 URL-safe characters .*\(it was "short"\)/);
  });

  it('settings-newer-version: a file from a newer Rostrum loads what this version understands, warns, and is left as it is', () => {
    const content = JSON.stringify({ version: 7, tokens: TOKENS, port: 4901, osc: { on: 'sometimes' }, theme: 'dark' });
    const { dir, path } = dataDirWith(content);
    const settings = openStore(dir, NOW);
    expect(settings.get('tokens')).toEqual(TOKENS);
    expect(settings.get('port')).toBe(4901);
    expect(settings.get('osc')).toEqual(DEFAULT_OSC_SETTINGS);
    expect(settings.warnings[0]).toMatch(/written by a newer Rostrum \(settings version 7; this one reads version 1\)/);
    expect(settings.warnings[1]).toMatch(/osc\.on: /);
    expect(readFileSync(path, 'utf8')).toBe(content);
  });

  it('settings-mode-600: the file is owner-only, also when an earlier version left it world-readable', () => {
    const { dir, path } = dataDirWith(JSON.stringify({ version: 1, tokens: TOKENS }));
    chmodSync(path, 0o644);
    openStore(dir, NOW);
    expect(mode(path)).toBe(0o600);
    const fresh = dataDirWith(null);
    openStore(fresh.dir, NOW).set('port', 4902);
    expect(mode(fresh.path)).toBe(0o600);
  });
});

describe('settings are read through the schema, never cast', () => {
  it('keeps the good parts of an object field and drops the bad ones', () => {
    expect(parseSetting('osc', { on: true, port: 65531, feedback: 'nowhere' })).toMatchObject({ value: { on: true, port: 65531 }, problems: [{ path: 'osc.feedback' }] });
    expect(parseSetting('lanMode', 'yes').value).toBeUndefined();
    expect(parseSetting('windows', { speaker: {} }).value).toEqual({ speaker: {} });
  });
});

describe('the data dir (issue 14 §8)', () => {
  it('settings-mode-600: is made 700, its state files 600, for a new dir and an existing one', () => {
    const parent = mkdtempSync(join(tmpdir(), 'rostrum-private-'));
    const fresh = join(parent, 'new', 'Rostrum');
    expect(securePrivateDir(fresh, [])).toBeNull();
    expect(mode(fresh)).toBe(0o700);

    const existing = join(parent, 'old');
    mkdirSync(existing, { mode: 0o755 });
    chmodSync(existing, 0o755);
    const state = join(existing, 'state.json');
    writeFileSync(state, '{}', { mode: 0o644 });
    chmodSync(state, 0o644);
    expect(securePrivateDir(existing, [state, join(existing, 'state.json.last-good')])).toBeNull();
    expect(mode(existing)).toBe(0o700);
    expect(mode(state)).toBe(0o600);
  });
});
