import { SITE_STATUS, SITE_STATUS_NAMES, type SiteStatus } from '../core/types';
import type { ProblemCode, ProblemParamsOf } from './problem-codes';
import { inputError, problem, type InputProblem } from './problems';
import { looksSwapped } from './region';

/**
 * Points read from a user file (demand points or candidate sites), as typed arrays in file order
 * of the rows that were kept. Coordinates are WGS 84 degrees, [lon, lat].
 */
export interface PointTable {
  count: number;
  /** Identifier of each point: the file's id, or its row number (CSV) / feature index (GeoJSON) when it has none. */
  ids: string[];
  /** True when the ids came from the file (an id column or feature ids), false when they are row numbers. */
  hasIds: boolean;
  lon: Float64Array;
  lat: Float64Array;
  /** Weight of each point (1 when the file has no weight field). Finite and non-negative. */
  weight: Float64Array;
  /** SITE_STATUS code of each point when the file has a `status` field, else undefined. */
  status?: Uint8Array;
  /** 0-based index of each kept point among the file's records (data rows or features, kept or not). */
  source: Uint32Array;
  /** Number of records in the file, kept or not: e.g. the rows a matrix made for the same file must have. */
  recordCount: number;
  /** Records whose lon/lat looked swapped (outside China, inside when swapped): swapped or rejected. */
  swapSuspects?: number;
}

/** A raw record before checks: cells as found in the file (strings from CSV, JSON values from GeoJSON). */
export interface RawPoint {
  /** Where it is, for messages ("row 7", "feature 3"). */
  location: string;
  /** Default id when `id` is absent. */
  fallbackId: string;
  id?: unknown;
  lon: unknown;
  lat: unknown;
  /** Undefined when the file has no weight field: weight 1. */
  weight?: unknown;
  status?: unknown;
}

/** Field names used in messages: the file's own column or property names. */
export interface PointFieldNames {
  lon: string;
  lat: string;
  weight: string;
  id: string;
  status: string;
}

/**
 * Collects checked points from raw records. Each bad record is skipped with one {@link InputProblem}:
 * missing or non-numeric coordinate, coordinate out of range (lon in [-180, 180], lat in [-90, 90]),
 * lon/lat apparently swapped (out of range as given, in range when swapped), bad weight, unknown status,
 * duplicate id (the first occurrence is kept).
 */
export class PointTableBuilder {
  private readonly ids: string[] = [];
  private readonly lon: number[] = [];
  private readonly lat: number[] = [];
  private readonly weight: number[] = [];
  private readonly status: number[] = [];
  private readonly source: number[] = [];
  private records = 0;
  private readonly seen = new Set<string>();
  private anyId = false;
  private totalWeight = 0;
  readonly problems: InputProblem[] = [];
  /** Records whose lon/lat look swapped (outside China, inside when swapped); swapped when `swapAxes`. */
  swapSuspects = 0;

  /**
   * @param swapAxes swap lon and lat of each record that lies outside China but inside it when swapped
   *   (see src/io/region.ts); when false such records are rejected with an offer to swap
   */
  constructor(
    private readonly file: string,
    private readonly fields: PointFieldNames,
    private readonly withStatus: boolean,
    private readonly swapAxes = false,
    weightBefore = 0,
  ) {
    this.totalWeight = weightBefore;
  }

  /** Checks one record; keeps it when valid, else records why not. Returns true when kept. */
  add(raw: RawPoint): boolean {
    const record = this.records++;
    let lon = this.coordinate(raw, raw.lon, this.fields.lon);
    if (lon === undefined) return false;
    let lat = this.coordinate(raw, raw.lat, this.fields.lat);
    if (lat === undefined) return false;
    if (looksSwapped(lon, lat)) {
      this.swapSuspects++;
      if (this.swapAxes) [lon, lat] = [lat, lon];
      else if (Math.abs(lat) <= 90) {
        return this.reject(raw, this.fields.lon, 'swapped', this.pair(lon, lat));
      }
    }
    if (!this.inRange(raw, lon, lat)) return false;
    let weight = 1;
    if (raw.weight !== undefined) {
      const w = toNumber(raw.weight);
      if (w === undefined && isHugeNumber(raw.weight)) {
        return this.reject(raw, this.fields.weight, 'numberOutOfRange', { got: show(raw.weight) });
      }
      if (w === undefined || w < 0) {
        return this.reject(raw, this.fields.weight, 'badWeight', { got: show(raw.weight) });
      }
      weight = w;
    }
    let status: number = SITE_STATUS.proposed;
    if (this.withStatus && !isBlank(raw.status)) {
      const name = String(raw.status).trim().toLowerCase();
      if (!(SITE_STATUS_NAMES as readonly string[]).includes(name)) {
        const expected = SITE_STATUS_NAMES.join(', ');
        return this.reject(raw, this.fields.status, 'badStatus', { expected, got: show(raw.status) });
      }
      status = SITE_STATUS[name as SiteStatus];
    }
    let id = raw.fallbackId;
    if (!isBlank(raw.id)) {
      id = String(raw.id).trim();
      this.anyId = true;
    }
    if (this.seen.has(id)) return this.reject(raw, this.fields.id, 'duplicateId', { id });
    this.seen.add(id);
    // Every sum of weights (coverage, objective) must stay finite: two weights of 1e308 already overflow.
    this.totalWeight += weight;
    if (!Number.isFinite(this.totalWeight)) {
      throw inputError(this.file, 'weightOverflow', { location: raw.location, got: show(raw.weight) });
    }
    this.ids.push(id);
    this.lon.push(lon);
    this.lat.push(lat);
    this.weight.push(weight);
    this.status.push(status);
    this.source.push(record);
    return true;
  }

  /** Counts a record that the caller rejected itself (e.g. a feature that is not a Point), with its problem. */
  skip(problem: InputProblem): void {
    this.records++;
    this.problems.push(problem);
  }

  /** The kept points. */
  build(): PointTable {
    const table: PointTable = {
      count: this.ids.length,
      ids: this.ids,
      hasIds: this.anyId,
      lon: Float64Array.from(this.lon),
      lat: Float64Array.from(this.lat),
      weight: Float64Array.from(this.weight),
      source: Uint32Array.from(this.source),
      recordCount: this.records,
      swapSuspects: this.swapSuspects,
    };
    if (this.withStatus) table.status = Uint8Array.from(this.status);
    return table;
  }

  private coordinate(raw: RawPoint, cell: unknown, field: string): number | undefined {
    if (isBlank(cell)) {
      this.reject(raw, field, 'emptyCell', {});
      return undefined;
    }
    const value = toNumber(cell);
    if (value === undefined && isHugeNumber(cell)) this.reject(raw, field, 'numberOutOfRange', { got: show(cell) });
    else if (value === undefined) this.reject(raw, field, 'notNumber', { got: show(cell) });
    return value;
  }

  private inRange(raw: RawPoint, lon: number, lat: number): boolean {
    const lonOk = Math.abs(lon) <= 180;
    const latOk = Math.abs(lat) <= 90;
    if (lonOk && latOk) return true;
    if (!latOk && Math.abs(lon) <= 90 && Math.abs(lat) <= 180) {
      this.reject(raw, this.fields.lat, 'swappedOutOfRange', this.pair(lon, lat));
    } else if (!latOk) this.reject(raw, this.fields.lat, 'latOutOfRange', { got: String(lat) });
    else this.reject(raw, this.fields.lon, 'lonOutOfRange', { got: String(lon) });
    return false;
  }

  /** Field names and values of a lon/lat pair, for the swap messages. */
  private pair(lon: number, lat: number) {
    return { lonField: this.fields.lon, lon: String(lon), latField: this.fields.lat, lat: String(lat) };
  }

  private reject<C extends ProblemCode>(raw: RawPoint, field: string, code: C, params: ProblemParamsOf<C>): false {
    this.problems.push(problem(this.file, raw.location, field, code, params));
    return false;
  }
}

function isBlank(cell: unknown): boolean {
  return cell === undefined || cell === null || (typeof cell === 'string' && cell.trim() === '');
}

/** A finite number from a JSON number or a decimal string (no hex, no thousands separators), else undefined. */
function toNumber(cell: unknown): number | undefined {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : undefined;
  if (typeof cell !== 'string') return undefined;
  const text = cell.trim();
  if (!NUMBER.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** A decimal number too large for a double (e.g. "1e999"), or a JSON number that became ±Infinity. */
function isHugeNumber(cell: unknown): boolean {
  if (typeof cell === 'number') return cell === Infinity || cell === -Infinity;
  return typeof cell === 'string' && NUMBER.test(cell.trim()) && !Number.isFinite(Number(cell.trim()));
}

/** A decimal number as text: digits, an optional point and exponent (no hex, no thousands separators). */
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

function show(cell: unknown): string {
  if (typeof cell === 'number' && !Number.isFinite(cell)) return String(cell);
  const text = typeof cell === 'string' ? JSON.stringify(cell) : (JSON.stringify(cell) ?? String(cell));
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
