/**
 * Benchmark section `families`: generated instances of the three families the solvers must handle beyond the
 * public samples (see ./generate.ts): OR-Library-style graphs (p-median at large p, set cover at a radius),
 * SJC-style clustered points (set cover at 800 and 1,200 m, its 95 % target-share variant, max coverage) and
 * city-style weighted nodes (max coverage, p = 50-100). Each instance is solved in the default mode with its
 * default budget; the objective is recomputed from `selected` (never taken from the solver). Reference optima:
 * the exact mode (HiGHS) with a long limit (`FAMILIES_REF_SEC`, default 900 s), cached as JSON under the system
 * temp folder (`ruralreach-families/`), recomputed from the selection too; a reference HiGHS did not prove is
 * printed with its note and no gap. Prints figures, never passes or fails.
 *
 * Run alone: `npx tsx tests/bench/families.ts` (first run: the references take a while).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { solveMaxCoverage } from '../../src/core/solve/max-coverage';
import type { CoverageProblem } from '../../src/core/solve/max-coverage/state';
import { solvePMedian } from '../../src/core/solve/p-median';
import { solveSetCover } from '../../src/core/solve/set-cover';
import type { Solution } from '../../src/core/types';
import { cityPoints, coveredWeight, graphProblem, pMedianCost, pmedGraph, pointsProblem, sjcPoints } from './generate';
import type { OrLibInstance } from './orlib';
import { formatSummary, formatTable, gapPercent, summarize, type BenchRow } from './table';

/** Seed of every solve. */
export const SEED = 1;
/** Time limit of the reference exact solves, seconds. */
const REFERENCE_SEC = Number(process.env.FAMILIES_REF_SEC ?? 900);
/** Cache of reference solutions (bump the version when a generator changes). */
const CACHE_DIR = join(tmpdir(), 'ruralreach-families', 'v1');

/** One benchmark problem: how to solve it by default and exactly, and how to score a selection. */
interface Case {
  family: string;
  model: string;
  name: string;
  sense: 'min' | 'max';
  solve: (exact: boolean, timeLimitSec?: number) => Promise<Solution>;
  /** Objective of a selection, recomputed independently of the solver. */
  score: (selected: Uint32Array) => number;
}

interface Reference {
  objective: number;
  optimal: boolean;
  bound: number;
  seconds: number;
}

function pMedianCase(inst: OrLibInstance): Case {
  return {
    family: 'pmed-style',
    model: 'pmedian',
    name: `${inst.name} p=${inst.p}`,
    sense: 'min',
    solve: (exact, timeLimitSec) =>
      solvePMedian(inst, { p: inst.p, seed: SEED, mode: exact ? 'exact' : undefined, timeLimitSec }),
    score: (selected) => pMedianCost(inst.matrix, inst.demand.weight, selected),
  };
}

function setCoverCase(family: string, name: string, problem: CoverageProblem, share = 1): Case {
  const weight = problem.weight;
  return {
    family,
    model: share < 1 ? `lscp ${Math.round(100 * share)} %` : 'lscp',
    name,
    sense: 'min',
    solve: (exact, timeLimitSec) =>
      solveSetCover(problem, { share, seed: SEED, mode: exact ? 'exact' : undefined, timeLimitSec }),
    // Counts the sites and checks the target from the selection: an infeasible plan scores Infinity.
    score: (selected) => {
      let coverable = 0;
      for (let i = 0; i < weight.length; i++)
        if (problem.coverage.demandOffsets[i + 1] > problem.coverage.demandOffsets[i]) coverable += weight[i];
      const covered = coveredWeight(problem.coverage, weight, selected);
      return covered >= share * coverable - 1e-9 * coverable ? selected.length : Infinity;
    },
  };
}

function maxCoverageCase(family: string, name: string, problem: CoverageProblem, p: number): Case {
  return {
    family,
    model: 'mclp',
    name: `${name} p=${p}`,
    sense: 'max',
    solve: (exact, timeLimitSec) =>
      solveMaxCoverage(problem, { p, seed: SEED, mode: exact ? 'exact' : undefined, timeLimitSec }),
    score: (selected) => (selected.length <= p ? coveredWeight(problem.coverage, problem.weight, selected) : -Infinity),
  };
}

/** Every case of the section, built lazily per family (the matrices are large). */
function* cases(): Generator<Case> {
  for (const [n, p, seed, radius] of [
    [300, 30, 11, 30],
    [600, 120, 12, 18],
    [900, 200, 13, 14],
  ] as const) {
    const inst = pmedGraph(n, p, seed);
    yield pMedianCase(inst);
    yield setCoverCase('pmed-style', `${inst.name} r=${radius}`, graphProblem(inst.matrix, radius));
  }
  for (const [count, seed] of [
    [402, 21],
    [818, 22],
  ] as const) {
    const points = sjcPoints(count, seed);
    for (const [radius, p] of [
      [800, 5],
      [1200, 3],
    ] as const) {
      const problem = pointsProblem(points, radius);
      const name = `SJC-like ${count} s${seed} S=${radius} m`;
      yield setCoverCase('sjc-style', name, problem);
      yield setCoverCase('sjc-style', name, problem, 0.95);
      yield maxCoverageCase('sjc-style', name, problem, p);
    }
  }
  for (const [count, seed, radius, p] of [
    [2700, 31, 1000, 50],
    [7700, 32, 800, 100],
  ] as const) {
    yield maxCoverageCase(
      'city-style',
      `city-like ${count} s${seed} S=${radius} m`,
      pointsProblem(cityPoints(count, seed), radius),
      p,
    );
  }
}

/** The cached reference of a case, or a new exact solve (cached when it ran). */
async function reference(c: Case): Promise<Reference> {
  const file = join(CACHE_DIR, `${c.family}-${c.model}-${c.name}.json`.replace(/[^\w.-]+/g, '_'));
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Reference;
  const s = await c.solve(true, REFERENCE_SEC);
  const ref: Reference = { objective: c.score(s.selected), optimal: s.optimal, bound: s.bound, seconds: s.seconds };
  mkdirSync(CACHE_DIR, { recursive: true });
  writeFileSync(file, JSON.stringify(ref));
  return ref;
}

/** Solves every case in the default mode and scores it against its reference. */
export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const c of cases()) {
    const ref = await reference(c);
    const s = await c.solve(false);
    const objective = c.score(s.selected);
    const row: BenchRow = {
      instance: c.name,
      model: `${c.family} ${c.model}`,
      objective,
      seconds: s.seconds,
      note: `${s.optimal ? 'proven optimal' : 'not proven'}; ${s.solver}`,
    };
    if (ref.optimal) {
      row.optimum = ref.objective;
      row.gapPct = gapPercent(objective, ref.objective);
    } else {
      row.note += `; reference ${ref.objective} not proven (bound ${ref.bound}, ${ref.seconds.toFixed(0)} s)`;
    }
    if (objective !== s.objective) row.note += `; solver said ${s.objective}`;
    rows.push(row);
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  run().then((rows) => {
    process.stdout.write(`${formatTable(rows)}\n\nSummary\n${formatSummary(summarize(rows))}\n`);
  });
}
