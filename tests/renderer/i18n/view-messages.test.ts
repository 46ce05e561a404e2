// Each view loads the core and the parts its messages.ts names (renderer/i18n/messages.ts), not
// every view's strings. This file pins the other half: a view's code asks for no key it does not
// load (else a raw key on screen), and loads no part it never shows (else bytes for nothing).

import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../../shared/i18n/en';
import { coreEn } from '../../../shared/i18n/parts/core';
import type { MessagePart } from '../../../renderer/i18n/messages';
import { keyReader, type KeyReader } from '../../helpers/message-keys-used';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const VIEWS = join(ROOT, 'renderer', 'views');
const ALL_KEYS: ReadonlySet<string> = new Set(Object.keys(en));

const views = readdirSync(VIEWS, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

const entryOf = (view: string) => ['main.tsx', 'main.ts'].map((f) => `renderer/views/${view}/${f}`).find((f) => existsSync(join(ROOT, f)));

async function partsOf(view: string): Promise<readonly MessagePart[]> {
  const module = (await import(join(VIEWS, view, 'messages.ts'))) as { VIEW_MESSAGES?: readonly MessagePart[] };
  if (!module.VIEW_MESSAGES) throw new Error(`renderer/views/${view}/messages.ts exports no VIEW_MESSAGES`);
  return module.VIEW_MESSAGES;
}

let reader: KeyReader;
beforeAll(() => {
  // One program over the renderer, with its type checker: a few seconds, more on a loaded machine.
  reader = keyReader();
}, 120_000);

describe('every view loads the strings it shows', () => {
  it('finds the views', () => {
    expect(views).toEqual(expect.arrayContaining(['booth', 'clock', 'crew', 'lower-third', 'moderator', 'overview', 'speaker']));
  });

  describe.each(views)('/%s', (view) => {
    it('has an entry that loads its messages.ts', () => {
      const entry = entryOf(view);
      expect(entry, `renderer/views/${view} has no main.ts(x)`).toBeDefined();
      expect(reader.filesOf(entry!)).toContain(join(VIEWS, view, 'messages.ts'));
    });

    it('asks for no key outside the core and its parts', async () => {
      const loaded = new Set([...Object.keys(coreEn), ...(await partsOf(view)).flatMap((p) => Object.keys(p.en))]);
      const missing = reader.keysUsedBy(entryOf(view)!, ALL_KEYS).filter((use) => !loaded.has(use.key));
      expect(missing.map((use) => `${use.key} (${use.at})`), `add their parts to renderer/views/${view}/messages.ts`).toEqual([]);
    });

    it('loads no part it never shows', async () => {
      const used = new Set(reader.keysUsedBy(entryOf(view)!, ALL_KEYS).map((use) => use.key));
      const idle = (await partsOf(view)).filter((p) => !Object.keys(p.en).some((k) => used.has(k)));
      expect(idle.map((p) => Object.keys(p.en).slice(0, 3).join(', '))).toEqual([]);
    });

    it('does not carry the whole catalogue', () => {
      const whole = ['shared/i18n/en.ts', 'shared/i18n/zh.ts', 'shared/i18n/catalogue.ts'].map((f) => join(ROOT, f));
      expect(reader.filesOf(entryOf(view)!).filter((f) => whole.includes(f))).toEqual([]);
    });

    it('has every loaded string in English and Chinese', async () => {
      for (const p of await partsOf(view)) expect(Object.keys(p.zh).sort()).toEqual(Object.keys(p.en).sort());
    });
  });
});

describe('the key reader', () => {
  it('sees the keys a view asks for, in literals and in templates', () => {
    const uses = reader.keysUsedBy('renderer/views/speaker/main.tsx', ALL_KEYS);
    const keys = new Set(uses.map((u) => u.key));
    // A literal: t('speaker.timeOfDay'); templates over a union: `phase.${phase}`, `view.${view}`.
    for (const key of ['speaker.timeOfDay', 'phase.overtime', 'status.paused', 'view.crew', 'error.offline']) expect(keys).toContain(key);
    // Code the speaker's page does not run.
    for (const key of ['moderator.undo.removed', 'booth.request.title']) expect(keys).not.toContain(key);
  });
});
