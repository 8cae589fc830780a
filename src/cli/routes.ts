/**
 * `npm run routes`: the daily runs of vans from one depot, on a CVRPLIB/TSPLIB instance (the field's interchange
 * format: NODE_COORD_SECTION or EDGE_WEIGHT_SECTION, DEMAND_SECTION, DEPOT_SECTION, CAPACITY, EUC_2D with
 * nearest-integer rounding). Writes `{"instance", "routes": [[file node numbers, depot left out], ...], "cost",
 * "seconds", "vehicles", "feasible", "solver", "unrouted"}`, the cost recomputed from the routes with the file's
 * rounding. The solver is src/core/route/solve.ts (HGS with SWAP*, Vidal 2022).
 *
 * Exit codes: 0 done, 1 solver failure or infeasible answer, 2 bad option or unusable file.
 */
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { solveRoutes, describeUnrouted } from '../core/route/solve';
import { CvrplibError, cvrplibCost, cvrplibToProblem, parseCvrplib } from '../io/cvrplib';
import { PlanRequestError } from '../core/plan-check';
import { RunParamsError } from '../core/route/run-params';
import { InputError } from '../io/problems';
import { formatOptions, parseArgs, UsageError, type OptionSpec } from './args';
import { ROUTES_PLAN_OPTIONS, routesOfPlan } from './routes-plan';
import { nodeConsole, runAsScript, type Console } from './terminal';

export const ROUTES_OPTIONS: readonly OptionSpec[] = [
  { name: 'cvrplib', kind: 'file', value: 'FILE', help: 'a CVRPLIB/TSPLIB instance (.vrp)' },
  {
    name: 'seconds',
    kind: 'number',
    value: 'S',
    min: 0,
    minExclusive: true,
    help: 'time budget; the search restarts and runs until it is spent (default 10)',
  },
  { name: 'seed', kind: 'int', value: 'N', min: 0, help: 'seed of the random generator (default 1)' },
  { name: 'report', kind: 'file', value: 'FILE', help: 'write the routes and figures as JSON here' },
  { name: 'help', kind: 'flag', help: 'show this help' },
];

/** The help text of `npm run routes`. */
export function routesHelp(): string {
  return [
    'Usage: npm run routes -- --cvrplib X-n101-k25.vrp --seconds 10 --seed 1 --report routes.json',
    '       npm run routes -- --plan plan.json --out runs.geojson --csv runs-counties.csv',
    '       npm run routes -- --province 33 --model two-tier --p 1000 --radius 3 --centers 10 \\',
    '         --center-radius 60 --out runs.geojson   (any option of npm run plan plans first)',
    '',
    'Vehicle routes from one depot (capacitated VRP; with DISTANCE/SERVICE_TIME a route length limit),',
    'solved by a hybrid genetic search with SWAP* (Vidal 2022). Routes list the file node numbers.',
    'With --plan or --province: the daily runs of every center of a plan to its stations, with deliveries',
    'and produce pickups on the same van (load never above capacity), within a shift.',
    '',
    'Options of --cvrplib:',
    formatOptions(ROUTES_OPTIONS),
    '',
    'Options of --plan and --province:',
    formatOptions(ROUTES_PLAN_OPTIONS),
    '',
    'Exit codes: 0 done, 1 solver failure, 2 bad option or unusable file.',
  ].join('\n');
}

/** The report of one solved instance. */
export interface RoutesReport {
  instance: string;
  routes: number[][];
  cost: number;
  seconds: number;
  vehicles: number;
  feasible: boolean;
  solver: string;
  unrouted: string[];
}

/**
 * Runs the command and returns its exit code. Never throws: every failure becomes one line on stderr.
 * @param argv arguments after `--`
 */
export async function main(argv: readonly string[], io: Console = nodeConsole): Promise<number> {
  try {
    if (argv.some((a) => /^--(plan|province|demand)(=|$)/.test(a))) return await routesOfPlan(argv, io);
    const args = parseArgs(argv, ROUTES_OPTIONS);
    if (args.get('help') === true) {
      io.out(routesHelp());
      return 0;
    }
    const file = args.get('cvrplib') as string | undefined;
    if (file === undefined) throw new UsageError('missing --cvrplib FILE, --plan FILE or --province CODE (see --help)');
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new UsageError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    const instance = parseCvrplib(text, basename(file));
    const seconds = (args.get('seconds') as number | undefined) ?? 10;
    const solution = solveRoutes(cvrplibToProblem(instance), {
      seed: (args.get('seed') as number | undefined) ?? 1,
      timeLimitSec: seconds,
      untilTimeLimit: true,
    });
    // File node numbers; the cost recomputed from them, not taken from the solver.
    const routes = solution.routes.map((route) => route.map((k) => instance.ids[k]));
    const report: RoutesReport = {
      instance: instance.name,
      routes,
      cost: cvrplibCost(instance, routes),
      seconds: Number(solution.seconds.toFixed(3)),
      vehicles: routes.length,
      feasible: solution.feasible,
      solver: solution.solver,
      unrouted: solution.unrouted.map((u) => describeUnrouted({ ...u, node: instance.ids[u.node] })),
    };
    for (const line of report.unrouted) io.err(`routes: ${line}`);
    const reportFile = args.get('report') as string | undefined;
    if (reportFile !== undefined) {
      await mkdir(dirname(reportFile), { recursive: true });
      await writeFile(reportFile, JSON.stringify(report) + '\n');
    }
    io.out(
      `${instance.name}: cost ${report.cost}, ${report.vehicles} vehicles, ${report.seconds} s` +
        (report.feasible ? '' : ' (INFEASIBLE)'),
    );
    return report.feasible ? 0 : 1;
  } catch (error) {
    if (
      error instanceof UsageError ||
      error instanceof CvrplibError ||
      error instanceof InputError ||
      error instanceof RunParamsError ||
      error instanceof PlanRequestError
    ) {
      io.err(`routes: ${error.message}`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`routes: failed: ${message}`);
    return 1;
  }
}

runAsScript(import.meta.url, (argv) => main(argv));
