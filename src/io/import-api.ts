/**
 * The API of the import worker (`workers/import.worker.ts`), shared by the worker and its caller
 * (`src/app/import/flow.ts`), so that a renamed method fails to compile rather than at run time. Files are read
 * and parsed in the worker; points come back as typed arrays (transferred), problems as a few objects for the card
 * plus the whole list as one CSV text for the download. A file that cannot be used is an answer too
 * ({@link ImportFailure}), not a thrown error, because comlink keeps only the message of an error.
 */
import type { PointCrs } from './crs';
import type { PlanFile } from './plan-file';
import type { ErrorCode, InputProblem, ProblemParams } from './problems';
import type { PointFileFormat } from './read-points';

/** What an imported file is for. */
export type ImportRole = 'villages' | 'candidates' | 'existing' | 'osrm' | 'plan';

/** Roles read as point files. */
export type PointRole = Extract<ImportRole, 'villages' | 'candidates' | 'existing'>;

/** What a first look at a file found (the `headers` call). */
export interface FileHeaders {
  file: string;
  /** Size in bytes. */
  bytes: number;
  format: PointFileFormat | 'plan' | 'osrm';
  /** Text encoding found (CSV and JSON), e.g. `utf-8`, `gb18030`. */
  encoding?: string;
  /** Delimiter of a CSV file's header, e.g. `,` or a tab. */
  delimiter?: string;
  /**
   * Column names (CSV; Excel: of the first sheet), property names (GeoJSON, first features), .dbf field names
   * (Shapefile), column names of the first point layer (GeoPackage).
   */
  fields: string[];
  /** Excel: the sheet names, for the sheet picker. */
  sheets?: string[];
  /** GeoPackage: the feature layers, for the layer picker; `points` false for a layer of other geometries. */
  layers?: { name: string; points: boolean }[];
  /** The role the format suggests: a plan file, an OSRM table, else villages. */
  role: ImportRole;
}

/** Options of a point import. */
export interface ImportOptions {
  /** File name, for messages and the format. */
  file: string;
  role: PointRole;
  /** Coordinate system of the file (converted to WGS 84). */
  crs: PointCrs;
  /** Weight column or property; undefined: `weight` when present, else 1. */
  weightField?: string;
  /** Id column or property; undefined: `id` when present, else the row number. */
  idField?: string;
  /** Swap lon/lat of points outside China that fall inside it when swapped. */
  swapAxes?: boolean;
  /** Language of the problems download (location and message); default English. */
  locale?: 'zh-CN' | 'en';
  /** Excel: the sheet, by name (default the first). */
  sheet?: string;
  /** GeoPackage: the layer (default the first point layer). */
  layer?: string;
}

/** How far an import is. */
export interface ImportProgress {
  stage: 'reading' | 'parsing';
  /** Bytes read of the file so far, and its size. */
  bytesRead: number;
  bytesTotal: number;
  /** Rows parsed so far (CSV, read as a stream). */
  rows?: number;
}

/** Points read from a file: WGS 84 degrees, in file order of the kept records. */
export interface ImportedPoints {
  file: string;
  format: PointFileFormat;
  crs: PointCrs;
  role: PointRole;
  count: number;
  /** Records in the file, kept or not. */
  recordCount: number;
  lon: Float64Array;
  lat: Float64Array;
  /** Weight of each point (1 without a weight field). */
  weight: Float64Array;
  /** SITE_STATUS code of each point when the file has a `status` field (sites). */
  status?: Uint8Array;
  /** The ids of the kept points joined by U+001F (unit separator): one string crosses faster than 500,000. */
  ids: string;
  /** The first problems (at most {@link FIRST_PROBLEMS}) and how many there are. */
  firstProblems: InputProblem[];
  problemCount: number;
  /** Every problem as CSV (file,location,field,message; UTF-8 BOM, CRLF) for the download. */
  problemsCsv: string;
  /** Plausible but suspicious things about the file (its rows are kept): points outside China, duplicate columns. */
  warnings?: InputProblem[];
  /** Excel: the sheet read (name); GeoPackage: the layer read. */
  sheet?: string;
  layer?: string;
  /** Records that looked like lat,lon (outside China, inside when swapped). */
  swapSuspects: number;
  /** True when the points were read with `swapAxes`. */
  swapped: boolean;
}

/** Problems shown on the card; the rest are in the download. */
export const FIRST_PROBLEMS = 5;

/** A file that cannot be used: one message naming the file and the reason. */
export interface ImportFailure {
  file: string;
  reason: string;
  /** `file: reason`. */
  message: string;
  /** What kind of error (src/io/problem-codes.ts), when the reader said; the app translates it. */
  code?: ErrorCode;
  params?: ProblemParams;
  /** The first row problem of a file with no usable row. */
  firstProblem?: InputProblem;
}

/** An answer or a failure. */
export type ImportAnswer<T> = { ok: true; value: T } | { ok: false; error: ImportFailure };

/** An OSRM `table` response read as a matrix (rows = demand points, columns = candidate sites). */
export interface ImportedMatrix {
  file: string;
  rows: number;
  cols: number;
  /** Row-major, Infinity where OSRM found no route. */
  values: Float64Array;
  field: 'durations' | 'distances';
  /** Seconds for durations, metres for distances. */
  unit: 's' | 'm';
}

/** Operations of the import worker. */
export interface ImportApi {
  /** A first look: format, encoding, delimiter and the field names to choose the weight and id from. */
  headers(file: Blob, name: string): Promise<ImportAnswer<FileHeaders>>;

  /**
   * Reads a point file (CSV, GeoJSON, zipped Shapefile) in the worker. `onProgress` (a comlink proxy) is told the
   * bytes read as the file is read in slices, then when parsing starts.
   */
  readPoints(
    file: Blob,
    options: ImportOptions,
    onProgress?: (progress: ImportProgress) => void,
  ): Promise<ImportAnswer<ImportedPoints>>;

  /**
   * Reads an OSRM `table` response, checked against the demand points (rows) and candidate sites (columns) it is
   * matched to by order.
   */
  readMatrix(file: Blob, name: string, rows: number, cols: number): Promise<ImportAnswer<ImportedMatrix>>;

  /** Reads a plan file (any version; older ones migrate to the current one). */
  readPlan(file: Blob, name: string): Promise<ImportAnswer<PlanFile>>;
}

/** Separator of {@link ImportedPoints.ids}. */
export const ID_SEPARATOR = '\u001f';
