// electron-builder.yml and what it packages, checked without the network (npm run dist needs it):
// electron-builder's own schema, every target set, every file it names present after the build,
// and the two built files Electron loads first — the main process and the sandboxed preload.

import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import type { Configuration } from 'electron-builder';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { inflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { app, openWindows } from './electron-mock';
import { tempDir } from './shell-helpers';
import { ICNS_TYPES, ICO_SIZES, PNG_SIGNATURE, PNG_SIZES, iconFiles } from '../../../scripts/generate-icons.mjs';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
/** The build to check: ROSTRUM_DIST when set (parallel work), dist/ otherwise. */
const DIST = process.env['ROSTRUM_DIST'] ?? 'dist';
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  main: string;
  productName: string;
  dependencies: Record<string, string>;
  scripts: Record<string, string>;
};

/** A path electron-builder.yml names (relative to the root, dist/… as packaged), in the build checked here. */
const inBuild = (p: string) => join(ROOT, p.replace(/^dist\//, `${DIST}/`));

/** Every file under `dir`, relative to the root, with `dist/` standing for the build folder. */
function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => relative(ROOT, join(dir, f)).split('\\').join('/').replace(new RegExp(`^${DIST}/`), 'dist/'));
}

/** The glob subset electron-builder.yml uses: `**`, `*`, `{a,b}`, literal paths. */
function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '{') re += '(?:';
    else if (c === '}') re += ')';
    else if (c === ',') re += '|';
    else re += c.replace(/[.+?^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

let config: Configuration;
beforeAll(async () => {
  if (!existsSync(inBuild(pkg.main))) {
    throw new Error(`${inBuild(pkg.main)} is missing: run "npm run build" first (ROSTRUM_DIST=${DIST})`);
  }
  vi.spyOn(console, 'log').mockImplementation(() => {}); // "loaded configuration"
  config = await getConfig(ROOT, 'electron-builder.yml', null);
  vi.restoreAllMocks();
});

describe('electron-builder.yml', () => {
  it('passes electron-builder\'s own validation (which does reject a wrong key)', { timeout: 20_000 }, async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, linux: { ...config.linux, targett: 'deb' } } as Configuration, new DebugLogger(false))).rejects.toThrow(
      /Invalid configuration object[\s\S]*linux/,
    );
  });

  it('sets the app id, the product name, and every target: Linux AppImage + deb, Windows nsis, macOS dmg', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z0-9-]+)+$/);
    expect(config.productName).toBe(pkg.productName);
    expect(config.linux?.target).toEqual(['deb', 'AppImage']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.linux?.maintainer).toMatch(/<[^@\s]+@[^@\s]+>$/); // deb needs one
    expect(pkg.scripts['dist']).toBe('npm run build && electron-builder');
  });

  it('every icon it names exists: a PNG folder for Linux, .ico for Windows, .icns for macOS', () => {
    expect(config.directories?.buildResources).toBe('assets/icons');
    const linuxIcons = readdirSync(join(ROOT, config.linux?.icon as string));
    for (const size of [16, 32, 48, 64, 128, 256, 512]) expect(linuxIcons).toContain(`${size}x${size}.png`);
    expect(existsSync(join(ROOT, config.win?.icon as string))).toBe(true);
    expect(existsSync(join(ROOT, config.mac?.icon as string))).toBe(true);
  });

  it('every file pattern matches files of the build, and they include package.json "main", the preload and the views', () => {
    const patterns = (config.files as string[] | { filter: string[] }[]).flatMap((f) => (typeof f === 'string' ? [f] : f.filter));
    const candidates = ['package.json', ...walk(join(ROOT, DIST, 'electron')), ...walk(join(ROOT, DIST, 'renderer')), ...walk(join(ROOT, 'assets', 'icons'))];
    const include = patterns.filter((p) => !p.startsWith('!'));
    const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => globToRegExp(p.slice(1)));
    for (const pattern of include) {
      expect(candidates.filter((f) => globToRegExp(pattern).test(f)), pattern).not.toHaveLength(0);
    }
    const packaged = candidates.filter((f) => include.some((p) => globToRegExp(p).test(f)) && !exclude.some((re) => re.test(f)));
    expect(packaged).toContain(pkg.main);
    expect(packaged).toContain('dist/electron/preload.cjs');
    for (const view of ['moderator', 'speaker', 'booth']) expect(packaged).toContain(`dist/renderer/${view}.html`);
    expect(packaged.filter((f) => f.endsWith('.map'))).toEqual([]);
  });

  it('sets the fuses of the security checklist', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });
});

describe('the built main process and preload', () => {
  it('main.js imports only Node, Electron and production dependencies that are packaged', () => {
    const main = readFileSync(inBuild(pkg.main), 'utf8');
    const imported = [...main.matchAll(/^import\s+(?:[^'"]*?\s+from\s+)?["']([^"']+)["']/gm)].map((m) => m[1]!);
    expect(imported).toContain('electron');
    const packages = imported.filter((m) => m !== 'electron' && !m.startsWith('node:') && !builtinModules.includes(m));
    const excluded = ['react', 'react-dom', 'scheduler', 'zustand', 'howler'];
    for (const name of packages) {
      const root = name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0]!;
      expect(Object.keys(pkg.dependencies), name).toContain(root);
      expect(excluded, name).not.toContain(root);
      expect(root.startsWith('@fontsource'), name).toBe(false);
    }
    // No relative imports: one file, nothing the packaging could leave behind.
    expect(imported.filter((m) => m.startsWith('.'))).toEqual([]);
  });

  it('main.js, run as `electron . --port 0` with Electron mocked: serves the built views and opens the moderator window with the built preload', { timeout: 30_000 }, async () => {
    const argv = process.argv;
    process.argv = ['/usr/lib/rostrum/electron', '.', '--port', '0', '--data-dir', tempDir()];
    vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      await import(/* @vite-ignore */ inBuild(pkg.main));
      await vi.waitFor(() => expect(openWindows()).toHaveLength(1));
    } finally {
      process.argv = argv;
      vi.restoreAllMocks();
    }
    const win = openWindows()[0]!;
    expect(win.options.webPreferences?.['preload']).toBe(inBuild('dist/electron/preload.cjs'));
    const page = await fetch(win.webContents.getURL());
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<div id="root">');
    let stopping = false;
    app.emit('will-quit', { preventDefault: () => (stopping = true) });
    expect(stopping).toBe(true);
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
  });

  it('preload.cjs is one CommonJS file whose only require is electron, and runs sandboxed', () => {
    const code = readFileSync(inBuild('dist/electron/preload.cjs'), 'utf8');
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect([...code.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1])).toEqual(['electron']);

    // A sandboxed preload gets `require` for 'electron' (and a few others), nothing of Node's own.
    const exposed: [string, unknown][] = [];
    const answer = { serverUrl: 'http://127.0.0.1:4848', role: 'booth', token: 'booth-token-0002', extra: 'not for the page' };
    const electron = {
      ipcRenderer: { sendSync: (channel: string) => (channel === 'rostrum:window-info' ? answer : undefined) },
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.push([key, api]) },
    };
    const module = { exports: {} };
    runInNewContext(code, {
      require: (id: string) => {
        if (id === 'electron') return electron;
        throw new Error(`a sandboxed preload cannot require ${id}`);
      },
      module,
      exports: module.exports,
    });
    expect(exposed).toHaveLength(1);
    expect(exposed[0]?.[0]).toBe('rostrum');
    expect(JSON.parse(JSON.stringify(exposed[0]?.[1]))).toEqual({ serverUrl: 'http://127.0.0.1:4848', role: 'booth', token: 'booth-token-0002' });
  });
});

describe('assets/icons', () => {
  it('holds exactly what scripts/generate-icons.mjs draws (run `npm run icons` after changing it)', () => {
    const files = iconFiles();
    expect(readdirSync(join(ROOT, 'assets', 'icons')).sort()).toEqual([...files.keys()].sort());
    for (const [name, bytes] of files) expect(readFileSync(join(ROOT, 'assets', 'icons', name)).equals(bytes), name).toBe(true);
  });

  it('PNGs are what their names say: signature, size, RGBA, pixel data complete; the corners transparent, the centre not', () => {
    for (const size of PNG_SIZES) {
      const png = readFileSync(join(ROOT, 'assets', 'icons', `${size}x${size}.png`));
      expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      expect(png.toString('ascii', 12, 16)).toBe('IHDR');
      expect([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]]).toEqual([size, size, 8, 6]);
      const idatLength = png.readUInt32BE(33);
      expect(png.toString('ascii', 37, 41)).toBe('IDAT');
      const raw = inflateSync(png.subarray(41, 41 + idatLength));
      expect(raw.length).toBe((size * 4 + 1) * size);
      const alpha = (x: number, y: number) => raw[y * (size * 4 + 1) + 1 + x * 4 + 3];
      expect(alpha(0, 0)).toBe(0);
      expect(alpha(size >> 1, size >> 1)).toBe(255);
    }
  });

  it('icon.ico lists 16 … 256 px PNG entries; icon.icns is a well-formed icon family up to 1024 px', () => {
    const ico = readFileSync(join(ROOT, 'assets', 'icons', 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, ICO_SIZES.length]);
    const sizes = ICO_SIZES.map((_, i) => {
      const entry = 6 + 16 * i;
      const offset = ico.readUInt32LE(entry + 12);
      expect(ico.subarray(offset, offset + 8).equals(PNG_SIGNATURE)).toBe(true);
      expect(offset + ico.readUInt32LE(entry + 8)).toBeLessThanOrEqual(ico.length);
      return ico[entry] === 0 ? 256 : ico[entry];
    });
    expect(sizes).toEqual(ICO_SIZES);

    const icns = readFileSync(join(ROOT, 'assets', 'icons', 'icon.icns'));
    expect(icns.toString('ascii', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types: string[] = [];
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) {
      types.push(icns.toString('ascii', at, at + 4));
      expect(icns.subarray(at + 8, at + 16).equals(PNG_SIGNATURE)).toBe(true);
    }
    expect(types).toEqual(ICNS_TYPES.map(([type]) => type));
  });
});
