import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BUILD_STAMP,
  CHROMIUM_FALLBACKS,
  buildReason,
  buildSourcePaths,
  chromiumCandidates,
  depsInstallReason,
  electronBinary,
  electronSwitches,
  electronUnavailableReason,
  exitCodeOf,
  sandboxProblem,
  USERNS_RESTRICTION,
  type HostSystem,
  isStale,
  locateChromium,
  newestFile,
  newestMtime,
} from '../../scripts/lib/setup.mjs';

// Fixed, well-separated times (seconds): mtimes are set explicitly, never left to the clock.
const T0 = 1_700_000_000;
const OLD = new Date(T0 * 1000);
const MID = new Date((T0 + 100) * 1000);
const NEW = new Date((T0 + 200) * 1000);

let root: string;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'rostrum-setup-'));
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

/** Create a file under root (with parents) and set its mtime. */
function touch(rel: string, mtime: Date): string {
  const file = path.join(root, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, rel);
  fs.utimesSync(file, mtime, mtime);
  return file;
}

describe('isStale', () => {
  it('is stale without a stamp', () => {
    expect(isStale(undefined, 1)).toBe(true);
    expect(isStale(null, undefined)).toBe(true);
  });
  it('is stale only when a source is strictly newer than the stamp', () => {
    expect(isStale(100, 101)).toBe(true);
    expect(isStale(100, 100)).toBe(false);
    expect(isStale(100, 99)).toBe(false);
  });
  it('is not stale when there are no sources', () => {
    expect(isStale(100, undefined)).toBe(false);
  });
});

describe('newestFile / newestMtime', () => {
  it('finds the newest file recursively and ignores missing paths', () => {
    touch('a/one.ts', OLD);
    const newest = touch('a/deep/er/two.ts', NEW);
    touch('b.json', MID);
    const found = newestFile([path.join(root, 'a'), path.join(root, 'b.json'), path.join(root, 'nope')]);
    expect(found).toEqual({ path: newest, mtimeMs: NEW.getTime() });
    expect(newestMtime([path.join(root, 'b.json')])).toBe(MID.getTime());
  });
  it('skips node_modules and dist inside source directories', () => {
    touch('src/real.ts', OLD);
    touch('src/node_modules/dep/index.js', NEW);
    touch('src/dist/out.js', NEW);
    expect(newestMtime([path.join(root, 'src')])).toBe(OLD.getTime());
  });
  it('is undefined when there are no files', () => {
    fs.mkdirSync(path.join(root, 'empty'));
    expect(newestMtime([path.join(root, 'empty'), path.join(root, 'missing')])).toBeUndefined();
  });
});

describe('depsInstallReason', () => {
  it('installs when node_modules is missing', () => {
    touch('package-lock.json', OLD);
    expect(depsInstallReason(root)).toMatch(/node_modules is missing/);
  });
  it('installs when node_modules/.package-lock.json is missing', () => {
    touch('package-lock.json', OLD);
    fs.mkdirSync(path.join(root, 'node_modules'));
    expect(depsInstallReason(root)).toMatch(/\.package-lock\.json is missing/);
  });
  it('installs when package-lock.json is newer than the installed tree', () => {
    touch('node_modules/.package-lock.json', OLD);
    touch('package-lock.json', NEW);
    expect(depsInstallReason(root)).toMatch(/package-lock\.json is newer/);
  });
  it('does nothing when the installed tree is as new as the lock file or newer', () => {
    touch('package-lock.json', MID);
    touch('node_modules/.package-lock.json', MID);
    expect(depsInstallReason(root)).toBeNull();
    touch('node_modules/.package-lock.json', NEW);
    expect(depsInstallReason(root)).toBeNull();
  });
});

describe('buildReason', () => {
  /** A complete, fresh build: sources OLD, outputs and stamp MID. */
  function freshBuild(): void {
    touch('shared/time/instant.ts', OLD);
    touch('electron/cli/serve.ts', OLD);
    touch('renderer/moderator.html', OLD);
    touch('package.json', OLD);
    touch('package-lock.json', OLD);
    touch('tsconfig.node.json', OLD);
    touch('dist/node/serve.js', MID);
    touch('dist/renderer/moderator.html', MID);
    touch(BUILD_STAMP, MID);
  }

  it('builds when an output is missing', () => {
    freshBuild();
    fs.rmSync(path.join(root, 'dist/renderer/moderator.html'));
    expect(buildReason(root)).toMatch(/dist\/renderer\/moderator\.html is missing/);
  });
  it('builds when the stamp is missing', () => {
    freshBuild();
    fs.rmSync(path.join(root, BUILD_STAMP));
    expect(buildReason(root)).toMatch(/build-stamp is missing/);
  });
  it('does nothing when every source is older than the stamp', () => {
    freshBuild();
    expect(buildReason(root)).toBeNull();
  });
  it.each([
    'shared/time/instant.ts',
    'electron/cli/serve.ts',
    'renderer/views/new-view.tsx',
    'assets/chime.mp3',
    'vite.config.ts',
    'vite.node.config.ts',
    'package.json',
    'package-lock.json',
    'tsconfig.node.json',
    'tsconfig.web.json',
  ])('rebuilds when %s is newer than the stamp, naming it', (source) => {
    freshBuild();
    touch(source, NEW);
    expect(buildReason(root)).toBe(`${source} changed since the last build`);
  });
  it.each(['docs/readme.md', 'tests/foo.test.ts', 'renderer/node_modules/x/index.js', 'shared/dist/x.js', 'README.md'])(
    'ignores %s',
    (other) => {
      freshBuild();
      touch(other, NEW);
      expect(buildReason(root)).toBeNull();
    },
  );
  it('lists tsconfig*.json among the sources', () => {
    touch('tsconfig.json', OLD);
    touch('tsconfig.base.json', OLD);
    touch('tsconfig-notes.txt', OLD);
    const sources = buildSourcePaths(root).map((p) => path.relative(root, p));
    expect(sources).toEqual(expect.arrayContaining(['tsconfig.json', 'tsconfig.base.json']));
    expect(sources).not.toContain('tsconfig-notes.txt');
  });
});

describe('Chromium search', () => {
  it('looks at CHROMIUM_PATH first, then the system paths in order', () => {
    expect(chromiumCandidates({})).toEqual(['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']);
    expect(chromiumCandidates({ CHROMIUM_PATH: '/opt/chrome' })).toEqual(['/opt/chrome', ...CHROMIUM_FALLBACKS]);
  });
  it('uses a CHROMIUM_PATH that exists, ahead of the system ones', () => {
    const fake = touch('bin/fake-chromium', OLD);
    fs.chmodSync(fake, 0o755);
    expect(locateChromium({ CHROMIUM_PATH: fake })).toEqual({ path: fake });
  });
  it('refuses a CHROMIUM_PATH that does not exist rather than falling back', () => {
    const missing = path.join(root, 'no-such-chrome');
    // Every system path "exists": an explicit but wrong CHROMIUM_PATH must still not fall back.
    const result = locateChromium({ CHROMIUM_PATH: missing }, (p) => p !== missing);
    expect(result.path).toBeUndefined();
    expect(result.error).toContain(missing);
  });
  it('takes the first system path that exists', () => {
    const present = new Set(['/usr/bin/chromium-browser', '/usr/bin/google-chrome']);
    expect(locateChromium({}, (p) => present.has(p))).toEqual({ path: '/usr/bin/chromium-browser' });
  });
  it('finds nothing when nothing exists', () => {
    expect(locateChromium({}, () => false)).toEqual({ path: undefined });
  });
});

/** A machine for the sandbox check: user namespaces restricted or not, and the helper's owner and mode. */
const machine = (o: { uid?: number; restricted?: '0' | '1' | null; helper?: { uid: number; mode: number } | null }): HostSystem => ({
  uid: o.uid ?? 1000,
  readFile: (file) => {
    if (file !== USERNS_RESTRICTION || o.restricted === null || o.restricted === undefined) throw new Error(`ENOENT: ${file}`);
    return `${o.restricted}\n`;
  },
  stat: () => {
    if (!o.helper) throw new Error('ENOENT');
    return o.helper;
  },
});
const UNRESTRICTED = machine({ restricted: null });

describe('Electron availability', () => {
  function installElectron(): void {
    touch('node_modules/electron/path.txt', OLD);
    fs.writeFileSync(path.join(root, 'node_modules/electron/path.txt'), 'electron');
    touch('node_modules/electron/dist/electron', OLD);
    touch('dist/electron/main.js', OLD);
  }

  it('finds the binary named by path.txt', () => {
    installElectron();
    expect(electronBinary(root)).toBe(path.join(root, 'node_modules/electron/dist/electron'));
    expect(electronUnavailableReason(root, { DISPLAY: ':0' }, 'linux', UNRESTRICTED)).toBeNull();
  });
  it('falls back when path.txt is missing (offline install)', () => {
    installElectron();
    fs.rmSync(path.join(root, 'node_modules/electron/path.txt'));
    expect(electronBinary(root)).toBeUndefined();
    expect(electronUnavailableReason(root, { DISPLAY: ':0' }, 'linux', UNRESTRICTED)).toMatch(/not installed/);
  });
  it('falls back when the file path.txt names is missing', () => {
    installElectron();
    fs.rmSync(path.join(root, 'node_modules/electron/dist/electron'));
    expect(electronUnavailableReason(root, { DISPLAY: ':0' }, 'linux', UNRESTRICTED)).toMatch(/not installed/);
  });
  it('falls back when the desktop app is not built', () => {
    installElectron();
    fs.rmSync(path.join(root, 'dist/electron/main.js'));
    expect(electronUnavailableReason(root, { DISPLAY: ':0' }, 'linux', UNRESTRICTED)).toMatch(/main\.js is missing/);
  });
  it('falls back on Linux without a display, but not on macOS', () => {
    installElectron();
    expect(electronUnavailableReason(root, {}, 'linux', UNRESTRICTED)).toMatch(/no display/);
    expect(electronUnavailableReason(root, { WAYLAND_DISPLAY: 'wayland-0' }, 'linux', UNRESTRICTED)).toBeNull();
    expect(electronUnavailableReason(root, {}, 'darwin')).toBeNull();
  });
});

describe('Ubuntu 24.04+: Chromium\'s sandbox under AppArmor', () => {
  const helper = () => path.join(root, 'node_modules/electron/dist/chrome-sandbox');
  function installElectron(): void {
    touch('node_modules/electron/path.txt', OLD);
    fs.writeFileSync(path.join(root, 'node_modules/electron/path.txt'), 'electron');
    touch('node_modules/electron/dist/electron', OLD);
    touch('dist/electron/main.js', OLD);
  }

  it('restricted user namespaces and a helper that is not setuid root: falls back, saying the one-line fix', () => {
    installElectron();
    const reason = electronUnavailableReason(root, { DISPLAY: ':0' }, 'linux', machine({ restricted: '1', helper: { uid: 1000, mode: 0o100755 } }));
    expect(reason).toContain(USERNS_RESTRICTION);
    expect(reason).toContain(`sudo chown root:root ${helper()} && sudo chmod 4755 ${helper()}`);
    expect(reason).not.toContain('\n');
    // No helper at all is the same.
    expect(electronUnavailableReason(root, { DISPLAY: ':0' }, 'linux', machine({ restricted: '1', helper: null }))).toBe(reason);
  });

  it('starts the app when the helper is setuid root, namespaces are free (22.04), or on another system', () => {
    installElectron();
    expect(sandboxProblem(root, machine({ restricted: '1', helper: { uid: 0, mode: 0o104755 } }))).toBeNull();
    expect(sandboxProblem(root, machine({ restricted: '1', helper: { uid: 0, mode: 0o100755 } }))).not.toBeNull(); // root's, not setuid
    expect(sandboxProblem(root, machine({ restricted: '1', helper: { uid: 1000, mode: 0o104755 } }))).not.toBeNull(); // setuid, not root's
    expect(sandboxProblem(root, machine({ restricted: '0', helper: null }))).toBeNull();
    expect(sandboxProblem(root, machine({ restricted: null }))).toBeNull();
    expect(electronUnavailableReason(root, {}, 'darwin', machine({ restricted: '1', helper: null }))).toBeNull();
  });

  it('root runs without the sandbox, and npm start says so; a normal user keeps it', () => {
    expect(sandboxProblem(root, machine({ uid: 0, restricted: '1', helper: null }))).toBeNull();
    const asRoot = electronSwitches({ DISPLAY: ':0' }, 'linux', 0);
    expect(asRoot.args).toEqual(['--no-sandbox']);
    expect(asRoot.notices).toEqual([expect.stringMatching(/^Rostrum: running as root, so Chromium's sandbox is off \(--no-sandbox\)/)]);
    expect(electronSwitches({ DISPLAY: ':0' }, 'linux', 1000)).toEqual({ args: [], notices: [] });
  });

  it('a Wayland session with XWayland: npm start runs Electron on X11, so windows can be placed', () => {
    expect(electronSwitches({ XDG_SESSION_TYPE: 'wayland', WAYLAND_DISPLAY: 'wayland-0', DISPLAY: ':0' }, 'linux', 1000).args).toEqual(['--ozone-platform=x11']);
    expect(electronSwitches({ XDG_SESSION_TYPE: 'wayland', WAYLAND_DISPLAY: 'wayland-0' }, 'linux', 1000).args).toEqual([]);
    expect(electronSwitches({ XDG_SESSION_TYPE: 'wayland', DISPLAY: ':0', ELECTRON_OZONE_PLATFORM_HINT: 'wayland' }, 'linux', 1000).args).toEqual([]);
    expect(electronSwitches({ XDG_SESSION_TYPE: 'x11', DISPLAY: ':0' }, 'linux', 1000).args).toEqual([]);
  });
});

describe('exitCodeOf', () => {
  it('passes exit codes through and maps signals like a shell', () => {
    expect(exitCodeOf(0, null)).toBe(0);
    expect(exitCodeOf(3, null)).toBe(3);
    expect(exitCodeOf(null, 'SIGINT')).toBe(130);
    expect(exitCodeOf(null, 'SIGTERM')).toBe(143);
    expect(exitCodeOf(null, null)).toBe(1);
  });
});
