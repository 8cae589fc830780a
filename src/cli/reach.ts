/**
 * `npm run reach`: travel times by road between two point files, from an OSM road file (`.osm.pbf`, `.osm`,
 * GeoJSON lines) under the car profile, written as an OSRM `table` response: `{"code":"Ok","durations":[[...]]}`,
 * rows = the `--from` records, columns = the `--to` records, in file order (bad records included, as all-null
 * rows or columns), seconds driving from row to column with both snap legs, `null` beyond `--max-minutes` or
 * unreachable. The file is usable as `--matrix` of `npm run plan` (`--from` = demand, `--to` = candidates).
 *
 * Exit codes: 0 done (bad rows listed on stderr and skipped), 2 bad option or file.
 */
import { mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { snapPoints } from '../core/road/snap';
import { travelTable } from '../core/road/table';
import { POINT_CRS, type PointCrs } from '../io/crs';
import type { PointTable } from '../io/points';
import { formatProblem, InputError } from '../io/problems';
import { readPointsFile } from '../io/read-points';
import { formatOptions, parseArgs, UsageError, type OptionSpec } from './args';
import { readBytes } from './plan-inputs';
import { loadRoads, roadsSummary } from './reach-network';
import { nodeConsole, runAsScript, type Console } from './terminal';

export const REACH_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'roads',
    kind: 'file',
    value: 'FILE',
    help: 'road network: .osm.pbf, .osm (XML) or GeoJSON LineStrings\nwith a "highway" property',
  },
  {
    name: 'from',
    kind: 'file',
    value: 'FILE',
    help: 'origin points (rows): CSV, GeoJSON or zipped Shapefile, as for\n`npm run plan -- --demand`',
  },
  { name: 'to', kind: 'file', value: 'FILE', help: 'destination points (columns), same formats' },
  {
    name: 'max-minutes',
    kind: 'number',
    value: 'M',
    min: 0,
    minExclusive: true,
    help: 'reach limit in minutes: longer drives are null',
  },
  { name: 'out', kind: 'file', value: 'FILE', help: 'write the OSRM table JSON here' },
  {
    name: 'profile',
    kind: 'file',
    value: 'FILE',
    help: 'JSON car profile overriding the defaults, e.g.\n{"speedsKmh": {"track": 5}, "accessSpeedKmh": 5}',
  },
  { name: 'crs', kind: 'choice', choices: POINT_CRS, help: 'coordinate system of the point files (default wgs84)' },
  { name: 'help', kind: 'flag', help: 'show this help' },
];

/** The help text of `npm run reach`. */
export function reachHelp(): string {
  return [
    'Usage: npm run reach -- --roads FILE --from villages.csv --to sites.csv --max-minutes M --out table.json',
    '',
    'Travel times by car on an OpenStreetMap road network, as an OSRM table (seconds, rows = --from,',
    'columns = --to, travel from row to column, null beyond --max-minutes). Points are snapped to the',
    'nearest drivable segment; the snap leg is driven at the profile access speed (default 10 km/h).',
    '',
    'Options:',
    formatOptions(REACH_OPTIONS),
    '',
    'Exit codes: 0 done, 2 bad option or unusable file.',
  ].join('\n');
}

interface ReachOptions {
  roads: string;
  from: string;
  to: string;
  maxMinutes: number;
  out: string;
  profile?: string;
  crs?: PointCrs;
}

function parseReachArgs(argv: readonly string[]): ReachOptions | 'help' {
  const args = parseArgs(argv, REACH_OPTIONS);
  if (args.get('help') === true) return 'help';
  const need = (name: string): string | number => {
    const value = args.get(name);
    if (value === undefined) throw new UsageError(`missing --${name} (see --help)`);
    return value as string | number;
  };
  return {
    roads: need('roads') as string,
    from: need('from') as string,
    to: need('to') as string,
    maxMinutes: need('max-minutes') as number,
    out: need('out') as string,
    profile: args.get('profile') as string | undefined,
    crs: args.get('crs') as PointCrs | undefined,
  };
}

/**
 * Runs the command and returns its exit code. Never throws: every failure becomes one line on stderr.
 * @param argv arguments after `--`
 */
export async function main(argv: readonly string[], io: Console = nodeConsole): Promise<number> {
  try {
    const options = parseReachArgs(argv);
    if (options === 'help') {
      io.out(reachHelp());
      return 0;
    }
    const points = async (file: string): Promise<PointTable> => {
      const read = await readPointsFile(await readBytes(file), { file, crs: options.crs });
      for (const problem of read.problems.slice(0, 20)) io.err(`reach: skipped ${formatProblem(problem)}`);
      if (read.problems.length > 0) io.err(`reach: ${file}: ${read.summary}`);
      return read.value;
    };
    const from = await points(options.from);
    const to = await points(options.to);
    const roads = await loadRoads(options.roads, options.profile);
    io.err(`reach: ${roadsSummary(options.roads, roads)}`);
    const started = performance.now();
    const fromSnaps = snapPoints(roads.network, from.lon, from.lat);
    const toSnaps = snapPoints(roads.network, to.lon, to.lat);
    const maxSeconds = options.maxMinutes * 60;
    const table = travelTable(roads.network, fromSnaps, toSnaps, maxSeconds);
    const seconds = (performance.now() - started) / 1000;
    let pairs = 0;
    for (let k = 0; k < table.values.length; k++) if (table.values[k] <= maxSeconds) pairs++;
    await writeTable(options.out, table.values, from, to);
    io.err(
      `reach: ${from.count} x ${to.count} points, ${pairs} pairs within ${options.maxMinutes} min ` +
        `(snap and table ${seconds.toFixed(2)} s) -> ${options.out}`,
    );
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof InputError) {
      io.err(`reach: ${error.message}`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`reach: failed: ${message}`);
    return 1;
  }
}

/** Writes the OSRM table row by row (a full table can be hundreds of MB of text), one row per record. */
async function writeTable(file: string, values: Float64Array, from: PointTable, to: PointTable): Promise<void> {
  const rowOf = new Int32Array(from.recordCount).fill(-1);
  for (let k = 0; k < from.count; k++) rowOf[from.source[k]] = k;
  const colOf = new Int32Array(to.recordCount).fill(-1);
  for (let k = 0; k < to.count; k++) colOf[to.source[k]] = k;
  let handle;
  try {
    await mkdir(dirname(file), { recursive: true });
    handle = await open(file, 'w');
  } catch (error) {
    throw new InputError(file, `cannot write: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  try {
    await handle.write('{"code":"Ok","durations":[');
    const cells: string[] = new Array(to.recordCount);
    for (let r = 0; r < from.recordCount; r++) {
      const k = rowOf[r];
      for (let c = 0; c < to.recordCount; c++) {
        const j = colOf[c];
        const v = k < 0 || j < 0 ? Infinity : values[k * to.count + j];
        cells[c] = Number.isFinite(v) ? String(Math.round(v * 10) / 10) : 'null';
      }
      await handle.write(`${r > 0 ? ',' : ''}[${cells.join(',')}]`);
    }
    await handle.write(']}\n');
  } finally {
    await handle.close();
  }
}

runAsScript(import.meta.url, (argv) => main(argv));
