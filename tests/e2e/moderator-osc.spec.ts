import { execFile, spawnSync } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { promisify } from 'node:util';
import { expect, test } from './fixtures';

const run = promisify(execFile);
const HAS_OSCSEND = spawnSync('oscsend', [], { stdio: 'ignore' }).error === undefined;

test.skip(!HAS_OSCSEND, 'needs oscsend (apt-get install -y liblo-tools)');

/** A UDP port free right now. */
const freeUdpPort = (): Promise<number> =>
  new Promise((resolve) => {
    const socket = createSocket('udp4');
    socket.bind(0, '127.0.0.1', () => {
      const { port } = socket.address();
      socket.close(() => resolve(port));
    });
  });

test('the moderator switches OSC on in the network panel, and an OSC /rostrum/start runs the clock', async ({ openView }) => {
  const port = await freeUdpPort();
  const moderator = await openView('moderator');
  await expect(moderator.getByTestId('connection')).toHaveAttribute('data-link', 'online');
  await moderator.getByTestId('network-open').click();
  const panel = moderator.getByTestId('osc-panel');
  await expect(panel).toHaveAttribute('data-on', 'false');
  await expect(panel.getByTestId('osc-status')).toHaveText('OSC input is off.');

  await panel.getByTestId('osc-port').fill(String(port));
  await panel.getByTestId('osc-toggle').check();
  await expect(panel).toHaveAttribute('data-listening', `127.0.0.1:${port}`);
  await expect(panel.getByTestId('osc-status')).toHaveText(`Listening on UDP 127.0.0.1:${port}.`);

  // A bad field is refused with its name, and nothing changes.
  await panel.getByTestId('osc-feedback').fill('mixer');
  await panel.getByTestId('osc-apply').click();
  await expect(panel.getByTestId('osc-error')).toContainText('feedback: must be host:port');
  await expect(panel).toHaveAttribute('data-listening', `127.0.0.1:${port}`);

  await run('oscsend', ['127.0.0.1', String(port), '/rostrum/start'], { timeout: 5000 });
  await moderator.keyboard.press('Escape');
  await expect(moderator.getByTestId('view-root')).toHaveAttribute('data-status', 'running');
});
