// `npm start -- [args]`: the Rostrum desktop app. Installs/builds first when needed. When Electron
// cannot run here (binary not downloaded, app not built, no display, Chromium's sandbox blocked by
// AppArmor on Ubuntu 24.04+), starts the headless server
// instead, whose URLs open in any browser. Arguments pass through either way.

import { spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, electronSwitches, electronUnavailableReason, ensureBuild, ensureDeps, exitCodeOf } from './lib/setup.mjs';

// ROSTRUM_DIST names a build folder its caller made (parallel work, tests): it is used as it is.
// Otherwise dist/ is used, built first when missing or stale.
const distName = process.env.ROSTRUM_DIST;

ensureDeps();
if (!distName) ensureBuild();

const args = process.argv.slice(2);
const reason = electronUnavailableReason();

if (reason) {
  console.log(`Rostrum: ${reason} — starting the headless server instead; open the URLs below in a browser.`);
  await import(pathToFileURL(path.join(ROOT, distName ?? 'dist', 'node', 'serve.js')).href);
} else {
  // Root: no sandbox (Chromium refuses it), said out loud. Wayland: X11 (XWayland), so windows can be placed.
  const switches = electronSwitches();
  for (const notice of switches.notices) console.log(notice);
  const electron = path.join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'electron.cmd' : 'electron');
  const app = distName ? path.join(distName, 'electron', 'main.js') : '.';
  const child = spawn(electron, [app, ...switches.args, ...args], {
    cwd: ROOT,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('error', (err) => {
    console.error(`Rostrum: could not start Electron: ${err.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(exitCodeOf(code, signal)));
}
