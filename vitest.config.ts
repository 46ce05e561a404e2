import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: ['tests/shared/**/*.test.ts', 'tests/electron/**/*.test.ts', 'tests/scripts/**/*.test.ts'],
          setupFiles: ['tests/setup/pin-tz.ts'],
          environment: 'node',
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
