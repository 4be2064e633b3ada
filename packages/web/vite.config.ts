import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { routePreloadPlugin } from './route-preload-plugin';

const root = fileURLToPath(new URL('.', import.meta.url));
/** The API server the dev server forwards /api to (`npm start` listens on 3000 by default). */
const apiTarget = process.env.COSELL_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root,
  plugins: [react(), routePreloadPlugin(path.join(root, 'src'))],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The budget is enforced on the sign-in route (see README); keep warnings meaningful.
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: {
      '/api': {
        target: apiTarget,
        changeOrigin: true,
        // The API refuses writes whose Origin names another host (CSRF defence); through the
        // proxy the browser's Origin is the dev server's, so present the request as same-origin.
        configure: (proxy) => {
          proxy.on('proxyReq', (proxyReq) => proxyReq.removeHeader('origin'));
        },
      },
    },
  },
});
