import { defineConfig } from 'vite';

// The browser app lives in client/; `vite build` writes it to dist/client, which the server serves.
export default defineConfig({
  root: 'client',
  publicDir: false,
  build: { outDir: '../dist/client', emptyOutDir: true, sourcemap: true },
  server: {
    // `npm run dev`: Vite serves the client with hot reload and forwards the API and the
    // collaboration socket to the Penholder server.
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/collab': { target: 'ws://127.0.0.1:3000', ws: true },
    },
  },
});
