/**
 * The user's own data in the application state: imported villages (which replace the embedded synthetic positions
 * in their counties, see user-data-merge.ts), where the coverage worker placed them, and an imported travel-time
 * matrix. Plain data and typed arrays, so it can be kept in IndexedDB (user-data/idb.ts). Also the line that says
 * which data the plan uses, and the plan file's `data` field.
 */
import type { UserVillagesPlaced } from '../../core/live/coverage-api';
import type { PointCrs } from '../../io/crs';
import { ID_SEPARATOR, type ImportedMatrix, type ImportedPoints } from '../../io/import-api';
import { t, type StringKey } from '../../ui/i18n';

/** Villages read from a user's file, WGS 84. */
export interface UserVillagesData {
  /** File name as chosen. */
  file: string;
  format: ImportedPoints['format'];
  /** Coordinate system of the file (converted to WGS 84 on import). */
  crs: PointCrs;
  /** Villages kept, and records in the file. */
  count: number;
  recordCount: number;
  lon: Float64Array;
  lat: Float64Array;
  /** Demand weight of each village (1 without a weight field). */
  weight: Float64Array;
  /** The weight field used, when one was chosen or found. */
  weightField?: string;
  /**
   * Id of each village from the file (the id field chosen at import, else `id`, else the row number), joined by
   * U+001F (`ID_SEPARATOR`); exports list them. Absent in data saved before ids were kept.
   */
  ids?: string;
}

/** Candidate sites read from a user's file, WGS 84: the candidates of Suggest (`settings.candidates` 'imported'). */
export interface UserCandidatesData {
  file: string;
  crs: PointCrs;
  /** Sites kept. */
  count: number;
  lon: Float64Array;
  lat: Float64Array;
  /** Id of each site from the file, joined by U+001F (`ID_SEPARATOR`); the suggested sites keep them. */
  ids: string;
  /** SITE_STATUS code of each site when the file has a `status` field. */
  status?: Uint8Array;
}

/** The user's data in the state. */
export interface UserDataState {
  villages: UserVillagesData | null;
  /** Where the coverage worker placed the villages (counties), once it has answered. */
  placed: UserVillagesPlaced | null;
  /** The last imported candidate sites: the candidates of Suggest, and the columns an OSRM matrix is matched to. */
  candidates: UserCandidatesData | null;
  /** A travel-time or distance matrix (OSRM `table`), rows = user villages, columns = candidate sites. */
  matrix: ImportedMatrix | null;
}

export const NO_USER_DATA: UserDataState = { villages: null, placed: null, candidates: null, matrix: null };

const CRS_LABEL: Record<PointCrs, string> = { wgs84: 'WGS 84', gcj02: 'GCJ-02', bd09: 'BD-09' };

/** `GCJ-02 → WGS 84`, or `WGS 84`. */
export function crsLabel(crs: PointCrs): string {
  return crs === 'wgs84' ? CRS_LABEL.wgs84 : `${CRS_LABEL[crs]} → WGS 84`;
}

/**
 * The line that says which villages the plan uses, e.g. "Villages: embedded registry (synthetic positions)" or
 * "Villages: villages.csv (9,812, GCJ-02 → WGS 84) in 3 counties + embedded elsewhere".
 */
export function dataLine(data: UserDataState): string {
  const v = data.villages;
  if (v === null) return t('dataEmbedded');
  const counties = data.placed?.counties.length;
  const key: StringKey = counties === undefined ? 'dataUserPlacing' : 'dataUser';
  return t(key, { file: v.file, n: v.count, crs: crsLabel(v.crs), counties: counties ?? 0 });
}

/** The line about the imported candidate sites, e.g. "Candidate sites: sites.csv (412)", or null. */
export function candidatesLine(data: UserDataState): string | null {
  const c = data.candidates;
  return c === null ? null : t('dataCandidates', { file: c.file, n: c.count });
}

/** The ids of imported villages or sites as a list (empty for none). */
export function splitIds(ids: string | undefined, count: number): string[] {
  if (ids === undefined || count === 0) return [];
  return ids.split(ID_SEPARATOR);
}

/**
 * The plan file's `data` field: which demand the plan was made on (`embedded:<province>`, or `file:<name>` with the
 * coordinate system, village count and the counties replaced) and the matrix file, if any.
 */
export function planFileData(provinceCode: string, data: UserDataState): { [key: string]: string } {
  const out: { [key: string]: string } = { demand: `embedded:${provinceCode}` };
  const v = data.villages;
  if (v !== null) {
    out.demand = `file:${v.file}`;
    out.demandCrs = v.crs;
    out.demandVillages = String(v.count);
    if (v.weightField !== undefined) out.demandWeight = v.weightField;
    if (data.placed !== null) out.demandCounties = data.placed.counties.join(',');
    out.elsewhere = `embedded:${provinceCode}`;
  }
  if (data.candidates !== null) out.candidates = `file:${data.candidates.file}`;
  if (data.matrix !== null) out.matrix = `file:${data.matrix.file}`;
  return out;
}
