/**
 * Benchmark section `two-tier`: county centers and village stations (a station counts only when an open center
 * reaches it), through `runPlan` as the app and the CLI call it, on the embedded rural villages with one county
 * seat stand-in per county as center candidates (src/cli/province.ts `ruralVillages`).
 *
 * - Prefecture: the rural villages of one prefecture-level city (Hangzhou 3301, Lishui 3311), 3 centers, 3 km
 *   stations, 30 km center reach; the heuristic against the optimum proven by the HiGHS MIP (exact mode).
 * - Province: Zhejiang, 10 centers, 1,200 stations, 60 km (the app's defaults): the heuristic with its own bound.
 *
 * Prints figures, never passes or fails. Run alone: `npx tsx tests/bench/two-tier.ts`.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { ruralVillages } from '../../src/cli/province';
import { runPlan } from '../../src/core/plan';
import type { PlanParams, PlanRequest } from '../../src/core/plan-types';
import { SITE_STATUS } from '../../src/core/types';
import { boundNote, formatSummary, formatTable, summarize, type BenchRow } from './table';

const SEED = 1;

/** A two-tier request on the rural villages of `province` whose code starts with `prefix` (all when ''). */
function request(province: string, prefix: string, params: Omit<PlanParams, 'model'>): PlanRequest {
  const { points, countySeats } = ruralVillages([province]);
  const keep = points.ids.flatMap((id, k) => (id.startsWith(prefix) ? [k] : []));
  const at = new Map(keep.map((k, n) => [k, n]));
  const lon = Float64Array.from(keep, (k) => points.lon[k]);
  const lat = Float64Array.from(keep, (k) => points.lat[k]);
  const centerCandidates = Uint32Array.from(
    [...countySeats].filter((k) => at.has(k)),
    (k) => at.get(k)!,
  );
  return {
    demand: { count: keep.length, lon, lat, weight: new Float64Array(keep.length).fill(1) },
    candidates: { count: keep.length, lon: lon.slice(), lat: lat.slice(), status: new Uint8Array(keep.length) },
    centerCandidates,
    params: { model: 'two-tier', seed: SEED, ...params },
  };
}

/** A fresh copy of a request (runPlan may be handed the same arrays twice). */
function copy(r: PlanRequest, params: Partial<PlanParams>): PlanRequest {
  return {
    demand: { ...r.demand, lon: r.demand.lon.slice(), lat: r.demand.lat.slice(), weight: r.demand.weight.slice() },
    candidates: { ...r.candidates, status: r.candidates.status.slice().fill(SITE_STATUS.proposed) },
    centerCandidates: r.centerCandidates?.slice(),
    params: { ...r.params, ...params },
  };
}

async function prefectureRows(name: string, prefix: string, p: number): Promise<BenchRow[]> {
  const base = request('33', prefix, { p, centers: 3, radius: 3, centerRadius: 30 });
  const label = `${name} ${prefix} (${base.demand.count} villages, ${base.centerCandidates?.length} seats) p=${p}`;
  const heuristic = await runPlan(copy(base, { timeLimitSec: 10 }));
  const exact = await runPlan(copy(base, { exact: true, timeLimitSec: 300 }));
  const optimum = exact.solution.optimal ? exact.solution.objective : undefined;
  const rows: BenchRow[] = [
    {
      instance: label,
      model: 'two-tier heuristic',
      objective: heuristic.solution.objective,
      optimum,
      seconds: heuristic.solution.seconds,
      note: boundNote(heuristic.solution),
    },
    {
      instance: label,
      model: 'two-tier exact',
      objective: exact.solution.objective,
      optimum,
      seconds: exact.solution.seconds,
      note: `${exact.solution.optimal ? 'proven' : 'not proven'}; ${(exact.solution.seconds / heuristic.solution.seconds).toFixed(0)}x the heuristic`,
    },
  ];
  return rows;
}

export async function run(): Promise<BenchRow[]> {
  if (!existsSync(new URL('../../public/data/manifest.json', import.meta.url))) {
    return [{ instance: 'two-tier', model: '(skipped)', objective: NaN, seconds: 0, note: 'public/data not built' }];
  }
  const rows = [...(await prefectureRows('Hangzhou', '3301', 150)), ...(await prefectureRows('Lishui', '3311', 150))];
  const zhejiang = request('33', '', { p: 1200, centers: 10, radius: 3, centerRadius: 60 });
  const plan = await runPlan(zhejiang);
  rows.push({
    instance: `Zhejiang (${zhejiang.demand.count} villages) 10 centers, 1200 stations, 60 km`,
    model: 'two-tier heuristic (no optimum)',
    objective: plan.solution.objective,
    seconds: plan.solution.seconds,
    note: `${boundNote(plan.solution)}; coverage ${(100 * plan.metrics.coverage).toFixed(1)} %`,
  });
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await run();
  console.log(formatTable(rows));
  console.log(formatSummary(summarize(rows)));
}
