import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: ['tests/shared/**/*.test.ts', 'tests/electron/**/*.test.ts', 'tests/scripts/**/*.test.ts', 'tests/renderer/**/*.test.ts', 'tests/docs/**/*.test.ts'],
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
          include: ['tests/integration/**/*.test.ts'],
          setupFiles: ['tests/setup/pin-tz.ts'],
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
