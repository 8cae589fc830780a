/**
 * The name of every registry county (2,978, including the 138 without a boundary polygon, which
 * counties.geojson lacks), read from the dataset's match table `county-match.csv` (columns `code`, `name`, ...;
 * see data/README.md). Pure: text in, names out, for the rollout worker and Node alike.
 */
import Papa from 'papaparse';

/**
 * County names by 6-digit code from the text of `county-match.csv`.
 * @throws Error when the table has no `code` and `name` columns
 * @example
 * countyNamesFromMatchTable('code,name,kind\n330102,上城区,exact\n').get('330102'); // '上城区'
 */
export function countyNamesFromMatchTable(text: string): Map<string, string> {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  });
  const fields = parsed.meta.fields ?? [];
  if (!fields.includes('code') || !fields.includes('name')) {
    throw new Error(`county-match.csv: expected columns code and name, got ${fields.join(', ')}`);
  }
  // Rows without a code list source polygons that match no county (e.g. 东沙群岛).
  return new Map(parsed.data.filter((row) => row.code !== '').map((row) => [row.code, row.name]));
}
