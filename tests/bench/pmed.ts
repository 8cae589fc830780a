/**
 * Benchmark section `pmed`: OR-Library p-median graphs pmed1..pmed10 (Beasley 1985, 1990; distances per
 * OR-Library's own rule, see ./orlib.ts), solved as p-median and as vertex p-center, each by the heuristic and by
 * the exact mode. Optima: ../shared/bench/optima.json (p-median from OR-Library's pmedopt; p-center as published,
 * e.g. Pullan 2008). Prints figures, never passes or fails.
 *
 * Run alone: `npx tsx tests/bench/pmed.ts`.
 */
import { pathToFileURL } from 'node:url';
import { solvePMedian } from '../../src/core/solve/p-median';
import { solvePCenter } from '../../src/core/solve/p-center';
import { readOptima, readOrLibPMedian } from './orlib';
import { boundNote, formatSummary, formatTable, ratioNote, solutionRow, summarize, type BenchRow } from './table';

/** Instances of the section. */
export const INSTANCES = Array.from({ length: 10 }, (_, k) => `pmed${k + 1}`);
/** Time limit of each exact solve, seconds. */
export const EXACT_TIME_LIMIT_SEC = 60;
/** Seed of every solve. */
export const SEED = 1;

/** Solves every instance four ways; rows: pmedian/pcenter x heuristic/exact. */
export async function run(): Promise<BenchRow[]> {
  const optima = readOptima();
  const rows: BenchRow[] = [];
  for (const name of INSTANCES) {
    const inst = readOrLibPMedian(name);
    const known = optima[name];
    const options = { p: inst.p, seed: SEED };
    const medianH = await solvePMedian(inst, { ...options, timeLimitSec: 10 });
    const medianX = await solvePMedian(inst, { ...options, mode: 'exact', timeLimitSec: EXACT_TIME_LIMIT_SEC });
    const centerH = await solvePCenter(inst, { ...options, timeLimitSec: 10 });
    const centerX = await solvePCenter(inst, { ...options, mode: 'exact', timeLimitSec: EXACT_TIME_LIMIT_SEC });
    const label = `${name} (n=${inst.n}, p=${inst.p})`;
    rows.push(solutionRow(label, 'pmedian heuristic', medianH, known.pmedian, boundNote(medianH)));
    rows.push(
      solutionRow(
        label,
        'pmedian exact',
        medianX,
        known.pmedian,
        `${boundNote(medianX)}; ${ratioNote(medianX, medianH)}`,
      ),
    );
    rows.push(solutionRow(label, 'pcenter heuristic', centerH, known.pcenter, boundNote(centerH)));
    rows.push(
      solutionRow(
        label,
        'pcenter exact',
        centerX,
        known.pcenter,
        `${boundNote(centerX)}; ${ratioNote(centerX, centerH)}`,
      ),
    );
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  run().then((rows) => {
    process.stdout.write(`${formatTable(rows)}\n\nSummary\n${formatSummary(summarize(rows))}\n`);
  });
}
