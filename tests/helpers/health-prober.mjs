// A separate process that asks GET /api/v1/health every 10 ms (one fresh connection each) and, when
// sent "stop" on stdin, prints one JSON line: every probe's time from send to answer, in ms. Its own
// process, so that the test's work (building and uploading a file) is not counted as the server's.
import { request } from 'node:http';

const url = `${process.argv[2]}/api/v1/health`;
const times = [];
let stopping = false;

const probe = () =>
  new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = request(url, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(performance.now() - t0));
    });
    req.on('error', reject);
    req.end();
  });

process.stdin.on('data', () => {
  stopping = true;
});
// The first probe warms this process up (and is not counted).
await probe();
process.stdout.write('ready\n');
while (!stopping) {
  times.push(await probe());
  await new Promise((r) => setTimeout(r, 10));
}
process.stdout.write(`${JSON.stringify(times)}\n`);
process.exit(0);
