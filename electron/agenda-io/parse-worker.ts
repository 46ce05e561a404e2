/**
 * The worker that reads import files (parse-in-worker.ts keeps one, warm between files): each job
 * arrives as a message with its id, and its outcome goes back with the same id. Built as its own
 * file beside the server's bundle (vite.node.config.ts); run from source under tsx in tests.
 */
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import type { ParseJob } from './parse-in-worker';
import { readImport } from './read-import';

// On Linux a thread has its own nice value (setpriority on the calling thread): this one yields the
// CPU to the server's main thread, so that other clients' updates stay fast while a file is read.
// (Elsewhere the call would lower the whole process, so it is left out.)
if (process.platform === 'linux') {
  try {
    setPriority(19);
  } catch {
    // not permitted: the worker runs at the server's priority
  }
}

parentPort!.on('message', async ({ id, job }: { id: number; job: ParseJob }) => {
  const outcome = await readImport(job.format, job.bytes, job.options, job.current, job.room);
  parentPort!.postMessage({ id, outcome });
});
