import { defineConfig } from 'vite';

/**
 * Cross-origin isolation lets the planner share a stop flag (SharedArrayBuffer) with its worker, so Cancel reaches
 * a solver that never yields. `credentialless` (rather than `require-corp`) still lets a user-configured online tile
 * server without CORP headers load. Static hosts should send the same two headers; without them Cancel falls back
 * to stopping the worker.
 */
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'credentialless',
};

// The app is served from the project root; public/ holds the embedded dataset built by `npm run data`.
export default defineConfig({
  server: { port: 5173, strictPort: true, host: 'localhost', headers: isolation },
  preview: { port: 4173, strictPort: true, host: '127.0.0.1', headers: isolation },
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 4000 },
});
