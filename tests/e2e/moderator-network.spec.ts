import { lanAddresses } from '../../electron/server/lan-listeners';
import { expect, expectConsoleStillCommands, test } from './fixtures';

const LAN = lanAddresses()[0];

test.skip(LAN === undefined, 'this machine has no non-loopback IPv4 address: LAN mode has nothing to open');

test('the network panel switches LAN mode, shows LAN links with QR codes, and makes new keys', async ({ server, openView }) => {
  const moderator = await openView('moderator');
  await expect(moderator.getByTestId('connection')).toHaveAttribute('data-link', 'online');
  await moderator.getByTestId('network-open').click();
  const panel = moderator.getByTestId('network-panel');
  await expect(panel).toHaveAttribute('data-lan', 'false');
  await expect(panel.getByTestId('lan-off')).toBeVisible();

  await panel.getByTestId('lan-toggle').check();
  await expect(panel).toHaveAttribute('data-lan', 'true');
  const base = `http://${LAN!}:${server.port}`;
  await expect(panel.getByTestId('lan-url-speaker').first()).toHaveText(`${base}/speaker?token=${server.tokens.view}`);
  await expect(panel.getByTestId('lan-url-booth').first()).toHaveText(`${base}/booth?token=${server.tokens.booth}`);
  await expect(panel.getByTestId('lan-url-moderator').first()).toHaveText(`${base}/moderator?token=${server.tokens.control}`);
  for (const view of ['moderator', 'speaker', 'booth']) {
    const qr = panel.getByTestId(`lan-qr-${view}`).first();
    await expect(qr).toBeVisible();
    await expect(qr).toHaveAttribute('data-text', new RegExp(`^${base}/${view}\\?token=`));
  }

  // A new speaker-monitor key drops the open monitor; the console stays on and shows the new link.
  const speaker = await openView('speaker');
  await expect(speaker.getByTestId('connection')).toHaveAttribute('data-link', 'online');
  await panel.getByTestId('token-rotate-view').click();
  await moderator.getByTestId('confirm-dialog').getByTestId('btn-confirm').click();
  await expect(speaker.getByTestId('connection')).toHaveAttribute('data-link', 'unauthorized');
  await expect(panel.getByTestId('lan-url-speaker').first()).not.toHaveText(`${base}/speaker?token=${server.tokens.view}`);
  await expect(panel.getByTestId('lan-url-speaker').first()).toHaveText(new RegExp(`^${base}/speaker\\?token=`));

  // A new moderator key: this console gets it and stays connected (its next requests use it).
  await panel.getByTestId('token-rotate-control').click();
  await moderator.getByTestId('confirm-dialog').getByTestId('btn-confirm').click();
  await expect(panel.getByTestId('lan-url-moderator').first()).not.toHaveText(`${base}/moderator?token=${server.tokens.control}`);

  await panel.getByTestId('lan-toggle').uncheck();
  await expect(panel.getByTestId('lan-off')).toBeVisible();
  await expect(panel.getByTestId('lan-url-speaker')).toHaveCount(0);

  // The console's socket is already on the new key (the old one was dropped): commands still work.
  await expectConsoleStillCommands(moderator, panel);
});
