import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { apiClient } from '../helpers/api-client';
import { startServer, type StartedServer } from '../helpers/server-process';
import { connectSocket } from '../helpers/socket-client';

/**
 * A truncated or corrupt state file (#8): moved aside with a timestamp, never lost silently; the
 * server starts with the last good copy or the sample, and says so in its start-up output and in
 * every snapshot (`startupWarning`), so the console can show it.
 */
const running: StartedServer[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) if (s.process.exitCode === null && s.process.signalCode === null) await s.kill();
});

const track = (s: StartedServer) => (running.push(s), s);
const truncate = (path: string) => {
  const whole = readFileSync(path, 'utf8');
  const half = whole.slice(0, Math.floor(whole.length / 2));
  writeFileSync(path, half);
  return half;
};
const asideFiles = (dir: string) => readdirSync(dir).filter((f) => /^state\.json\.corrupt-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z$/.test(f));

describe('a corrupt state file', () => {
  it('is moved aside; the server starts with the sample and warns in its output and its snapshots', async () => {
    const first = track(await startServer());
    const sample = await apiClient(first.url).state();
    const control = apiClient(first.url, first.tokens.control);
    expect((await control.command({ type: 'message.booth', text: 'Handover after this speaker' })).status).toBe(200);
    await first.kill();
    const statePath = join(first.dataDir, 'state.json');
    const half = truncate(statePath);

    const second = track(await first.restart());
    const [aside] = asideFiles(second.dataDir);
    expect(aside, readdirSync(second.dataDir).join(', ')).toBeDefined();
    expect(readFileSync(join(second.dataDir, aside!), 'utf8')).toBe(half);
    // Printed before the ready line.
    expect(second.output()).toMatch(new RegExp(`WARNING: The saved state could not be read .*moved to .*${aside!.replace(/\./g, '\\.')} and the sample event was loaded`));
    expect(second.output().indexOf('WARNING')).toBeLessThan(second.output().indexOf('Rostrum ready'));

    const snap = await apiClient(second.url, second.tokens.control).state();
    expect(snap.agenda).toEqual(sample.agenda);
    expect(snap.messages.booth).toBeNull();
    expect(snap.startupWarning).toContain(aside);
    const { socket, snapshot } = await connectSocket(second.url, second.tokens.control);
    expect(snapshot.startupWarning).toContain(aside);
    socket.close();

    // The warning is about that start: the next one is clean, and keeps what was loaded.
    await second.stop();
    const third = track(await second.restart());
    expect(third.output()).not.toContain('WARNING');
    expect((await apiClient(third.url, third.tokens.control).state()).startupWarning).toBeUndefined();
    expect(asideFiles(third.dataDir)).toEqual([aside]);
  });

  it('is replaced by the last good copy (from the last start that could read it) when there is one', async () => {
    const first = track(await startServer());
    expect((await apiClient(first.url, first.tokens.control).command({ type: 'message.booth', text: 'Kept in the good copy' })).status).toBe(200);
    await first.stop();
    // This start reads the file, so keeps it as the last good copy.
    const second = track(await first.restart());
    const control = apiClient(second.url, second.tokens.control);
    const good = await control.state();
    expect((await control.command({ type: 'message.booth', text: 'Lost with the corrupt file' })).status).toBe(200);
    await second.kill();
    writeFileSync(join(second.dataDir, 'state.json'), '{"formatVersion":1,"state":{"revision":');

    const third = track(await second.restart());
    expect(asideFiles(third.dataDir)).toHaveLength(1);
    expect(third.output()).toMatch(/WARNING: .*the last good copy \(from .*, revision \d+\) was loaded/);
    const snap = await apiClient(third.url, third.tokens.control).state();
    expect(snap.revision).toBe(good.revision);
    expect(snap.messages.booth?.text).toBe('Kept in the good copy');
    expect(snap.startupWarning).toMatch(/last good copy/);

    // Saved at once: a crash right away still finds it.
    await third.kill();
    const fourth = track(await third.restart());
    expect(fourth.output()).not.toContain('WARNING');
    expect((await apiClient(fourth.url).state()).messages.booth?.text).toBe('Kept in the good copy');
  });
});
