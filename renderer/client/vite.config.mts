/**
 * The end-user app client: served by the runtime at /apps/ (runtime/src/http/client/client.routes.ts). Run from
 * the repository root: `vite build --config renderer/client/vite.config.mts`.
 */
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/apps/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // echarts (only dashboards) and antd (every page) in their own long-cached chunks.
        codeSplitting: {
          groups: [
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 30 },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[a-z-]+)[\\/]/, priority: 20 },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 25 },
          ],
        },
      },
    },
  },
  server: {
    // `npx vite --config renderer/client/vite.config.mts` during development: the API comes from a running Tessera.
    proxy: { '/api': `http://127.0.0.1:${process.env.TESSERA_PORT ?? 3000}` },
  },
});
