/**
 * Benchmark section `rollout`: the default national rollout (1,000 centers, 100,000 stations, 5 years,
 * 10 billion yuan, Zhejiang first, 3 km stations, 60 km centers) over every embedded village (456,459 rural),
 * the same call as the rollout worker and `npm run rollout`. Rows: the time of each phase (coverage build, county
 * ranking, station placement, schedule + report) and the plan's figures (counties with a center, share of rural
 * villages covered, spend per year, targets). Target: <= 10 s on 2 cores.
 *
 * Prints figures, never passes or fails. Run alone: `npx tsx tests/bench/rollout.ts`.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { BenchRow } from './table';

/** All rows of the section (one skipped row when public/data is not built, as in the two-tier section). */
export async function run(): Promise<BenchRow[]> {
  if (!existsSync(new URL('../../public/data/manifest.json', import.meta.url))) {
    return [{ instance: 'rollout', model: '(skipped)', objective: NaN, seconds: 0, note: 'public/data not built' }];
  }
  const { loadNational } = await import('../../src/cli/rollout');
  const { runRollout } = await import('../../src/core/rollout/run');
  const { defaultRolloutParams } = await import('../../src/core/rollout/defaults');
  const { villages, countyNames } = loadNational();
  const result = runRollout({ villages, countyNames, params: defaultRolloutParams() });
  const instance = `national default (${result.ruralVillages} rural villages)`;
  const model = 'rollout';
  const t = result.timings!;
  const last = result.years[result.years.length - 1];
  const { targets } = result;
  const rows: BenchRow[] = [
    { instance, model: `${model} coverage build 3 km`, objective: NaN, seconds: t.coverageSec },
    { instance, model: `${model} county ranking`, objective: last.countiesWithCenter, seconds: t.rankingSec },
    { instance, model: `${model} stations (lazy greedy)`, objective: last.stations, seconds: t.stationsSec },
    { instance, model: `${model} schedule + report`, objective: NaN, seconds: t.scheduleSec },
    {
      instance,
      model: `${model} total`,
      objective: last.ruralVillagesCovered,
      seconds: result.seconds,
      note:
        `${last.countiesWithCenter}/${result.counties} counties with a center (${(100 * targets.countyShare).toFixed(2)} %), ` +
        `${(100 * targets.villageShare).toFixed(2)} % of rural villages covered, ` +
        `spend ${(result.totalSpendYuan / 1e9).toFixed(3)} bn yuan; targets ${targets.met ? 'met' : 'NOT met'}`,
    },
    ...result.years.map((y) => ({
      instance,
      model: `${model} year ${y.year}`,
      objective: y.ruralVillagesCovered,
      seconds: 0,
      note:
        `spend ${(y.yearSpendYuan / 1e9).toFixed(3)} bn yuan (cumulative ${(y.spendYuan / 1e9).toFixed(3)}), ` +
        `${y.centers} centers, ${y.stations} stations, ${(100 * y.coverageShare).toFixed(2)} % covered`,
    })),
  ];
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { formatTable } = await import('./table');
  run().then((rows) => process.stdout.write(`${formatTable(rows)}\n`));
}
