import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Agenda } from '../../shared/agenda/agenda-schema';
import { IMPORT_LIMITS } from '../../shared/agenda-io/import-limits';
import type { EventOptions, ImportFormat } from '../../shared/agenda-io/import-types';
import { problem } from '../../shared/agenda-io/problems';
import type { ImportOutcome } from '../../shared/agenda-io/rows-to-agenda';
import type { RoomFilter } from '../../shared/agenda-io/room-column';

export interface ParseJob {
  format: ImportFormat;
  bytes: Uint8Array;
  options: EventOptions;
  current: Agenda;
  /** Rooms (#18): the rows of a `room` column this import reads (absent: the file has none, or every row). */
  room?: RoomFilter;
}

/**
 * The worker's file: `parse-worker.js` beside the bundle that holds this code (dist/node/serve.js,
 * dist/electron/main.js) — built, this code is in a chunk of that bundle's `assets/` folder, loaded on
 * the first import — or `parse-worker.ts` beside this source when it runs under tsx or vitest.
 * The URL is built from a variable so that the bundler leaves it alone.
 */
const here = import.meta.url;
const fromSource = /\.ts$/.test(new URL(here).pathname);
const inChunk = /\/assets\/[^/]+$/.test(new URL(here).pathname);
const workerFile = new URL(`${inChunk ? '../' : ''}parse-worker.${fromSource ? 'ts' : 'js'}`, here);

/** From source, the worker loads tsx first (Node 20 runs no TypeScript by itself). */
function newWorker(): Worker {
  const options = {
    resourceLimits: { maxOldGenerationSizeMb: IMPORT_LIMITS.workerHeapMb, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 },
    stdout: false,
    stderr: false,
  };
  if (!fromSource) return new Worker(workerFile, options);
  // tsx's ESM entry, by its package's exports (require.resolve would give the CommonJS one).
  const manifest = createRequire(here).resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  const tsx = pathToFileURL(join(dirname(manifest), exports['./esm/api']!.import.default)).href;
  const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(workerFile.href)}); })`;
  return new Worker(boot, { ...options, eval: true });
}

const refused = (text: string): ImportOutcome => ({ agenda: null, errors: [problem('over-limit', {}, text)], warnings: [] });

/**
 * The worker is kept between files (starting one costs more than reading most files) and stopped
 * once idle this long, so that its memory goes back when no import is being read.
 */
const IDLE_MS = 5_000;
let warm: { worker: Worker; idle: NodeJS.Timeout | null } | null = null;
let nextId = 1;

function takeWorker(): Worker {
  if (warm) {
    if (warm.idle) clearTimeout(warm.idle);
    warm.idle = null;
    warm.worker.ref();
    return warm.worker;
  }
  const worker = newWorker();
  warm = { worker, idle: null };
  return worker;
}

/** Back to idle: unreferenced (it never keeps the process alive), and stopped after IDLE_MS. */
function release(worker: Worker): void {
  if (warm?.worker !== worker) return;
  worker.unref();
  warm.idle = setTimeout(() => drop(worker), IDLE_MS);
  warm.idle.unref();
}

function drop(worker: Worker): void {
  if (warm?.worker === worker) {
    if (warm.idle) clearTimeout(warm.idle);
    warm = null;
  }
  void worker.terminate();
}

/**
 * Reads an import file in the worker thread (readImport, off the event loop): the server goes on
 * answering and broadcasting meanwhile. The worker's heap is capped (IMPORT_LIMITS.workerHeapMb)
 * and so is its time (IMPORT_LIMITS.parseMs); past either it is stopped and the file refused.
 * The file's bytes are moved to the worker, not copied: the caller must not use them afterwards.
 */
export function readImportInWorker(job: ParseJob, timeoutMs: number = IMPORT_LIMITS.parseMs): Promise<ImportOutcome> {
  return new Promise((resolve) => {
    const worker = takeWorker();
    const id = nextId++;
    let settled = false;
    const finish = (outcome: ImportOutcome, healthy: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (healthy) release(worker);
      else drop(worker);
      resolve(outcome);
    };
    const onMessage = (msg: { id: number; outcome: ImportOutcome }) => {
      if (msg.id === id) finish(msg.outcome, true);
    };
    const onError = (error: Error & { code?: string }) =>
      finish(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? refused(`reading the file needed more than ${IMPORT_LIMITS.workerHeapMb} MB; an agenda needs far less`)
          : refused(`the file could not be read (${error.message})`),
        false,
      );
    const onExit = (code: number) => finish(refused(`the file could not be read (the reader stopped with code ${code})`), false);
    const timer = setTimeout(() => finish(refused(`reading the file took longer than ${timeoutMs / 1000} s; an agenda is read in well under a second`), false), timeoutMs);
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
    const { bytes } = job;
    // Moved when the bytes own their whole buffer (a body read whole); copied otherwise.
    const transfer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : [];
    worker.postMessage({ id, job }, transfer);
  });
}

/** One file is read at a time; a few more may wait. Beyond that, a caller is told to try again. */
const MAX_WAITING = 4;
let queue: Promise<unknown> = Promise.resolve();
let waiting = 0;

/** readImportInWorker, one at a time; null when MAX_WAITING files already wait. */
export function readImportQueued(job: ParseJob): Promise<ImportOutcome> | null {
  if (waiting >= MAX_WAITING) return null;
  waiting += 1;
  const run = queue.then(() => readImportInWorker(job));
  queue = run.catch(() => undefined);
  return run.finally(() => {
    waiting -= 1;
  });
}
