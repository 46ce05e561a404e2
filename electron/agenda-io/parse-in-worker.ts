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

export interface ParseJob {
  format: ImportFormat;
  bytes: Uint8Array;
  options: EventOptions;
  current: Agenda;
}

/**
 * The worker's file: `parse-worker.js` beside the bundle that holds this code (dist/node/serve.js,
 * dist/electron/main.js), or `parse-worker.ts` beside this source when it runs under tsx or vitest.
 * The URL is built from a variable so that the bundler leaves it alone.
 */
const here = import.meta.url;
const fromSource = /\.ts$/.test(new URL(here).pathname);
const workerFile = new URL(`parse-worker.${fromSource ? 'ts' : 'js'}`, here);

/** From source, the worker loads tsx first (Node 20 runs no TypeScript by itself). */
function newWorker(job: ParseJob): Worker {
  const options = {
    workerData: job,
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
 * Reads an import file in a worker thread (readImport, off the event loop): the server goes on
 * answering and broadcasting meanwhile. The worker's heap is capped (IMPORT_LIMITS.workerHeapMb)
 * and so is its time (IMPORT_LIMITS.parseMs); past either it is stopped and the file refused.
 */
export function readImportInWorker(job: ParseJob, timeoutMs: number = IMPORT_LIMITS.parseMs): Promise<ImportOutcome> {
  return new Promise((resolve) => {
    const worker = newWorker(job);
    let settled = false;
    const finish = (outcome: ImportOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
      void worker.terminate();
    };
    const timer = setTimeout(() => finish(refused(`reading the file took longer than ${timeoutMs / 1000} s; an agenda is read in well under a second`)), timeoutMs);
    worker.once('message', (outcome: ImportOutcome) => finish(outcome));
    worker.once('error', (error: Error & { code?: string }) =>
      finish(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? refused(`reading the file needed more than ${IMPORT_LIMITS.workerHeapMb} MB; an agenda needs far less`)
          : refused(`the file could not be read (${error.message})`),
      ),
    );
    worker.once('exit', (code) => finish(refused(`the file could not be read (the reader stopped with code ${code})`)));
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
