import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * The web app's build (member portal and office console; web/dist, served by the gateway at `/`) and its component tests.
 * `npm run web:dev` serves it with hot reload and forwards `/api` to a gateway on port 3000.
 */
export default defineConfig({
  root: webRoot,
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    reportCompressedSize: true,
    // The one larger chunk is the console's Auswertungen with ECharts (about 190 kB gzip), loaded
    // only on that page; every other chunk stays far below.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      // TanStack Query marks its modules "use client" for server components; a browser-only app ignores it.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  test: {
    environment: 'jsdom',
    // One jsdom per worker, each file in a VM context of its own: a third of the CPU of a fresh
    // process and jsdom per file (18 s against 49 s for the whole run, all tests alike).
    pool: 'vmThreads',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    // Against a hang, not a measure of speed: beside the unit tests on a busy machine a page takes seconds.
    testTimeout: 20_000,
    restoreMocks: true,
  },
});
