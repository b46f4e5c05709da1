/**
 * Builder UI build: served by the runtime at /builder, API at /api (proxied to a local Tessera
 * server in dev/preview). Monaco is only reached through dynamic import(), so it and its workers
 * land in their own lazily loaded chunks.
 */
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { definitionValidatorModule } from '../core/src/validate/definition-validator.standalone';

const api = process.env.TESSERA_API ?? 'http://localhost:3222';

/** `virtual:tessera/definition-validator`: the definition validator compiled at build time (see its generator). */
function precompiledValidator(): Plugin {
  const id = 'virtual:tessera/definition-validator';
  return {
    name: 'tessera-definition-validator',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load: (resolved) => (resolved === `\0${id}` ? definitionValidatorModule() : undefined),
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/builder/',
  plugins: [react(), precompiledValidator()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
  worker: { format: 'es' },
  server: { port: 5173, proxy: { '/api': api } },
  preview: { port: 4173, proxy: { '/api': api } },
});
