import { chmodSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { apiClient } from '../helpers/api-client';
import { startServer, tempDataDir, type StartOptions, type StartedServer } from '../helpers/server-process';

/**
 * Issue 14 §4 and §8 against the built server: a bad settings.json or state.json never stops the
 * start or kills display links silently, the last good copy is only taken by a start that completed,
 * the data dir is owner-only, and two roles can never share a token.
 */
const running: StartedServer[] = [];
const blockers: Server[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) if (s.process.exitCode === null && s.process.signalCode === null) await s.kill();
  for (const b of blockers.splice(0)) await new Promise((r) => b.close(r));
});
const start = async (options: StartOptions) => {
  const s = await startServer(options);
  running.push(s);
  return s;
};
/** Starts on the data dir's own saved tokens (no token flags), as a technician's restart does. */
const startSaved = (dataDir: string, options: StartOptions = {}) => start({ tokens: null, dataDir, ...options });

const mode = (path: string) => statSync(path).mode & 0o777;
const warnings = (s: StartedServer) => s.output().split('\n').filter((l) => l.startsWith('WARNING'));
const boothStatus = async (url: string, token: string) => (await apiClient(url, token).command({ type: 'booth.request', booth: 'Booth A', kind: 'slow-down' })).status;
const controlStatus = async (url: string, token: string) => (await apiClient(url, token).command({ type: 'message.booth', text: 'check' })).status;

describe('settings.json (issue 14 §4)', () => {
  it('settings-truncated: a truncated file is moved aside and named; the tokens still in it keep their links working', async () => {
    const first = await startSaved(tempDataDir());
    const before = first.tokens;
    await first.stop();
    const path = join(first.dataDir, 'settings.json');
    const whole = readFileSync(path, 'utf8');
    // Cut inside the view token: control and booth are whole, view is lost.
    const truncated = whole.slice(0, whole.indexOf('"view"') + 12);
    writeFileSync(path, truncated);

    const second = await startSaved(first.dataDir);
    const [aside] = readdirSync(second.dataDir).filter((f) => f.startsWith('settings.json.corrupt-'));
    expect(readFileSync(join(second.dataDir, aside!), 'utf8')).toBe(truncated);
    const lines = warnings(second);
    expect(lines[0]).toMatch(new RegExp(`^WARNING: The settings file ${path.replace(/[.]/g, '\\.')} could not be read \\(.+\\); it was moved to .*${aside!.replace(/[.]/g, '\\.')}`));
    expect(lines[0]).toContain('except the control, booth tokens, recovered from it.');
    expect(lines[1]).toMatch(/^WARNING: The view token saved in .*settings\.json could not be read from the damaged file .*A new view token was generated and saved: every speaker link made before no longer works/);
    expect(second.output().indexOf('WARNING')).toBeLessThan(second.output().indexOf('Rostrum ready'));
    // The recovered tokens still open their views; the console shows the warning.
    expect(second.tokens.control).toBe(before.control);
    expect(second.tokens.booth).toBe(before.booth);
    expect(second.tokens.view).not.toBe(before.view);
    expect(await controlStatus(second.url, before.control)).toBe(200);
    expect(await boothStatus(second.url, before.booth)).toBe(200);
    expect((await apiClient(second.url, before.control).state()).startupWarning).toContain(aside);

    // The next start is clean and keeps the new view token.
    await second.stop();
    const third = await startSaved(second.dataDir);
    expect(warnings(third)).toEqual([]);
    expect(third.tokens).toEqual(second.tokens);
  });

  it('settings-wrong-typed: wrong fields fall back to their defaults with a warning; OSC stays off; lost tokens are announced', async () => {
    const dataDir = tempDataDir();
    writeFileSync(join(dataDir, 'settings.json'), '{"tokens":"abc","osc":{"on":"x","port":-5}}');
    const s = await startSaved(dataDir);
    expect(s.output()).not.toContain('osc in');
    const lines = warnings(s);
    expect(lines.find((l) => l.includes('were not valid and are back to their defaults'))).toMatch(/osc\.on: .*\(it was "x"\), so false; osc\.port: must be a port from 1 to 65535 \(it was -5\), so 8000.*kept as .*settings\.json\.invalid-/);
    // One line for the three tokens, naming every kind of link that stops working.
    expect(lines.find((l) => l.startsWith('WARNING: The control, booth and view tokens saved in'))).toMatch(
      /is not valid: must be an object with control, booth, view \(it was "abc"\).*New control, booth and view tokens were generated and saved: every moderator, speaker and booth link made before no longer works/,
    );
    const osc = (await (await fetch(`${s.url}/api/v1/network/osc`, { headers: { authorization: `Bearer ${s.tokens.control}` } })).json()) as { settings: { on: boolean; port: number } };
    expect(osc.settings).toMatchObject({ on: false, port: 8000 });
    await s.stop();
    const again = await startSaved(dataDir);
    expect(warnings(again)).toEqual([]);
    expect(again.tokens).toEqual(s.tokens);
  });

  it('settings-newer-version: a file from a newer Rostrum starts with its tokens and a warning, and is left as it is', async () => {
    const dataDir = tempDataDir();
    const tokens = { control: 'control-newer-0001', booth: 'booth-newer-0001', view: 'view-newer-0001' };
    const content = JSON.stringify({ version: 2, tokens, lanMode: 'sometimes', future: { x: 1 } });
    writeFileSync(join(dataDir, 'settings.json'), content);
    const s = await startSaved(dataDir);
    expect(s.tokens).toEqual(tokens);
    expect(warnings(s)[0]).toMatch(/written by a newer Rostrum \(settings version 2; this one reads version 1\)/);
    expect(warnings(s)[1]).toMatch(/lanMode: /);
    expect(readFileSync(join(dataDir, 'settings.json'), 'utf8')).toBe(content);
  });
});

describe('the data dir is private (issue 14 §8)', () => {
  it('settings-mode-600: a new data dir is 700 with 600 files', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'rostrum-private-')), 'Rostrum');
    const first = await startSaved(dataDir);
    await first.stop();
    const second = await startSaved(dataDir);
    expect(mode(dataDir)).toBe(0o700);
    for (const file of ['settings.json', 'state.json', 'state.json.last-good']) expect(mode(join(dataDir, file)), file).toBe(0o600);
    await second.stop();
  });

  it('settings-mode-600: an existing world-readable data dir and its files are made private', async () => {
    const first = await startSaved(tempDataDir());
    await first.stop();
    chmodSync(first.dataDir, 0o755);
    for (const file of ['settings.json', 'state.json']) chmodSync(join(first.dataDir, file), 0o644);
    await startSaved(first.dataDir);
    expect(mode(first.dataDir)).toBe(0o700);
    for (const file of ['settings.json', 'state.json']) expect(mode(join(first.dataDir, file)), file).toBe(0o600);
  });
});

describe('tokens (issue 14 §8)', () => {
  it('token-duplicate: a view token equal to the control token stops the start with a clear error', async () => {
    const same = { control: 'same-token-00001', booth: 'booth-token-00001', view: 'same-token-00001' };
    await expect(startServer({ tokens: same })).rejects.toThrow(/Rostrum: the control and view tokens given are the same: each role needs its own token/);
    const dataDir = tempDataDir();
    writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ version: 1, tokens: { control: 'same-token-00002', booth: 'booth-token-00002', view: 'same-token-00002' } }));
    await expect(startServer({ tokens: null, dataDir })).rejects.toThrow(/the control token \(saved in .*settings\.json\) and the view token \(saved in .*settings\.json\) are the same/);
  });

  it('token-file-flag: --control-token-file gives the control token without it showing in the command line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rostrum-secret-'));
    const file = join(dir, 'control-token');
    writeFileSync(file, 'control-from-a-file-01\n', { mode: 0o600 });
    const s = await start({ tokens: null, args: ['--control-token-file', file] });
    expect(s.tokens.control).toBe('control-from-a-file-01');
    expect(s.process.spawnargs.join(' ')).not.toContain('control-from-a-file-01');
    expect(await controlStatus(s.url, 'control-from-a-file-01')).toBe(200);
  });
});

describe('state.json (issue 14 §4)', () => {
  /** A data dir whose state.json.last-good was taken by a complete start. */
  async function withLastGood() {
    const first = await startSaved(tempDataDir());
    await first.stop();
    const second = await startSaved(first.dataDir);
    return second;
  }

  it('state-epoch-overflow: runningSince -1e300 with OSC feedback on (once an integer overflow that stopped every start) is moved aside; the start completes', async () => {
    const s = await withLastGood();
    const good = await apiClient(s.url).state();
    await s.stop();
    const path = join(s.dataDir, 'state.json');
    const file = JSON.parse(readFileSync(path, 'utf8')) as { state: { clock: Record<string, unknown> } };
    file.state.clock = { ...file.state.clock, status: 'running', runningSince: -1e300 };
    writeFileSync(path, JSON.stringify(file));

    const osc = ['--osc-feedback', '127.0.0.1:9'];
    const after = await startSaved(s.dataDir, { args: osc });
    expect(warnings(after)[0]).toMatch(/could not be read \(state\.json is not a Rostrum state \(clock\.runningSince: must be a time after 2000-01-01\)\).*the last good copy .* was loaded/);
    expect((await apiClient(after.url).state()).clock.status).toBe(good.clock.status);
    // And the copy it fell back to is still good for the start after.
    await after.stop();
    const next = await startSaved(s.dataDir, { args: osc });
    expect(warnings(next)).toEqual([]);
  });

  it('state-last-good-after-start: a start that fails does not replace the last good copy', async () => {
    const s = await withLastGood();
    const lastGood = join(s.dataDir, 'state.json.last-good');
    const copy = readFileSync(lastGood, 'utf8');
    expect(await controlStatus(s.url, s.tokens.control)).toBe(200);
    await s.kill();
    // The port is taken: this start reads state.json, then fails.
    const blocker = createServer();
    blockers.push(blocker);
    await new Promise<void>((r) => blocker.listen(s.port, '127.0.0.1', r));
    await expect(startSaved(s.dataDir, { port: s.port })).rejects.toThrow(/port \d+ on 127\.0\.0\.1 is already in use/);
    expect(readFileSync(lastGood, 'utf8')).toBe(copy);
  });
});
