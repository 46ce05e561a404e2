/**
 * A separate process that uploads the hostile spreadsheet (hostile-spreadsheet.ts) to the import
 * route again and again (one at a time, at most 20 a second), from "go" until "stop", and reports how each upload was answered. Its own
 * process, so that the bench's driver measures the server, not the upload.
 */
import { request } from 'node:http';
import { hostileSpreadsheet } from './hostile-spreadsheet';

const [url, token] = process.argv.slice(2);
const file = hostileSpreadsheet();
let running = false;
const answers: Record<string, number> = {};
let uploads = 0;
let busyMs = 0;

const upload = () =>
  new Promise<string>((resolve, reject) => {
    const req = request(`${url}/api/v1/agenda/import?format=xlsx`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-length': file.length } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => {
        const body = JSON.parse(text) as { errors?: { kind: string }[]; error?: { code: string } };
        resolve(`${res.statusCode} ${body.errors?.map((e) => e.kind).join(',') ?? body.error?.code ?? ''}`);
      });
    });
    req.on('error', reject);
    req.end(file);
  });

process.on('message', async (msg: { type: 'go' | 'stop' }) => {
  if (msg.type === 'stop') {
    running = false;
    return;
  }
  running = true;
  while (running) {
    const t0 = performance.now();
    const answer = await upload();
    busyMs += performance.now() - t0;
    // At most 20 uploads a second: with the driver's commands, inside the 100 requests a second one address may make.
    await new Promise((r) => setTimeout(r, Math.max(0, 50 - (performance.now() - t0))));
    uploads += 1;
    answers[answer] = (answers[answer] ?? 0) + 1;
  }
  process.send!({ type: 'report', uploads, answers, meanMs: busyMs / Math.max(1, uploads), bytes: file.length });
});
process.send!({ type: 'ready', bytes: file.length });
