import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../../shared/i18n/en';
import { zh } from '../../../shared/i18n/zh';

// The catalogue is the core plus one part per capability (shared/i18n/parts), and a view loads
// the parts it shows (renderer/views/<view>/messages.ts). A key in two parts would be two places
// for one string, and which one a page showed would depend on which parts it loads.

const PARTS = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'i18n', 'parts');

async function parts(): Promise<{ file: string; lang: 'en' | 'zh'; keys: string[] }[]> {
  const out: { file: string; lang: 'en' | 'zh'; keys: string[] }[] = [];
  for (const file of readdirSync(PARTS).filter((f) => f.endsWith('.ts'))) {
    const module = (await import(join(PARTS, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      const lang = name.endsWith('En') ? 'en' : name.endsWith('Zh') ? 'zh' : null;
      if (lang && typeof value === 'object' && value !== null) out.push({ file, lang, keys: Object.keys(value) });
    }
  }
  return out;
}

describe('the catalogue', () => {
  it('has one place for each string: no key in two parts', async () => {
    const home = new Map<string, string>();
    const twice: string[] = [];
    for (const { file, keys } of (await parts()).filter((p) => p.lang === 'en')) {
      for (const key of keys) {
        const first = home.get(key);
        if (first !== undefined) twice.push(`${key}: ${first} and ${file}`);
        else home.set(key, file);
      }
    }
    expect(twice).toEqual([]);
  });

  it("is every part's English, and each has its Chinese", async () => {
    const all = await parts();
    // The shell's menus and dialogs (parts/shell.ts) are a catalogue of their own (electron/shell/strings.ts).
    const viewParts = all.filter((p) => p.file !== 'shell.ts');
    expect(viewParts.filter((p) => p.lang === 'en').flatMap((p) => p.keys).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const file of new Set(all.map((p) => p.file))) {
      const [english, chinese] = (['en', 'zh'] as const).map((lang) => all.find((p) => p.file === file && p.lang === lang)?.keys.sort());
      expect(chinese, file).toEqual(english);
    }
  });
});
