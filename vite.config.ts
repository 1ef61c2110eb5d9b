import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./src/web', import.meta.url));

/**
 * The browser workbench. Built to dist/web, which `crosscheck serve` serves; in development,
 * `vite` proxies /api to a running `crosscheck serve`.
 */
export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    // The served Content-Security-Policy forbids inline scripts; never inline assets as data: JS.
    assetsInlineLimit: 0,
    sourcemap: true,
    // The timeline, graph and world outlines are large but each loads only with its own screen.
    chunkSizeWarningLimit: 1000,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:4173' },
  },
});
