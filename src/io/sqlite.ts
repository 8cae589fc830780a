/**
 * SQLite compiled to WebAssembly (sql.js, MIT), loaded once. In Node the .wasm is read from sql.js's own folder; a
 * browser worker first names the URL its build serves the .wasm at ({@link setSqliteWasmUrl}; Vite's `?url`
 * import in workers/), so the app needs no network. No native add-on.
 */
import initSqlJs, { type SqlJsStatic } from 'sql.js';

let sqlite: Promise<SqlJsStatic> | undefined;
let wasmUrl: string | undefined;

/** The URL of `sql-wasm.wasm` (browser builds; Node needs none). Call before the first {@link loadSqlite}. */
export function setSqliteWasmUrl(url: string): void {
  wasmUrl = url;
  sqlite = undefined;
}

/** The sql.js module, initialised on first use. */
export function loadSqlite(): Promise<SqlJsStatic> {
  const url = wasmUrl;
  sqlite ??= initSqlJs(url === undefined ? {} : { locateFile: () => url });
  return sqlite;
}
