/**
 * `npm run rollout`: the command-line shell of the national rollout (issue 7). Reads the embedded villages of every
 * province of the manifest, merges them in manifest order (`mergeVillageTables`, as the rollout worker does, so the
 * app and the command give the same plan), runs `runRollout` and writes the sites (GeoJSON), the report (JSON) and
 * optionally the per-county breakdown (CSV). Run with `--help` for the options.
 *
 * Exit codes: 0 done (whether or not the targets are met), 1 the planner failed, 2 bad option or file.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { mergeVillageTables } from '../core/live/national';
import { runRollout } from '../core/rollout/run';
import type { RolloutTransport } from '../core/rollout/transport';
import type { RolloutResult } from '../core/rollout/rollout-types';
import { DEFAULT_DATA_DIR, readManifest, readProvinceVillages, readVillageNames } from '../data/node-files';
import type { VillageTable } from '../core/villages';
import { InputError } from '../io/problems';
import { UsageError } from './args';
import { parseRolloutArgs, rolloutHelp } from './rollout-options';
import { roadRolloutReach, type RolloutRoadNote } from './rollout-roads';
import { breakdownCsv } from '../io/rollout-csv';
import { rolloutGeoJson, rolloutReportJson } from './rollout-output';
import { nodeConsole, progressPrinter, runAsScript, type Console } from './terminal';

/** The villages of every province of a dataset, merged in manifest order, and each county's name. */
export function loadNational(
  dir: string = DEFAULT_DATA_DIR,
  provinces?: readonly string[],
): { villages: VillageTable; countyNames: string[] } {
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new UsageError(`${join(dir, 'manifest.json')}: cannot read: no such file; run \`npm run data\` first`);
  }
  const all = readManifest(dir).provinces.map((p) => p.code);
  const unknown = (provinces ?? []).filter((code) => !all.includes(code));
  if (unknown.length > 0) throw new UsageError(`--provinces: no province ${unknown.join(', ')} in ${dir}`);
  const codes = provinces === undefined ? all : all.filter((code) => provinces.includes(code));
  const { table } = mergeVillageTables(codes.map((code) => readProvinceVillages(code, dir)));
  const countyNames = codes.flatMap((code) => readVillageNames(code, dir).countyNames);
  if (countyNames.length !== table.counties.length) {
    throw new UsageError(`${dir}: ${countyNames.length} county names for ${table.counties.length} counties`);
  }
  return { villages: table, countyNames };
}

/**
 * Runs the command and returns its exit code. Never throws: every failure becomes one line on stderr.
 * @param argv arguments after `--`
 * @param io output streams
 */
export async function main(argv: readonly string[], io: Console = nodeConsole): Promise<number> {
  try {
    const options = parseRolloutArgs(argv);
    if (options.help) {
      io.out(rolloutHelp());
      return 0;
    }
    const { villages, countyNames } = loadNational(options.dataDir, options.provinces);
    const road = options.road === undefined ? undefined : await roadRolloutReach(options.road);
    const progress = io.isTty ? progressPrinter('rollout', 60) : undefined;
    const result = runRollout(
      { villages, countyNames, params: options.params, reach: road?.reach },
      { onProgress: progress?.update },
    );
    progress?.done();
    const transport = result.transport;
    const reach = road?.note();
    await writeOutput(options.out, `${JSON.stringify(rolloutGeoJson(result, villages))}\n`);
    if (options.report !== undefined) {
      const report = {
        ...rolloutReportJson(result),
        ...(reach !== undefined && { reach }),
        ...(transport !== undefined && { transport }),
      };
      await writeOutput(options.report, `${JSON.stringify(report, null, 2)}\n`);
    }
    if (options.breakdown !== undefined) await writeOutput(options.breakdown, breakdownCsv(result.countyRows));
    for (const line of summary(result)) io.out(line);
    if (reach !== undefined) for (const line of roadSummary(reach)) io.out(line);
    if (transport !== undefined) for (const line of transportSummary(transport)) io.out(line);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof InputError) {
      // (A broken road file or profile is an InputError: one located line, exit 2 like a bad option.)
      io.err(`rollout: ${error.message}`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`rollout: failed: ${message}`);
    if (process.env.RURALREACH_DEBUG && error instanceof Error && error.stack) io.err(error.stack);
    return 1;
  }
}

async function writeOutput(file: string, text: string): Promise<void> {
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text);
  } catch (error) {
    throw new UsageError(`${file}: cannot write: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/** The transport lines of the summary: per year vans, km and yuan, and the total. */
export function transportSummary(transport: RolloutTransport): string[] {
  const n = (x: number): string => Math.round(x).toLocaleString('en-US');
  return [
    `  transport (${transport.daysPerYear} days a year, not in the budget): ${yuan(transport.totalYuan)} in all`,
    ...transport.years.map(
      (y) =>
        `  year ${y.year}: transport ${yuan(y.yearYuan)}, ${n(y.vans)} vans, ${n(y.kmPerDay)} km a day` +
        (y.unroutedStations > 0 ? `, ${y.unroutedStations} stations not served by a run` : ''),
    ),
  ];
}

/** The road lines of the summary: the reach used and the villages far from any road. */
export function roadSummary(reach: RolloutRoadNote): string[] {
  const center = reach.centerMinutes === undefined ? '' : `, centers ${reach.centerMinutes} min`;
  const lines = [`  reach by road: stations ${reach.stationMinutes} min (villagers drive to them)${center}`];
  lines.push(`  ${reach.network}`);
  if (reach.farFromRoad > 0) {
    lines.push(
      `  warning: ${reach.farFromRoad} of ${reach.ruralVillages} rural villages are over 1 km from any road of the ` +
        'file (reached only by the walk to it): does the road file cover these provinces (--provinces)?',
    );
  }
  return lines;
}

const pct = (x: number): string => `${(100 * x).toFixed(2)}%`;
const yuan = (x: number): string => `${(x / 1e9).toFixed(3)} billion yuan`;

/** The summary: targets with pass/miss and numbers, spend per year, time. */
export function summary(result: RolloutResult): string[] {
  const { targets, years } = result;
  const last = years[years.length - 1];
  const mark = (ok: boolean): string => (ok ? 'pass' : 'MISS');
  const lines = [
    `rollout: ${last.centers} centers, ${last.stations} stations over ${years.length} years`,
    `  counties with a center: ${last.countiesWithCenter} / ${result.counties} = ${pct(targets.countyShare)} ` +
      `(target > ${pct(targets.countyTarget)}) ${mark(targets.countyShare > targets.countyTarget)}`,
    `  rural villages covered: ${last.ruralVillagesCovered} / ${result.ruralVillages} = ${pct(targets.villageShare)} ` +
      `(target > ${pct(targets.villageTarget)}) ${mark(targets.villageShare > targets.villageTarget)}`,
    `  spend: ${yuan(result.totalSpendYuan)} of ${yuan(result.params.budgetYuan)} ` +
      `${mark(result.totalSpendYuan <= result.params.budgetYuan)}`,
    ...years.map(
      (y) =>
        `  year ${y.year}: spend ${yuan(y.yearSpendYuan)}, ${y.centers} centers, ${y.stations} stations, ` +
        `${pct(y.coverageShare)} of rural villages covered`,
    ),
  ];
  if (result.stationLimit === 'coverage' && last.stations < result.params.stations) {
    lines.push(
      `  stations: ${last.stations} of up to ${result.params.stations} placed; no further station within reach of ` +
        'a chosen center reaches a village not yet covered',
    );
  }
  const unbuilt = result.unbuilt ?? { centers: 0, stations: 0 };
  if (unbuilt.centers + unbuilt.stations > 0) {
    lines.push(`  not affordable in any year, not built: ${unbuilt.centers} centers, ${unbuilt.stations} stations`);
  }
  lines.push(`  targets ${targets.met ? 'MET' : 'NOT MET'}; computed in ${result.seconds.toFixed(2)} s`);
  return lines;
}

runAsScript(import.meta.url, (argv) => main(argv));
