/**
 * Builder UI build: served by the runtime at /builder, API at /api (proxied to a local Tessera
 * server in dev/preview). Monaco is only reached through dynamic import(), so it and its workers
 * land in their own lazily loaded chunks.
 */
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const api = process.env.TESSERA_API ?? 'http://localhost:3222';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/builder/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
  worker: { format: 'es' },
  server: { port: 5173, proxy: { '/api': api } },
  preview: { port: 4173, proxy: { '/api': api } },
});
