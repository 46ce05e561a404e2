import { defineConfig } from 'vite';

/**
 * Builds the headless core (and, later, the Electron main process) for plain Node.
 * Dependencies stay external: they load from node_modules as in any Node program.
 */
export default defineConfig({
  build: {
    ssr: true,
    target: 'node20',
    outDir: `${process.env['ROSTRUM_DIST'] ?? 'dist'}/node`,
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    rollupOptions: {
      input: { serve: 'electron/cli/serve.ts' },
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
});
