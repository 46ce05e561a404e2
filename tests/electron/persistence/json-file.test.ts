import { mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonFile } from '../../../electron/persistence/json-file';

const fileIn = () => new JsonFile(join(mkdtempSync(join(tmpdir(), 'rostrum-json-file-')), 'state.json'));
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('JsonFile: replaced atomically on write, fsync’d after', () => {
  it('reads nothing from a fresh folder, and what was last written after writes', () => {
    const file = fileIn();
    expect(file.read()).toBeUndefined();
    file.write({ revision: 1 });
    file.write({ revision: 2 });
    expect(file.read()).toEqual({ revision: 2 });
  });

  it('has the new content on disk as soon as write returns, and leaves no temp file', async () => {
    const file = fileIn();
    for (let revision = 1; revision <= 20; revision += 1) {
      file.write({ revision });
      // What a restart after SIGKILL at this instant would read:
      expect(JSON.parse(readFileSync(file.path, 'utf8'))).toEqual({ revision });
    }
    await settle(); // the batched background fsyncs finish without error
    file.flushSync();
    expect(readdirSync(join(file.path, '..'))).toEqual(['state.json']);
  });

  it('throws on a file that is not JSON (the caller moves it aside)', () => {
    const file = fileIn();
    writeFileSync(file.path, '{"revision": 3');
    expect(() => file.read()).toThrow(SyntaxError);
  });

  it('runs its background fsyncs without reporting an error', async () => {
    const errors: Error[] = [];
    const dir = mkdtempSync(join(tmpdir(), 'rostrum-json-file-'));
    const file = new JsonFile(join(dir, 'state.json'), (error) => errors.push(error));
    file.write({ revision: 1 });
    await settle();
    expect(errors).toEqual([]);
  });

  it('moved aside after flushSync (a removed room), reports nothing: the flush already made every write durable', async () => {
    const errors: Error[] = [];
    const dir = mkdtempSync(join(tmpdir(), 'rostrum-json-file-'));
    const file = new JsonFile(join(dir, 'state.json'), (error) => errors.push(error));
    file.write({ revision: 1 }); // starts a background fsync of the file, then of its folder
    file.flushSync();
    renameSync(dir, `${dir}.removed`);
    await file.settled();
    expect(errors).toEqual([]);
    expect(JSON.parse(readFileSync(join(`${dir}.removed`, 'state.json'), 'utf8'))).toEqual({ revision: 1 });
  });

  it('still reports a background fsync that fails with nothing covering it', async () => {
    const errors: Error[] = [];
    const dir = mkdtempSync(join(tmpdir(), 'rostrum-json-file-'));
    const file = new JsonFile(join(dir, 'state.json'), (error) => errors.push(error));
    file.write({ revision: 1 });
    renameSync(dir, `${dir}.moved`);
    await file.settled();
    expect(errors.map((e) => (e as NodeJS.ErrnoException).code)).toEqual(['ENOENT']);
  });
});
