import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app lives in web/; the server serves ../dist/web and answers every non-/api path with index.html.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  // The shared zod contracts: `@contracts/plans.ts` is ../src/contracts/plans.ts (see web/tsconfig.json).
  resolve: { alias: { '@contracts': fileURLToPath(new URL('../src/contracts', import.meta.url)) } },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // The shared zod contracts live in ../src/contracts.
    fs: { allow: ['..'] },
    // /verify/<code> is the server's public certificate page, not a route of this app.
    proxy: { '/api': 'http://127.0.0.1:3000', '/verify': 'http://127.0.0.1:3000' },
  },
});
