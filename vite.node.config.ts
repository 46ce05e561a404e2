import { build, defineConfig, type Plugin } from 'vite';

const DIST = process.env['ROSTRUM_DIST'] ?? 'dist';

/**
 * How a bundle of the core (serve.js, the Electron main.js) is split: one file to load at start, and
 * what a show may never use in chunks of its `assets/` folder, loaded on first use (bench: server RSS):
 * the agenda's readers, writers and reports in one (`file-io`), the YAML parser and the relay link's
 * socket.io client each in their own (dynamic imports). Without the groups, modules that the entry and
 * those chunks share would land in small chunks the entry imports at start.
 */
const coreChunks = (entry: string) => ({
  groups: [
    { name: entry, tags: ['$initial' as const], priority: 2 },
    { name: 'file-io', test: (id: string) => /[\\/](electron|shared)[\\/](agenda-io|report|rooms)[\\/]/.test(id) && !/yaml-agenda/.test(id), priority: 1 },
  ],
});

/**
 * The Electron main process and its preload, built with the headless server into <dist>/electron/
 * (package.json "main" is dist/electron/main.js). Two builds of their own, because their outputs
 * differ from the server's and from each other:
 * - main.js: an ES module for Electron's Node (22), dependencies external like the server's;
 * - preload.cjs: one self-contained CommonJS file. Preloads run sandboxed: no ESM, no Node modules,
 *   no chunks to load — `require('electron')` is the only require they may make.
 */
function electronShell(): Plugin {
  let built = false;
  return {
    name: 'rostrum:electron-shell',
    apply: 'build',
    async closeBundle() {
      if (built) return;
      built = true;
      const outDir = `${DIST}/electron`;
      await build({
        configFile: false,
        publicDir: false,
        logLevel: 'warn',
        build: {
          ssr: true,
          target: 'node22',
          outDir,
          emptyOutDir: true,
          sourcemap: true,
          minify: false,
          rollupOptions: {
            input: { main: 'electron/shell/main.ts' },
            output: { format: 'es', entryFileNames: '[name].js', codeSplitting: coreChunks('main') },
          },
        },
      });
      await build({
        configFile: false,
        publicDir: false,
        logLevel: 'warn',
        build: {
          ssr: true,
          target: 'es2022',
          outDir,
          emptyOutDir: false,
          sourcemap: false,
          minify: false,
          rollupOptions: {
            input: { preload: 'electron/shell/preload.ts' },
            external: ['electron'],
            output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
          },
        },
      });
      // After the builds above, the first of which empties the folder.
      await buildParseWorker(outDir);
    },
  };
}

/**
 * The import parser's worker (electron/agenda-io/parse-worker.ts), one self-contained file beside
 * each bundle that starts it: dist/node/parse-worker.js for the server, dist/electron/parse-worker.js
 * for the desktop app. Its own build keeps serve.js one file (no chunks shared with the worker).
 */
async function buildParseWorker(outDir: string): Promise<void> {
  await build({
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    ssr: { noExternal: true },
    build: {
      ssr: true,
      target: 'node20',
      outDir,
      emptyOutDir: false,
      sourcemap: true,
      minify: false,
      rollupOptions: {
        input: { 'parse-worker': 'electron/agenda-io/parse-worker.ts' },
        output: { format: 'es', entryFileNames: '[name].js', codeSplitting: false },
      },
    },
  });
}

function parseWorker(): Plugin {
  let built = false;
  return {
    name: 'rostrum:parse-worker',
    apply: 'build',
    async closeBundle() {
      if (built) return;
      built = true;
      await buildParseWorker(`${DIST}/node`);
    },
  };
}

/**
 * The relay (`npm run relay`, docs/remote.md) beside the server in <dist>/node/, a build of its own
 * so that serve.js stays one file (no chunk shared between the two entries). Bundled like the server.
 */
function relayEntry(): Plugin {
  let built = false;
  return {
    name: 'rostrum:relay',
    apply: 'build',
    async closeBundle() {
      if (built) return;
      built = true;
      await build({
        configFile: false,
        publicDir: false,
        logLevel: 'warn',
        plugins: [asciiOnly()],
        ssr: { noExternal: true },
        build: {
          ssr: true,
          target: 'node20',
          outDir: `${DIST}/node`,
          emptyOutDir: false,
          sourcemap: true,
          minify: false,
          rollupOptions: {
            input: { relay: 'electron/relay/relay.ts' },
            output: { format: 'es', entryFileNames: '[name].js' },
          },
        },
      });
    },
  };
}

/**
 * Writes the server bundle in ASCII, non-ASCII characters escaped (`\u4E2D`): escapes mean the same
 * in strings, regular expressions, identifiers and comments. Node then decodes the file on the
 * fast path and keeps its source as a one-byte string: one byte a character instead of two, for
 * the whole megabyte, for the life of the process (cold start and RSS; see bench/NOTES.md).
 */
function asciiOnly(): Plugin {
  const escape = (code: string) => code.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return {
    name: 'rostrum:ascii-only',
    apply: 'build',
    // After every other plugin has rendered the chunks (renderChunk is not the last word in vite 8).
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !/[\u0080-\uffff]/.test(chunk.code)) continue;
        if (/String\.raw`/.test(chunk.code)) this.warn(`${chunk.fileName}: String.raw in the bundle; its non-ASCII text would read back escaped`);
        chunk.code = escape(chunk.code);
      }
    },
  };
}

/**
 * Builds the headless core for plain Node, and the Electron main process and preload beside it.
 * The server bundles its dependencies (see `ssr` below); the Electron main keeps them external.
 */
export default defineConfig({
  plugins: [electronShell(), relayEntry(), parseWorker(), asciiOnly()],
  // The server bundles its dependencies into serve.js: one file to load instead of hundreds,
  // which is most of its cold start. (exceljs stays a lazy import, loaded on the first XLSX.)
  ssr: { noExternal: true, external: ['exceljs'] },
  build: {
    ssr: true,
    target: 'node20',
    outDir: `${DIST}/node`,
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    rollupOptions: {
      input: { serve: 'electron/cli/serve.ts' },
      // The UI catalogues (shared/i18n/en.ts, zh.ts: objects spread from parts) are pure data, but a
      // spread reads as a possible side effect, so they stayed in serve.js unused (~110 kB). Without them
      // the server keeps only what it reads: the report's words and formatMessage.
      treeshake: { moduleSideEffects: [{ test: /[\\/]shared[\\/]i18n[\\/]/, sideEffects: false }] },
      // Comments are a seventh of serve.js, held in memory as its source: out (license notices stay).
      output: { format: 'es', entryFileNames: '[name].js', comments: { legal: true, annotation: false, jsdoc: false }, codeSplitting: coreChunks('serve') },
    },
  },
});
