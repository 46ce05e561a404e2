import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrandingInfo, LogoType } from '../../shared/contract/branding';
import { ACCENT_PATTERN } from '../../shared/contract/branding';
import { checkLogo } from './logo-check';

interface Held {
  accent: string | null;
  logo: { type: LogoType; width: number; height: number; bytes: Buffer; version: string } | null;
  css: { bytes: Buffer; version: string } | null;
}

const versionOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex').slice(0, 12);
const LOGO_FILES: Record<LogoType, string> = { png: 'logo.png', svg: 'logo.svg' };
const CSS_FILE = 'custom.css';
const ACCENT_FILE = 'branding.json';

/**
 * The event's branding (#19), in `<data dir>/branding/`: `logo.png` or `logo.svg`, `custom.css`
 * and `branding.json` (the accent). Every change is written (temp file, then rename) before it
 * returns, and throws when it cannot be: the caller answers the error and nothing changed. Files
 * are checked again when read at start: one that fails the checks is ignored (and left alone).
 * Without a folder (tests, a server with no data dir) it lives in memory.
 */
export class BrandingStore {
  private held: Held = { accent: null, logo: null, css: null };
  private readonly listeners = new Set<(info: BrandingInfo) => void>();

  constructor(private readonly dir: string | null) {
    if (dir !== null) this.load(dir);
  }

  info(): BrandingInfo {
    const { accent, logo, css } = this.held;
    return {
      accent,
      logo: logo && { type: logo.type, width: logo.width, height: logo.height, bytes: logo.bytes.length, version: logo.version },
      css: css && { bytes: css.bytes.length, version: css.version },
    };
  }

  logo(): { type: LogoType; bytes: Buffer } | null {
    return this.held.logo;
  }

  css(): Buffer | null {
    return this.held.css?.bytes ?? null;
  }

  onChange(listener: (info: BrandingInfo) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A logo that passed checkLogo. */
  setLogo(type: LogoType, width: number, height: number, bytes: Buffer): void {
    this.write(LOGO_FILES[type], bytes);
    const other = LOGO_FILES[type === 'png' ? 'svg' : 'png'];
    this.remove(other);
    this.change({ logo: { type, width, height, bytes, version: versionOf(bytes) } });
  }

  removeLogo(): void {
    this.remove(LOGO_FILES.png);
    this.remove(LOGO_FILES.svg);
    this.change({ logo: null });
  }

  setAccent(accent: string | null): void {
    this.write(ACCENT_FILE, Buffer.from(JSON.stringify({ accent })));
    this.change({ accent });
  }

  setCss(bytes: Buffer): void {
    this.write(CSS_FILE, bytes);
    this.change({ css: { bytes, version: versionOf(bytes) } });
  }

  removeCss(): void {
    this.remove(CSS_FILE);
    this.change({ css: null });
  }

  private change(part: Partial<Held>): void {
    this.held = { ...this.held, ...part };
    const info = this.info();
    for (const listener of this.listeners) listener(info);
  }

  private write(name: string, bytes: Buffer): void {
    if (this.dir === null) return;
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const path = join(this.dir, name);
    writeFileSync(`${path}.tmp`, bytes, { mode: 0o600 });
    renameSync(`${path}.tmp`, path);
  }

  private remove(name: string): void {
    if (this.dir !== null) rmSync(join(this.dir, name), { force: true });
  }

  private load(dir: string): void {
    const read = (name: string) => (existsSync(join(dir, name)) ? readFileSync(join(dir, name)) : null);
    try {
      const accent = (JSON.parse(read(ACCENT_FILE)?.toString('utf8') ?? '{}') as { accent?: unknown }).accent;
      if (typeof accent === 'string' && ACCENT_PATTERN.test(accent)) this.held.accent = accent;
    } catch {
      // a damaged branding.json: no accent
    }
    for (const type of ['svg', 'png'] as const) {
      const bytes = read(LOGO_FILES[type]);
      const checked = bytes && checkLogo(bytes);
      if (bytes && checked?.ok && checked.type === type) this.held.logo = { type, width: checked.width, height: checked.height, bytes, version: versionOf(bytes) };
    }
    const css = read(CSS_FILE);
    if (css) this.held.css = { bytes: css, version: versionOf(css) };
  }
}
