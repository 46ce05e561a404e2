import { describe, expect, it } from 'vitest';
import { readImportInWorker, readImportQueued } from '../../../electron/agenda-io/parse-in-worker';
import { loadSample } from '../../builders';

const current = loadSample();
/** A fresh copy each time: the bytes are moved to the worker. */
const csv = () => new TextEncoder().encode('session,session_start,session_end,title,duration\nOpening,09:00,10:00,Welcome,10\n');

describe('reading an import in a worker thread', () => {
  it('gives the same outcome as reading it in place (from source, under tsx)', async () => {
    const outcome = await readImportInWorker({ format: 'csv', bytes: csv(), options: {}, current });
    expect(outcome.errors).toEqual([]);
    expect(outcome.agenda!.sessions[0]!.items.map((i) => [i.title, i.durationSec])).toEqual([['Welcome', 600]]);
  });

  it('stops a worker that takes too long, and refuses the file saying so', async () => {
    const outcome = await readImportInWorker({ format: 'csv', bytes: csv(), options: {}, current }, 1);
    expect(outcome.agenda).toBeNull();
    expect(outcome.errors.map((e) => [e.kind, e.message])).toEqual([['over-limit', 'reading the file took longer than 0.001 s; an agenda is read in well under a second']]);
  });

  it('keeps its worker warm between files, and moves the bytes rather than copying them', async () => {
    const bytes = csv();
    const outcome = await readImportInWorker({ format: 'csv', bytes, options: {}, current });
    expect(outcome.errors).toEqual([]);
    expect(bytes.byteLength).toBe(0);
    const again = await readImportInWorker({ format: 'csv', bytes: csv(), options: {}, current });
    expect(again.agenda).toEqual(outcome.agenda);
  });

  it('reads one file at a time; past four waiting, a caller is told to come back', { timeout: 30_000 }, async () => {
    const jobs = Array.from({ length: 6 }, () => readImportQueued({ format: 'csv', bytes: csv(), options: {}, current }));
    expect(jobs.filter((j) => j === null)).toHaveLength(2);
    for (const outcome of await Promise.all(jobs.filter((j) => j !== null))) expect(outcome.errors).toEqual([]);
  });
});
