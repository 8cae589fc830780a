import type { DistanceMatrix } from '../core/types';
import { parseJsonText } from './json';
import { inputError } from './problems';

/** Which matrix of an OSRM `table` response to read. */
export type OsrmField = 'durations' | 'distances';

/** Options of {@link parseOsrmTable}. */
export interface OsrmTableOptions {
  /** File name for messages (default "table.json"). */
  file?: string;
  /** Matrix to read: `durations` (seconds) or `distances` (metres). Default: durations, else distances. */
  field?: OsrmField;
  /** Expected number of rows (demand points); checked when given. */
  rows?: number;
  /** Expected number of columns (candidate sites); checked when given. */
  cols?: number;
}

/** A matrix read from an OSRM `table` response, with the field it came from (which fixes its unit). */
export interface OsrmTable {
  matrix: DistanceMatrix;
  field: OsrmField;
  /** `s` for durations, `m` for distances (OSRM HTTP API v5). */
  unit: 's' | 'm';
}

/**
 * Reads the response of the OSRM `table` service (`{"code":"Ok","durations":[[...]],"distances":[[...]]}`,
 * OSRM HTTP API v5) as a dense matrix: rows = demand points (OSRM `sources`), columns = candidate sites
 * (`destinations`). `null` (no route) becomes Infinity. Durations are seconds, distances metres.
 * Unlike point files, one bad cell makes the matrix unusable: it throws, naming the row and column.
 *
 * @throws InputError on bad JSON, `code` other than "Ok", missing field, ragged rows, a negative or
 *   non-numeric cell, or dimensions that differ from `rows` x `cols`
 * @example
 * parseOsrmTable('{"code":"Ok","durations":[[0,60],[null,30]]}', { rows: 2, cols: 2 }).matrix.values;
 * // Float64Array [0, 60, Infinity, 30]
 */
export function parseOsrmTable(text: string, options: OsrmTableOptions = {}): OsrmTable {
  const file = options.file ?? 'table.json';
  const root = parseJsonText(text, file);
  if (typeof root !== 'object' || root === null || Array.isArray(root)) {
    throw inputError(file, 'osrmNotObject', {});
  }
  const response = root as Record<string, unknown>;
  if (response.code !== undefined && response.code !== 'Ok') {
    const code = String(JSON.stringify(response.code));
    if (typeof response.message === 'string')
      throw inputError(file, 'osrmCodeMessage', { code, detail: response.message });
    throw inputError(file, 'osrmCode', { code });
  }
  const field: OsrmField = options.field ?? (response.durations !== undefined ? 'durations' : 'distances');
  const grid = response[field];
  if (!Array.isArray(grid)) {
    const present = (['durations', 'distances'] as const).filter((name) => Array.isArray(response[name]));
    if (present.length > 0) throw inputError(file, 'osrmMissingOther', { field, other: present.join(' and ') });
    throw inputError(file, 'osrmMissing', { field });
  }
  const rows = grid.length;
  const first: unknown = grid[0];
  const cols = Array.isArray(first) ? first.length : 0;
  if (options.rows !== undefined && rows !== options.rows) {
    throw inputError(file, 'osrmRows', { field, rows: String(rows), expected: String(options.rows) });
  }
  const values = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const row: unknown = grid[i];
    if (!Array.isArray(row)) throw inputError(file, 'osrmRowNotArray', { field, row: String(i) });
    if (row.length !== cols) {
      const params = { field, row: String(i), cols: String(row.length), expected: String(cols) };
      throw inputError(file, 'osrmRagged', params);
    }
    for (let j = 0; j < cols; j++) {
      const cell: unknown = row[j];
      if (cell === null) values[i * cols + j] = Infinity;
      else if (typeof cell === 'number' && Number.isFinite(cell) && cell >= 0) values[i * cols + j] = cell;
      else {
        const got = String(JSON.stringify(cell));
        throw inputError(file, 'osrmBadCell', { field, row: String(i), col: String(j), got });
      }
    }
  }
  if (options.cols !== undefined && cols !== options.cols) {
    throw inputError(file, 'osrmCols', { field, cols: String(cols), expected: String(options.cols) });
  }
  // A table without a single route would plan nothing: say so rather than return 0 sites.
  if (values.length > 0 && !values.some(Number.isFinite)) throw inputError(file, 'osrmNoReachable', { field });
  return { matrix: { rows, cols, values }, field, unit: field === 'durations' ? 's' : 'm' };
}
