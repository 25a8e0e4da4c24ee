import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * A `.gz` beside every script and stylesheet of the build: the server sends it to browsers that accept gzip
 * (serveStatic's `precompressed`), so the bundle goes over the wire compressed without compressing per request.
 */
function gzipAssets(): Plugin {
  return {
    name: 'stratum-gzip-assets',
    apply: 'build',
    writeBundle(options) {
      const assets = path.join(options.dir ?? path.join(webRoot, 'dist'), 'assets');
      for (const file of readdirSync(assets).filter((name) => /\.(js|css)$/.test(name))) {
        const full = path.join(assets, file);
        writeFileSync(`${full}.gz`, gzipSync(readFileSync(full), { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react(), gzipAssets()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        // Framework code changes far less often than ours; its own chunk keeps browser caches warm across
        // releases. antd stays out of it so that each route chunk carries only the components it uses.
        manualChunks: {
          react: ['react', 'react-dom', 'react-router'],
          data: ['@tanstack/react-query', 'i18next', 'react-i18next', 'dayjs'],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
