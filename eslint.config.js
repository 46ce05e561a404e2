// ESLint flat config. Not type-aware on purpose (fast); `npm run typecheck` covers types.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
