// ESLint flat config. Not type-aware on purpose (fast); `npm run typecheck` covers types.
import js from '@eslint/js';
import { builtinModules } from 'node:module';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layers (docs/architecture.md), as import rules. Paths are matched as written: our folders
 * are reached by relative paths, so a segment names the folder (`../shell/x`, `../../electron/x`).
 * tests/lint/layer-rules.test.ts checks that each rule fires on a breach and that the tree is clean.
 */
const nodeBuiltins = [...new Set(builtinModules.map((m) => m.replace(/^node:/, '').split('/')[0]))];
const layer = (message, ...regexes) => regexes.map((regex) => ({ regex, message }));
export const LAYER_RULES = {
  shared: layer(
    'shared/ is the pure domain: it imports nothing of ours outside shared/ and no Node builtins (docs/architecture.md).',
    '^(\\.\\./)+(electron|renderer|tests|scripts|bench|assets)(/|$)',
    `^(node:.*|(${nodeBuiltins.join('|')})(/.*)?)$`,
    '^electron(-store)?$',
  ),
  renderer: layer('renderer/ (the views) imports shared/, never electron/ nor Electron (docs/architecture.md).', '(^|/)electron(/|$)', '^electron-store$'),
  core: layer(
    'The core (electron/ but the shell) imports neither the shell, nor renderer/, nor Electron: it runs headless (docs/architecture.md).',
    '(^|/)shell(/|$)',
    '(^|/)renderer(/|$)',
    '^electron(-store)?(/.*)?$',
  ),
};
const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default defineConfig([
  globalIgnores(['dist/', 'dist-*/', 'node_modules/', 'test-results/', 'playwright-report/', 'docs/', '.cache/']),

  js.configs.recommended,
  tseslint.configs.recommended,

  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },

  // Node: tooling, the Electron main process / headless server, tests, benchmarks, configs.
  {
    files: ['scripts/**', 'electron/**', 'tests/**', 'bench/**', '*.config.{js,mjs,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },

  // The layers.
  { files: ['shared/**/*.{ts,tsx,js,mjs}'], rules: restrict(LAYER_RULES.shared) },
  { files: ['renderer/**/*.{ts,tsx,js,mjs}'], rules: restrict(LAYER_RULES.renderer) },
  { files: ['electron/**/*.{ts,tsx,js,mjs}'], ignores: ['electron/shell/**'], rules: restrict(LAYER_RULES.core) },

  // Browser: the React renderer.
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
]);
