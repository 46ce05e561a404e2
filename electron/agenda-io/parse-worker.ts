/**
 * The worker that reads an import file (parse-in-worker.ts starts one per file): the file arrives
 * with the job, the outcome goes back as one message. Built as its own file beside the server's
 * bundle (vite.node.config.ts); run from source under tsx in tests.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ParseJob } from './parse-in-worker';
import { readImport } from './read-import';

const job = workerData as ParseJob;
const outcome = await readImport(job.format, job.bytes, job.options, job.current);
parentPort!.postMessage(outcome);
