import { defineConfig } from 'vite';

// The app is served from the project root; public/ holds the embedded dataset built by `npm run data`.
export default defineConfig({
  server: { port: 5173, strictPort: true, host: 'localhost' },
  preview: { port: 4173, strictPort: true, host: '127.0.0.1' },
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 4000 },
});
