/**
 * `npm run villages -- --province 33 --format csv --out villages.csv`: exports the embedded villages for GIS
 * users, one row or Point feature per village with `code, name, townshipCode, countyCode, rural, lon, lat,
 * positionSource`. Positions are synthetic (positionSource "synthetic"); lon/lat are the stored Float32 values
 * rounded to 6 decimals. Exit code 2 on a bad option, 1 when the dataset cannot be read.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Papa from 'papaparse';
import { readManifest, readProvinceVillages, readVillageNames, DEFAULT_DATA_DIR } from '../data/node-files';
import { checkNamesMatch } from '../data/village-names';
import { villageCode } from '../core/villages';
import { formatOptions, parseArgs, UsageError, type OptionSpec } from './args';

const OPTIONS: readonly OptionSpec[] = [
  { name: 'province', kind: 'string', value: 'CODE|all', help: '2-digit province code (e.g. 33), or all (required)' },
  { name: 'format', kind: 'choice', choices: ['csv', 'geojson'], help: 'output format (default csv)' },
  { name: 'out', kind: 'file', value: 'FILE', help: 'output file (default: standard output)' },
  { name: 'data', kind: 'file', value: 'DIR', help: 'dataset folder (default public/data)' },
  { name: 'help', kind: 'flag', help: 'show this help' },
];

const HELP = `Exports the embedded villages (NBS 2023 registry, synthetic positions) as CSV or GeoJSON.

Usage: npm run villages -- --province CODE|all [--format csv|geojson] [--out FILE]

${formatOptions(OPTIONS)}

Columns (CSV) / properties (GeoJSON Point features, RFC 7946):
  code, name, townshipCode, countyCode, rural (1/0 in CSV, true/false in GeoJSON), lon, lat,
  positionSource ("synthetic": positions are generated, not surveyed; see data/README.md)`;

const COLUMNS = ['code', 'name', 'townshipCode', 'countyCode', 'rural', 'lon', 'lat', 'positionSource'];

/** One exported village. */
interface VillageRow {
  code: string;
  name: string;
  townshipCode: string;
  countyCode: string;
  rural: boolean;
  lon: number;
  lat: number;
  positionSource: 'synthetic';
}

/** The villages of one province, in code order. */
function provinceRows(code: string, dir: string): VillageRow[] {
  const table = readProvinceVillages(code, dir);
  const names = readVillageNames(code, dir);
  checkNamesMatch(table, names);
  const rows: VillageRow[] = [];
  for (let i = 0; i < table.count; i++) {
    rows.push({
      code: villageCode(table, i),
      name: names.villageNames[i],
      townshipCode: table.townships[table.townshipIndex[i]],
      countyCode: table.counties[table.countyIndex[i]],
      rural: table.rural[i] === 1,
      lon: Number(table.positions[2 * i].toFixed(6)),
      lat: Number(table.positions[2 * i + 1].toFixed(6)),
      positionSource: 'synthetic',
    });
  }
  return rows;
}

/** CSV text of some rows (with the header line when `header`). */
function csvChunk(rows: VillageRow[], header: boolean): string {
  const data = rows.map((r) => ({ ...r, rural: r.rural ? 1 : 0 }));
  return `${Papa.unparse(data, { columns: COLUMNS, header, newline: '\n' })}\n`;
}

/** GeoJSON Point features of some rows, one per line, comma-separated. */
function geojsonChunk(rows: VillageRow[], first: boolean): string {
  const lines = rows.map((r) => {
    const { lon, lat, ...properties } = r;
    return JSON.stringify({ type: 'Feature', properties, geometry: { type: 'Point', coordinates: [lon, lat] } });
  });
  return (first ? '' : ',\n') + lines.join(',\n');
}

/**
 * Runs the command. Writes province by province, so `--province all` (620,573 villages) never holds more than
 * one province in memory.
 * @returns the number of villages written and the output file (null for standard output or --help)
 * @throws UsageError on a bad option
 */
export function runVillages(
  argv: string[],
  stdout: (text: string) => void = (t) => process.stdout.write(t),
): { written: number; out: string | null } {
  const args = parseArgs(argv, OPTIONS);
  if (args.get('help')) {
    stdout(`${HELP}\n`);
    return { written: 0, out: null };
  }
  const province = args.get('province');
  if (province === undefined) throw new UsageError('--province is required (a 2-digit code such as 33, or all)');
  const dir = resolve(String(args.get('data') ?? DEFAULT_DATA_DIR));
  const format = String(args.get('format') ?? 'csv');
  const manifest = readManifest(dir);
  const known = manifest.provinces.map((p) => p.code);
  const codes = province === 'all' ? known : [String(province)];
  if (!known.includes(codes[0])) {
    throw new UsageError(`--province must be one of ${known.join(', ')} or all, got "${String(province)}"`);
  }
  const out = args.get('out') === undefined ? null : resolve(String(args.get('out')));
  const fd = out === null ? null : openSync(out, 'w');
  const write = (text: string) => (fd === null ? stdout(text) : writeSync(fd, text));
  let written = 0;
  try {
    if (format === 'geojson') write('{"type":"FeatureCollection","features":[\n');
    for (const code of codes) {
      const rows = provinceRows(code, dir);
      if (rows.length === 0) continue;
      write(format === 'csv' ? csvChunk(rows, written === 0) : geojsonChunk(rows, written === 0));
      written += rows.length;
    }
    if (format === 'geojson') write('\n]}\n');
    else if (written === 0) write(`${COLUMNS.join(',')}\n`);
  } finally {
    if (fd !== null) closeSync(fd);
  }
  return { written, out };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    const { written, out } = runVillages(process.argv.slice(2));
    if (out !== null) console.error(`wrote ${written} villages to ${out}`);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`villages: ${error.message}`);
      process.exitCode = 2;
    } else {
      console.error(`villages: ${(error as Error).message}`);
      process.exitCode = 1;
    }
  }
}
