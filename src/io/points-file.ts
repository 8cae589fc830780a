import { parsePointsCsv } from './csv';
import { parsePointsGeoJson } from './geojson';
import type { PointTable } from './points';
import type { ReadResult } from './problems';

/** Point file formats. */
export type PointsFormat = 'csv' | 'geojson';

/** Options of {@link parsePointsText}. */
export interface PointsTextOptions {
  /** File name, for messages and to choose the format by extension. */
  file: string;
  /** Force the format; default from the extension (.csv .tsv .txt: CSV; .geojson .json: GeoJSON), else sniffed. */
  format?: PointsFormat;
  /** Weight column or property (see parsePointsCsv / parsePointsGeoJson). */
  weightField?: string;
  /** Read a `status` field. */
  withStatus?: boolean;
}

/**
 * The format of a point file: by extension, else GeoJSON when the text starts with `{`, else CSV.
 * @param file file name
 * @param text its contents
 */
export function pointsFormat(file: string, text: string): PointsFormat {
  const lower = file.toLowerCase();
  if (/\.(csv|tsv|txt)$/.test(lower)) return 'csv';
  if (/\.(geojson|json)$/.test(lower)) return 'geojson';
  return text.trimStart().startsWith('{') ? 'geojson' : 'csv';
}

/**
 * Reads a point file's text as CSV or GeoJSON (see {@link pointsFormat}).
 * @throws InputError when the file is unusable
 */
export function parsePointsText(text: string, options: PointsTextOptions): ReadResult<PointTable> {
  const format = options.format ?? pointsFormat(options.file, text);
  const common = { file: options.file, weightField: options.weightField, withStatus: options.withStatus };
  return format === 'csv' ? parsePointsCsv(text, common) : parsePointsGeoJson(text, common);
}
