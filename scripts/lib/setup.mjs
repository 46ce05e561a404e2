// Self-setup for `npm test`, `npm run serve` and `npm start`: install dependencies, build, find a
// browser — only when needed, saying why in one line. Plain Node, no dependencies: this runs
// before `npm ci`.
//
// Each ensure* function is a thin shell around a helper that only decides (and returns the
// reason, or null), so the decisions can be unit-tested against temp directories.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file lives in scripts/lib/). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** What the build reads, relative to the root. Directories are walked recursively. */
export const BUILD_SOURCES = [
  'shared',
  'electron',
  'renderer',
  'assets',
  'vite.config.ts',
  'vite.node.config.ts',
  'package.json',
  'package-lock.json',
  'scripts/generate-sounds.mjs',
  'scripts/generate-icons.mjs',
  // tsconfig*.json are matched by pattern in buildSourcePaths().
];

/** Files the build itself writes into a source folder: never a reason to rebuild. */
const GENERATED_DIRS = new Set([path.join('assets', 'sounds')]);

/** What the build must have produced for serve/start/e2e to work, relative to the root. */
export const BUILD_OUTPUTS = ['dist/node/serve.js', 'dist/renderer/moderator.html'];

export const BUILD_STAMP = 'dist/.build-stamp';

/** Never walked into while looking for sources. */
const SKIP_DIRS = new Set(['node_modules', 'dist', '.git']);

export const CHROMIUM_FALLBACKS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

// ---------------------------------------------------------------------------------------------
// Pure helpers

/** mtime in ms, or undefined when the path does not exist. */
export function mtimeOf(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/**
 * The build is stale when there is no stamp or a source is newer than it. A missing/empty source
 * set (newestSourceMtime undefined) never makes it stale on its own.
 */
export function isStale(stampMtime, newestSourceMtime) {
  if (stampMtime === undefined || stampMtime === null) return true;
  if (newestSourceMtime === undefined || newestSourceMtime === null) return false;
  return newestSourceMtime > stampMtime;
}

/**
 * The newest file under the given files/directories (recursively, skipping node_modules, dist and
 * .git). Missing paths are ignored. Returns { path, mtimeMs } or undefined when there are no files.
 */
export function newestFile(paths) {
  let newest;
  const visit = (p) => {
    let st;
    try {
      st = fs.statSync(p);
    } catch {
      return; // missing, or a dangling symlink
    }
    if (st.isDirectory()) {
      if ([...GENERATED_DIRS].some((g) => p.endsWith(path.sep + g))) return;
      for (const entry of fs.readdirSync(p)) {
        if (!SKIP_DIRS.has(entry)) visit(path.join(p, entry));
      }
    } else if (st.isFile() && (newest === undefined || st.mtimeMs > newest.mtimeMs)) {
      newest = { path: p, mtimeMs: st.mtimeMs };
    }
  };
  for (const p of paths) visit(p);
  return newest;
}

/** The newest mtime (ms) under the given paths, or undefined when there are no files. */
export function newestMtime(paths) {
  return newestFile(paths)?.mtimeMs;
}

/** Absolute paths of everything the build reads (see BUILD_SOURCES), including tsconfig*.json. */
export function buildSourcePaths(root = ROOT) {
  const tsconfigs = fs.readdirSync(root).filter((name) => /^tsconfig.*\.json$/.test(name));
  return [...BUILD_SOURCES, ...tsconfigs].map((p) => path.join(root, p));
}

/** Why `npm ci` must run, or null when node_modules is up to date with package-lock.json. */
export function depsInstallReason(root = ROOT) {
  if (!fs.existsSync(path.join(root, 'node_modules'))) return 'node_modules is missing';
  const installed = mtimeOf(path.join(root, 'node_modules', '.package-lock.json'));
  if (installed === undefined) return 'node_modules/.package-lock.json is missing (incomplete install?)';
  const lock = mtimeOf(path.join(root, 'package-lock.json'));
  if (lock !== undefined && lock > installed) return 'package-lock.json is newer than node_modules';
  return null;
}

/** Why `npm run build` must run, or null when dist/ is up to date. */
export function buildReason(root = ROOT) {
  for (const output of BUILD_OUTPUTS) {
    if (!fs.existsSync(path.join(root, output))) return `${output} is missing`;
  }
  const stamp = mtimeOf(path.join(root, BUILD_STAMP));
  if (stamp === undefined) return `${BUILD_STAMP} is missing`;
  const newest = newestFile(buildSourcePaths(root));
  if (newest && isStale(stamp, newest.mtimeMs)) {
    return `${path.relative(root, newest.path)} changed since the last build`;
  }
  return null;
}

/** Where to look for Chromium, in order. CHROMIUM_PATH (when set) comes first. */
export function chromiumCandidates(env = process.env) {
  const fromEnv = env.CHROMIUM_PATH?.trim();
  return fromEnv ? [fromEnv, ...CHROMIUM_FALLBACKS] : [...CHROMIUM_FALLBACKS];
}

function isFile(p) {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/**
 * The Chromium to use: { path } when found, { error } when CHROMIUM_PATH is set but names nothing
 * (an explicit choice that is wrong should not silently fall back to another browser), or
 * { path: undefined } when nothing was found.
 */
export function locateChromium(env = process.env, exists = isFile) {
  const fromEnv = env.CHROMIUM_PATH?.trim();
  if (fromEnv && !exists(fromEnv)) {
    return { error: `CHROMIUM_PATH is set to ${fromEnv}, but there is no file there.` };
  }
  return { path: chromiumCandidates(env).find((p) => exists(p)) };
}

/** The absolute path of an executable on PATH, or undefined. */
export function which(cmd, env = process.env) {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, cmd);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Running things

const isWindows = process.platform === 'win32';

/** Run a command with inherited stdio; returns its exit code (128+n when killed by a signal). */
export function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, {
    stdio: 'inherit',
    cwd: ROOT,
    shell: isWindows, // npm/npx are .cmd shims there
    ...options,
  });
  if (result.error) {
    console.error(`Rostrum: could not run ${cmd}: ${result.error.message}`);
    return 127;
  }
  return exitCodeOf(result.status, result.signal);
}

/** A process's exit code as a shell would report it. */
export function exitCodeOf(status, signal) {
  if (typeof status === 'number') return status;
  if (signal) return 128 + (os.constants.signals[signal] ?? 0);
  return 1;
}

/** Print a message and exit the process with a non-zero code. */
export function fail(message, code = 1) {
  console.error(`Rostrum: ${message}`);
  process.exit(code);
}

function runOrExit(cmd, args, what, options = {}) {
  const code = run(cmd, args, options);
  if (code !== 0) fail(`${what} failed (exit ${code}).`, code);
}

// ---------------------------------------------------------------------------------------------
// The ensure* steps

/** Run `npm ci` when node_modules is missing or older than package-lock.json. */
export function ensureDeps(root = ROOT) {
  const reason = depsInstallReason(root);
  if (!reason) return;
  console.log(`Rostrum: installing dependencies (npm ci) — ${reason}.`);
  runOrExit('npm', ['ci'], 'npm ci', { cwd: root });
}

/** Run `npm run build` when an output is missing or a source is newer than dist/.build-stamp. */
export function ensureBuild(root = ROOT) {
  const reason = buildReason(root);
  if (!reason) return;
  console.log(`Rostrum: building (npm run build) — ${reason}.`);
  // Stamp with the time the build *started*: a source saved while it runs stays newer than the
  // stamp, so the next run rebuilds instead of missing the edit.
  const started = new Date();
  runOrExit('npm', ['run', 'build'], 'npm run build', { cwd: root });
  const stamp = path.join(root, BUILD_STAMP);
  fs.mkdirSync(path.dirname(stamp), { recursive: true });
  fs.writeFileSync(stamp, `${started.toISOString()}\n`);
  fs.utimesSync(stamp, started, started);
}

/**
 * The path of a Chromium to drive with Playwright. When there is none and we are root on a system
 * with apt-get (CI, containers), install it; otherwise exit saying what to run.
 */
export function findChromium() {
  let found = locateChromium();
  if (found.error) fail(`${found.error} Point it at a Chromium/Chrome binary, or unset it.`);
  if (found.path) return found.path;

  const tried = chromiumCandidates().join(', ');
  if (process.getuid?.() === 0 && which('apt-get')) {
    console.log(`Rostrum: installing Chromium (apt-get install -y chromium) — none found at ${tried}.`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    runOrExit('apt-get', ['update'], 'apt-get update', { env });
    runOrExit('apt-get', ['install', '-y', 'chromium'], 'apt-get install -y chromium', { env });
    found = locateChromium();
    if (found.path) return found.path;
    fail(`apt-get installed chromium, but it is still not at ${tried}. Set CHROMIUM_PATH to its binary.`);
  }
  fail(
    `Chromium is needed for the end-to-end tests and was not found (looked at ${tried}).\n` +
      '  Install it:  sudo apt-get install -y chromium\n' +
      '  or point at one you have:  CHROMIUM_PATH=/path/to/chrome npm test',
  );
}

/** What to do about a tool tests need: 'present', 'install' (root with apt-get) or 'skip'. */
export function aptToolPlan(found, isRoot, hasAptGet) {
  if (found) return 'present';
  return isRoot && hasAptGet ? 'install' : 'skip';
}

/**
 * A command-line tool some tests need (e.g. `oscsend` from liblo-tools): installed with apt-get
 * when missing and we run as root (CI), else left out — the tests that need it skip and say so.
 * Returns true when the tool is there.
 */
export function ensureAptTool(bin, aptPackage) {
  const plan = aptToolPlan(Boolean(which(bin)), process.getuid?.() === 0, Boolean(which('apt-get')));
  if (plan === 'present') return true;
  if (plan === 'install') {
    console.log(`Rostrum: installing ${aptPackage} (apt-get install -y ${aptPackage}) for ${bin}.`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    if (run('apt-get', ['install', '-y', aptPackage], { env }) !== 0) {
      run('apt-get', ['update'], { env });
      run('apt-get', ['install', '-y', aptPackage], { env });
    }
    if (which(bin)) return true;
  }
  console.warn(`Rostrum: ${bin} not found (sudo apt-get install -y ${aptPackage}); the tests that need it will be skipped.`);
  return false;
}

// ---------------------------------------------------------------------------------------------
// Electron

/** The Electron executable named by node_modules/electron/path.txt, or undefined when not installed. */
export function electronBinary(root = ROOT) {
  const pkg = path.join(root, 'node_modules', 'electron');
  let name;
  try {
    name = fs.readFileSync(path.join(pkg, 'path.txt'), 'utf8').trim();
  } catch {
    return undefined;
  }
  const binary = path.join(pkg, 'dist', name);
  return name && isFile(binary) ? binary : undefined;
}

/** Ubuntu 24.04 and later: 1 when unprivileged user namespaces are restricted by AppArmor. */
export const USERNS_RESTRICTION = '/proc/sys/kernel/apparmor_restrict_unprivileged_userns';

/** What the sandbox check reads of this machine (replaced in the tests). */
export function hostSystem() {
  return {
    uid: process.getuid?.(),
    readFile: (file) => fs.readFileSync(file, 'utf8'),
    stat: (file) => fs.statSync(file),
  };
}

/**
 * Why Chromium's sandbox cannot start here, or null. On Ubuntu 24.04 and later AppArmor denies
 * unprivileged user namespaces, so Chromium falls back to its setuid helper, chrome-sandbox —
 * which in node_modules is not setuid root, and Electron aborts ("The SUID sandbox helper binary
 * was found, but is not configured correctly"). Root runs without the sandbox anyway (see
 * electronSwitches). The sandbox is never switched off to get round this: the fix is said instead.
 */
export function sandboxProblem(root = ROOT, system = hostSystem()) {
  if (system.uid === 0) return null;
  let restricted;
  try {
    restricted = system.readFile(USERNS_RESTRICTION).trim() === '1';
  } catch {
    return null; // no such setting: user namespaces are not restricted
  }
  if (!restricted) return null;
  const helper = path.join(root, 'node_modules', 'electron', 'dist', 'chrome-sandbox');
  let st = null;
  try {
    st = system.stat(helper);
  } catch {
    // missing: not usable either
  }
  if (st && st.uid === 0 && (st.mode & 0o4000) !== 0) return null;
  return (
    `AppArmor restricts unprivileged user namespaces here (${USERNS_RESTRICTION} is 1) and Chromium's sandbox helper is not setuid root; ` +
    `allow it once with: sudo chown root:root ${helper} && sudo chmod 4755 ${helper} (the installed .deb needs nothing)`
  );
}

/**
 * Why the desktop app cannot start here (so `npm start` falls back to the headless server), or
 * null when it can.
 */
export function electronUnavailableReason(root = ROOT, env = process.env, platform = process.platform, system = hostSystem()) {
  if (!electronBinary(root)) return 'the Electron binary is not installed here (offline install?)';
  if (!fs.existsSync(path.join(root, 'dist', 'electron', 'main.js'))) {
    return 'the desktop app is not built (dist/electron/main.js is missing)';
  }
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return 'there is no display (DISPLAY/WAYLAND_DISPLAY unset)';
  }
  if (platform === 'linux') return sandboxProblem(root, system);
  return null;
}

/**
 * The Chromium switches `npm start` gives Electron, and the lines it prints about them:
 * - root: `--no-sandbox` (Chromium refuses to run as root with its sandbox), said out loud;
 * - a Wayland session with XWayland: `--ozone-platform=x11`, so windows can be placed on a display
 *   (the same rule as electron/shell/wayland.ts, which relaunches a packaged app; given here, the
 *   app never needs to start twice).
 */
export function electronSwitches(env = process.env, platform = process.platform, uid = process.getuid?.()) {
  const args = [];
  const notices = [];
  if (platform === 'linux' && uid === 0) {
    args.push('--no-sandbox');
    notices.push("Rostrum: running as root, so Chromium's sandbox is off (--no-sandbox); start it as a normal user to keep it.");
  }
  const wayland = env.XDG_SESSION_TYPE === 'wayland' || Boolean(env.WAYLAND_DISPLAY);
  if (platform === 'linux' && wayland && env.DISPLAY && !env.ELECTRON_OZONE_PLATFORM_HINT) args.push('--ozone-platform=x11');
  return { args, notices };
}
