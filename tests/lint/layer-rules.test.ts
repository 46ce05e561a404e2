// The layers (docs/architecture.md) are lint rules (eslint.config.js, LAYER_RULES). Each breach
// below is linted as if it were a file at that path in the tree, through ESLint's Node API and
// the project's own config: every rule must fire, the allowed imports must pass, and the real
// tree must have no breach.

import { ESLint } from 'eslint';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const RULE = 'no-restricted-imports';
const eslint = new ESLint({ cwd: ROOT, ruleFilter: ({ ruleId }) => ruleId === RULE });

async function breaches(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, filePath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === RULE).map((m) => m.message);
}

describe('lint enforces the layers', () => {
  it.each([
    ['shared/ imports the core', 'shared/clock/fixture.ts', "import { x } from '../../electron/engine/core';"],
    ['shared/ imports the views', 'shared/fixture.ts', "import type { X } from '../renderer/app/store';"],
    ['shared/ imports a Node builtin (node:)', 'shared/time/fixture.ts', "import { readFileSync } from 'node:fs';"],
    ['shared/ imports a Node builtin (bare)', 'shared/time/fixture.ts', "import { join } from 'path';"],
    ['shared/ imports Electron', 'shared/fixture.ts', "import { app } from 'electron';"],
    ['renderer/ imports the core', 'renderer/app/fixture.ts', "import { x } from '../../electron/server/tokens';"],
    ['renderer/ imports the shell', 'renderer/views/moderator/fixture.tsx', "export { x } from '../../../electron/shell/args';"],
    ['renderer/ imports Electron', 'renderer/app/fixture.ts', "import { ipcRenderer } from 'electron';"],
    ['the core imports the shell', 'electron/server/fixture.ts', "import { runShell } from '../shell/shell';"],
    ['the core imports the views', 'electron/report/fixture.ts', "import type { MessageKey } from '../../renderer/i18n/i18n';"],
    ['the core imports Electron', 'electron/persistence/fixture.ts', "import { ipcMain } from 'electron';"],
    ['the core imports electron-store', 'electron/persistence/fixture.ts', "import Store from 'electron-store';"],
  ])('%s: reported', async (_what, filePath, code) => {
    expect(await breaches(filePath, code)).toHaveLength(1);
  });

  it.each([
    ['shared/ imports shared/ and zod', 'shared/clock/fixture.ts', "import { z } from 'zod';\nimport { x } from '../time/instant';"],
    ['renderer/ imports shared/', 'renderer/app/fixture.ts', "import { en } from '../../shared/i18n/en';"],
    ['the core imports shared/ and Node', 'electron/server/fixture.ts', "import { x } from '../../shared/contract/http';\nimport { join } from 'node:path';"],
    ['the shell imports Electron and the core', 'electron/shell/fixture.ts', "import { app } from 'electron';\nimport { x } from '../app/start-rostrum';"],
  ])('%s: allowed', async (_what, filePath, code) => {
    expect(await breaches(filePath, code)).toEqual([]);
  });

  it('the tree has no breach', { timeout: 180_000 }, async () => {
    const results = await eslint.lintFiles(['shared', 'renderer', 'electron']);
    const found = results.flatMap((r) => r.messages.filter((m) => m.ruleId === RULE).map((m) => `${r.filePath}:${m.line} ${m.message}`));
    expect(results.length).toBeGreaterThan(100);
    expect(found).toEqual([]);
  });
});
