// What `npm run dist` checks before it builds anything, run here without the network and without
// a build: electron-builder's own project validation (package.json metadata and the schema of
// electron-builder.yml), the deb target's own option check (FpmTarget: homepage and maintainer —
// a missing homepage failed `npm run dist` with "Please specify project homepage"), and the
// notarization settings macOS builds read from the environment.

import { Platform } from 'app-builder-lib';
import { LinuxPackager } from 'app-builder-lib/out/linuxPackager';
import { MacTargetHelper } from 'app-builder-lib/out/mac/MacTargetHelper';
import { Packager } from 'app-builder-lib/out/packager';
import FpmTarget from 'app-builder-lib/out/targets/FpmTarget';
import { LinuxTargetHelper } from 'app-builder-lib/out/targets/LinuxTargetHelper';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { tempDir } from './shell-helpers';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { homepage?: string };
/** Addresses reserved for examples (RFC 2606, RFC 6761): a placeholder, never a real package's. */
const PLACEHOLDER = /(^|[.@/])(example\.(com|org|net)|[^.]*\.(example|invalid|test|localhost))([/>:]|$)/i;

let packager: Packager;
beforeAll(async () => {
  vi.spyOn(console, 'log').mockImplementation(() => {}); // electron-builder's progress lines
  packager = new Packager({ projectDir: ROOT, targets: Platform.LINUX.createTarget(['deb']) });
  await packager.validateConfig();
}, 20_000);
afterEach(() => vi.unstubAllEnvs());

describe('npm run dist, up to where it needs the network', () => {
  it('package.json and electron-builder.yml pass electron-builder\'s project validation', () => {
    expect(packager.config.appId).toBe('org.rostrum.desktop');
    expect(packager.metadata.homepage).toBe(pkg.homepage);
  });

  it('the deb target accepts the project: a homepage and a maintainer that are not placeholders', async () => {
    const linux = new LinuxPackager(packager);
    const deb = new FpmTarget('deb', linux, new LinuxTargetHelper(linux), tempDir('rostrum-dist-'));
    const meta = await deb.checkOptions();
    expect(meta.url).toMatch(/^https:\/\/[^\s]+$/);
    expect(meta.url).not.toMatch(PLACEHOLDER);
    expect(meta.maintainer).toMatch(/^[^<>]+ <[^@\s<>]+@[^@\s<>]+\.[a-z]+>$/);
    expect(meta.maintainer).not.toMatch(PLACEHOLDER);
  });

  it('macOS: hardened runtime and notarization on, credentials from the environment (unsigned when there are none)', () => {
    const mac = packager.config.mac;
    expect(mac).toMatchObject({ hardenedRuntime: true, notarize: true });
    for (const name of ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID', 'APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER', 'APPLE_KEYCHAIN_PROFILE']) vi.stubEnv(name, '');
    expect(MacTargetHelper.getNotarizeOptions('/tmp/Rostrum.app')).toBeUndefined();
    vi.stubEnv('APPLE_API_KEY', '/keys/AuthKey_ABC.p8');
    vi.stubEnv('APPLE_API_KEY_ID', 'ABC');
    vi.stubEnv('APPLE_API_ISSUER', '69a6de7e-0000-47e3-e053-5b8c7c11a4d1');
    expect(MacTargetHelper.getNotarizeOptions('/tmp/Rostrum.app')).toMatchObject({ tool: 'notarytool', appleApiKeyId: 'ABC' });
  });

  it('the deb comes first: it installs the AppArmor profile Ubuntu 24.04 needs', () => {
    expect(packager.config.linux?.target).toEqual(['deb', 'AppImage']);
  });
});
