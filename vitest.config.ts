import { configDefaults, defineConfig } from 'vitest/config';

/** Unit-style tests that check the output of `npm run build`: they run where the build is (integration). */
const BUILT = ['tests/electron/shell/packaging.test.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: ['tests/shared/**/*.test.ts', 'tests/electron/**/*.test.ts', 'tests/scripts/**/*.test.ts', 'tests/renderer/**/*.test.ts', 'tests/docs/**/*.test.ts', 'tests/lint/**/*.test.ts'],
          // Reads the build: it runs with the integration tests, which need `npm run build` too.
          exclude: [...configDefaults.exclude, ...BUILT],
          // The second file replaces 'electron' with a mock (Electron cannot run here).
          setupFiles: ['tests/setup/pin-tz.ts', 'tests/electron/shell/mock-electron.setup.ts'],
          environment: 'node',
          // electron-store imports 'electron': inlined, it gets the mock too.
          server: { deps: { inline: ['electron-store'] } },
        },
      },
      {
        test: {
          name: 'integration',
          // Runs after the unit tests, with fewer workers: each file spawns real servers.
          sequence: { groupOrder: 1 },
          include: ['tests/integration/**/*.test.ts', ...BUILT],
          // The Electron mock matters only to the shell's files (BUILT); the servers run as processes.
          setupFiles: ['tests/setup/pin-tz.ts', 'tests/electron/shell/mock-electron.setup.ts'],
          server: { deps: { inline: ['electron-store'] } },
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
          // Each file starts its own servers on free ports; two cores, so keep it modest.
          maxWorkers: 2,
        },
      },
    ],
  },
});
