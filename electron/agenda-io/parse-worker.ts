/**
 * The worker that reads import files (parse-in-worker.ts keeps one, warm between files): each job
 * arrives as a message with its id, and its outcome goes back with the same id. Built as its own
 * file beside the server's bundle (vite.node.config.ts); run from source under tsx in tests.
 */
import { parentPort } from 'node:worker_threads';
import type { ParseJob } from './parse-in-worker';
import { readImport } from './read-import';

parentPort!.on('message', async ({ id, job }: { id: number; job: ParseJob }) => {
  const outcome = await readImport(job.format, job.bytes, job.options, job.current);
  parentPort!.postMessage({ id, outcome });
});
