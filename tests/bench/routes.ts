/**
 * Bench section `routes`: the vehicle routing solver (src/core/route, HGS with SWAP*, Vidal 2022) on the CVRPLIB
 * X instances of ../shared/bench/cvrp/ (Uchoa et al., EJOR 257 (2017) 845-858), at 1 s and 10 s
 * (`ROUTES_BENCH_SECONDS=1,10,30` to change). The cost is recomputed from the routes with the file's rounding and
 * the routes are checked here (every customer exactly once, no route over capacity); an infeasible answer is a
 * row with an infinite objective. Gap to the best known solution in bks.json.
 */
import { readFileSync } from 'node:fs';
import { solveRoutes } from '../../src/core/route/solve';
import { cvrplibCost, cvrplibToProblem, parseCvrplib, type CvrplibInstance } from '../../src/io/cvrplib';
import { BENCH_DIR } from './orlib';
import type { BenchRow } from './table';

const CVRP_DIR = new URL('cvrp/', BENCH_DIR);

/**
 * Why routes (internal node numbers) are not a solution of the instance, or null when they are.
 * @param inst the instance
 * @param routes internal node numbers 1..n per route
 */
export function cvrpViolation(inst: CvrplibInstance, routes: readonly (readonly number[])[]): string | null {
  const n = inst.ids.length - 1;
  const seen = new Uint8Array(n + 1);
  for (const [r, route] of routes.entries()) {
    let load = 0;
    for (const k of route) {
      if (!(k >= 1 && k <= n) || seen[k]++) return `route ${r}: node ${k} out of range or visited twice`;
      load += inst.demand[k];
    }
    if (load > inst.capacity) return `route ${r}: load ${load} > capacity ${inst.capacity}`;
  }
  const missing = seen.findIndex((v, k) => k > 0 && v === 0);
  return missing > 0 ? `customer ${inst.ids[missing]} not visited` : null;
}

export async function run(): Promise<BenchRow[]> {
  const bks = (JSON.parse(readFileSync(new URL('bks.json', CVRP_DIR), 'utf8')) as { bks: Record<string, number> }).bks;
  const limits = (process.env.ROUTES_BENCH_SECONDS ?? '1,10').split(',').map(Number);
  const rows: BenchRow[] = [];
  for (const name of Object.keys(bks).sort()) {
    const inst = parseCvrplib(readFileSync(new URL(`${name}.vrp`, CVRP_DIR), 'utf8'), `${name}.vrp`);
    for (const seconds of limits) {
      const solution = solveRoutes(cvrplibToProblem(inst), { seed: 1, timeLimitSec: seconds, untilTimeLimit: true });
      const violation = cvrpViolation(inst, solution.routes);
      const cost = cvrplibCost(
        inst,
        solution.routes.map((route) => route.map((k) => inst.ids[k])),
      );
      rows.push({
        instance: name,
        model: `cvrp HGS ${seconds}s`,
        objective: violation === null ? cost : Infinity,
        optimum: bks[name],
        seconds: solution.seconds,
        note: violation ?? `${solution.routes.length} vehicles`,
      });
    }
  }
  return rows;
}
