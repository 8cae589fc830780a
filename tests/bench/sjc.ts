/**
 * Benchmark section `sjc`: the Sao Jose dos Campos max-coverage instance SJC324 (L.A.N. Lorena & M.A. Pereira,
 * "A Lagrangean/surrogate heuristic for the maximal covering location problem using Hillsman's edition",
 * International Journal of Industrial Engineering 9 (2002); files from etra0/mclp), euclidean metres, radii 800 and
 * 1200 m, every point a demand point and a candidate. Max coverage for p = 1 .. (set-cover size) and set cover,
 * each by the heuristic and by the exact mode. Optima: ../shared/bench/optima.json (proven with CBC).
 * Prints figures, never passes or fails.
 *
 * Run alone: `npx tsx tests/bench/sjc.ts`.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { coverageByPlanarRadius } from '../../src/core/reach/planar';
import { solveMaxCoverage, type MaxCoverageSolution } from '../../src/core/solve/max-coverage';
import type { CoverageProblem } from '../../src/core/solve/max-coverage/state';
import { solveSetCover } from '../../src/core/solve/set-cover';
import { boundNote, formatSummary, formatTable, ratioNote, solutionRow, summarize, type BenchRow } from './table';

/** Folder of the shared reference instances. */
const BENCH_DIR = new URL('../../../shared/bench/', import.meta.url);
/** Radii in metres. */
export const RADII = [800, 1200] as const;
/** Seed of every solve. */
export const SEED = 1;
/** Time limits in seconds. */
const HEURISTIC_TIME_LIMIT_SEC = 10;
const EXACT_TIME_LIMIT_SEC = 120;

/** SJC324 as planar points (metres) with their demand. */
export function readSjc(): { x: Float64Array; y: Float64Array; weight: Float64Array } {
  const coords = readFileSync(new URL('SJC324.txt', BENCH_DIR), 'utf8').trim().split(/\r?\n/);
  const n = Number(coords[0]);
  const demand = readFileSync(new URL('demand-SJC324.dat', BENCH_DIR), 'utf8').trim().split(/\s+/).map(Number);
  if (coords.length !== n + 1 || demand.length !== n) {
    throw new Error(`SJC324: expected ${n} points and ${n} demands, got ${coords.length - 1} and ${demand.length}.`);
  }
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  coords.slice(1).forEach((line, i) => {
    const [a, b] = line.trim().split(/\s+/).map(Number);
    x[i] = a;
    y[i] = b;
  });
  return { x, y, weight: Float64Array.from(demand) };
}

interface SjcOptima {
  mclp: Record<string, Record<string, number>>;
  lscp: Record<string, number>;
}

function readOptima(): SjcOptima {
  return (JSON.parse(readFileSync(new URL('optima.json', BENCH_DIR), 'utf8')) as { SJC324: SjcOptima }).SJC324;
}

/** Max coverage for every p with a known optimum, and set cover, at both radii; heuristic and exact. */
export async function run(): Promise<BenchRow[]> {
  const { x, y, weight } = readSjc();
  const points = { count: x.length, x, y };
  const optima = readOptima();
  const rows: BenchRow[] = [];
  for (const radius of RADII) {
    const problem: CoverageProblem = { coverage: coverageByPlanarRadius(points, points, radius), weight };
    const ps = Object.keys(optima.mclp[radius])
      .map(Number)
      .sort((a, b) => a - b);
    for (const p of ps) {
      const optimum = optima.mclp[radius][p];
      const label = `SJC324 S=${radius} m p=${p}`;
      const heuristic: MaxCoverageSolution = await solveMaxCoverage(problem, {
        p,
        seed: SEED,
        timeLimitSec: HEURISTIC_TIME_LIMIT_SEC,
      });
      const exact = await solveMaxCoverage(problem, {
        p,
        seed: SEED,
        mode: 'exact',
        timeLimitSec: EXACT_TIME_LIMIT_SEC,
      });
      rows.push(solutionRow(label, 'mclp heuristic', heuristic, optimum, boundNote(heuristic)));
      rows.push(
        solutionRow(label, 'mclp exact', exact, optimum, `${boundNote(exact)}; ${ratioNote(exact, heuristic)}`),
      );
    }
    const optimum = optima.lscp[radius];
    const label = `SJC324 S=${radius} m`;
    const heuristic = await solveSetCover(problem, { seed: SEED, timeLimitSec: HEURISTIC_TIME_LIMIT_SEC });
    const exact = await solveSetCover(problem, { seed: SEED, mode: 'exact', timeLimitSec: EXACT_TIME_LIMIT_SEC });
    rows.push(solutionRow(label, 'lscp heuristic', heuristic, optimum, boundNote(heuristic)));
    rows.push(solutionRow(label, 'lscp exact', exact, optimum, `${boundNote(exact)}; ${ratioNote(exact, heuristic)}`));
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  run().then((rows) => {
    process.stdout.write(`${formatTable(rows)}\n\nSummary\n${formatSummary(summarize(rows))}\n`);
  });
}
