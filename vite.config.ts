import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { generateSounds } from './scripts/generate-sounds.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererRoot = resolve(here, 'renderer');

/** The dev server forwards the socket and the HTTP API to a server started with `--port 4848`. */
const DEV_BACKEND = 'http://127.0.0.1:4848';

/**
 * Ships one format of Noto Sans SC, not two. @fontsource 5.3.0's WOFF2 files are static 400/700
 * instances whose name table still calls them "Noto Sans SC Thin" (a leftover of the variable
 * master), so the browser and DevTools report that family for Chinese text; its WOFF files carry
 * the right name, "Noto Sans SC". The WOFF files are ~25% larger per slice, which a LAN and an
 * immutable cache make irrelevant, and halve the number of font files in dist.
 */
function notoWoffOnly(): Plugin {
  return {
    name: 'rostrum:noto-woff-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]@fontsource[\\/]noto-sans-sc[\\/].*\.css$/.test(id)) return null;
      const out = code.replace(/url\([^)]*\.woff2\)\s*format\('woff2'\),\s*/g, '');
      if (out === code || /\.woff2/.test(out)) this.warn(`${id}: @font-face sources not in the expected shape`);
      return { code: out, map: null };
    },
  };
}

/**
 * The audio cues are generated in the project (scripts/generate-sounds.mjs), never downloaded,
 * before anything imports them: a fresh clone builds (and `vite` serves) with no extra step.
 */
function sounds(): Plugin {
  return { name: 'rostrum:sounds', buildStart: () => void generateSounds() };
}

/** Matches the modules of the named packages. */
const vendor = (names: string[]) =>
  new RegExp(`[\\\\/]node_modules[\\\\/](${names.map((n) => n.replace(/\./g, '\\.')).join('|')})[\\\\/]`);

/**
 * The three views, one HTML page each. Each page gets its own entry chunk; code they share
 * (React, the store, the connection) lands in shared chunks, so /speaker loads only what it uses.
 */
const views: UserConfig = {
  root: rendererRoot,
  base: '/',
  appType: 'mpa',
  plugins: [notoWoffOnly(), sounds(), react()],
  build: {
    // ROSTRUM_DIST lets parallel work build into a folder of its own (default dist/).
    outDir: resolve(here, process.env['ROSTRUM_DIST'] ?? 'dist', 'renderer'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // Never inline assets as data: URLs (fonts, icons): the CSP allows files from 'self' only.
    assetsInlineLimit: 0,
    reportCompressedSize: true,
    chunkSizeWarningLimit: 250,
    rolldownOptions: {
      input: {
        moderator: resolve(rendererRoot, 'moderator.html'),
        speaker: resolve(rendererRoot, 'speaker.html'),
        booth: resolve(rendererRoot, 'booth.html'),
        clock: resolve(rendererRoot, 'clock.html'),
        crew: resolve(rendererRoot, 'crew.html'),
        // The producer's overview of every room (#18, docs/rooms.md).
        overview: resolve(rendererRoot, 'overview.html'),
      },
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: vendor(['react', 'react-dom', 'scheduler']), priority: 3 },
            {
              name: 'socket',
              test: vendor(['socket.io-client', 'socket.io-parser', 'engine.io-client', 'engine.io-parser', '@socket.io']),
              priority: 2,
            },
            // The strings: each view loads the parts its messages.ts names (renderer/i18n/messages.ts), so
            // a part goes in a chunk with the parts the same views load, never in every view's `shared`.
            { name: 'i18n', test: /[\\/]shared[\\/]i18n[\\/]parts[\\/]/, entriesAware: true, priority: 2 },
            // App code and other libraries used by at least two views; what one view alone uses stays in its entry.
            { name: 'shared', minShareCount: 2, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    host: '127.0.0.1',
    proxy: {
      '/socket.io': { target: DEV_BACKEND, ws: true },
      '/api': { target: DEV_BACKEND },
    },
  },
};

/**
 * `--mode lower-third`: the stream's lower third, built after the views into the same folder
 * (`npm run build:web`). It must load in ≤ 100 KB gzipped (docs/outputs.md), so it shares no chunk
 * with the other bundles, and carries no React (plain DOM) and one weight of Noto Sans SC.
 */
const lowerThird: UserConfig = {
  ...views,
  build: {
    ...views.build,
    emptyOutDir: false,
    rolldownOptions: { input: { 'lower-third': resolve(rendererRoot, 'lower-third.html') } },
  },
};

export default defineConfig(({ mode }) => (mode === 'lower-third' ? lowerThird : views));
