import { defineConfig, loadEnv, type Plugin } from 'vite';

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

/**
 * Adds the optional online tile host to the Content-Security-Policy of index.html (`connect-src` and `img-src`),
 * from `VITE_TILE_ORIGIN` at build time, e.g. `VITE_TILE_ORIGIN=https://tiles.example.cn npm run build`.
 * Without it the page may only reach its own origin, so a tile URL set in the About dialog is blocked.
 * @param tileOrigin an http(s) URL; only its origin (scheme, host, port) is used
 */
function tileOriginCsp(tileOrigin: string | undefined): Plugin {
  const origin = tileOrigin?.trim() ? new URL(tileOrigin.trim()).origin : undefined;
  if (origin !== undefined && !/^https?:\/\//.test(origin)) {
    throw new Error(`VITE_TILE_ORIGIN must be an http(s) origin, got ${tileOrigin}`);
  }
  return {
    name: 'ruralreach-tile-origin-csp',
    transformIndexHtml(html) {
      if (origin === undefined) return html;
      return html
        .replace("connect-src 'self'", `connect-src 'self' ${origin}`)
        .replace("img-src 'self' data: blob:", `img-src 'self' data: blob: ${origin}`);
    },
  };
}

// The app is served from the project root; public/ holds the embedded dataset built by `npm run data`.
export default defineConfig(({ mode }) => ({
  plugins: [tileOriginCsp(loadEnv(mode, process.cwd(), 'VITE_').VITE_TILE_ORIGIN)],
  server: { port: 5173, strictPort: true, host: 'localhost', headers: isolation },
  preview: { port: 4173, strictPort: true, host: '127.0.0.1', headers: isolation },
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 4000 },
}));
