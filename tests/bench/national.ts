/**
 * Benchmark section `national`: coverage builds and max coverage at national, county and city scale.
 *
 * - National: the embedded rural villages (public/data, 456,459 points; positions are the dataset's own, see its
 *   manifest) and a seeded clustered synthetic set of the same size (~15 villages within 3 km around each of
 *   ~30,000 township seats over China's extent): coverage build at 3 and 5 km (strip index, and a kdbush range
 *   query + the same exact test as the baseline the strip index was chosen against), then max coverage with
 *   p = 100,000 stations. Target: build + solve <= 2 s at 3 km. On the embedded villages also the plans that do not
 *   saturate (issue 15): p = 5,000, 10,000, 20,000 and 50,000 at 3 and 5 km with the default time limit, each with
 *   its proven bound and gap (target: <= 3 s, goal 2 s, and a gap <= 0.5 %), and set cover of 60 % and 90 % of
 *   the coverable villages with the default limit (fewest stations, proven lower bound).
 * - County: 5,000 clustered villages, p = 200, 3 km (a PuLP + CBC model of this size was reported at 215 s; the
 *   target is >= 100x faster within 0.1 % of the optimum), heuristic and exact.
 * - City: 8,000 weighted points (clustered, weights 1-100), p = 50 and 100, 1.5 km, heuristic (2 s budget) and
 *   exact. Target: within 0.1 % of the optimum in <= 2 s (the best published local search, Maximo, Cordeau &
 *   Nascimento 2023, reports 0.1 % on a 7,730-node instance in 0.35 s).
 *
 * Prints figures, never passes or fails. Run alone: `npx tsx tests/bench/national.ts`.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import KDBush from 'kdbush';
import { coverageFromSiteLists, IndexBuffer } from '../../src/core/coverage/csr';
import { EARTH_RADIUS_KM } from '../../src/core/distance/haversine';
import { createRandom } from '../../src/core/random';
import { coverageByPlanarRadius } from '../../src/core/reach/planar';
import { coverageByRadius, type LonLatPoints } from '../../src/core/reach/radius';
import { solveMaxCoverage } from '../../src/core/solve/max-coverage';
import { solveSetCover } from '../../src/core/solve/set-cover';
import type { CoverageProblem } from '../../src/core/solve/max-coverage/state';
import { boundNote, formatSummary, formatTable, gapPercent, ratioNote, summarize, type BenchRow } from './table';

/** Seed of every generator and solve. */
export const SEED = 1;
const RAD = Math.PI / 180;

/** The embedded rural villages of every province, or undefined when public/data is not built. */
async function embeddedVillages(): Promise<LonLatPoints | undefined> {
  if (!existsSync(new URL('../../public/data/manifest.json', import.meta.url))) return undefined;
  const { readManifest, readProvinceVillages } = await import('../../src/data/node-files');
  const lon: number[] = [];
  const lat: number[] = [];
  for (const province of readManifest().provinces) {
    const table = readProvinceVillages(province.code);
    for (let i = 0; i < table.count; i++) {
      if (!table.rural[i]) continue;
      lon.push(table.positions[2 * i]);
      lat.push(table.positions[2 * i + 1]);
    }
  }
  return { count: lon.length, lon: Float64Array.from(lon), lat: Float64Array.from(lat) };
}

/**
 * Seeded clustered villages: `count` points, each within `spreadKm` (uniform in the disc) of one of `seats` seats;
 * 80 % of the seats in eastern China (102-122 E, 21-41 N), the rest anywhere in 75-134 E, 19-53 N.
 */
export function clusteredVillages(count: number, seats: number, spreadKm: number, seed = SEED): LonLatPoints {
  const rand = createRandom(seed);
  const seatLon = new Float64Array(seats);
  const seatLat = new Float64Array(seats);
  for (let s = 0; s < seats; s++) {
    const east = rand() < 0.8;
    seatLon[s] = east ? 102 + 20 * rand() : 75 + 59 * rand();
    seatLat[s] = east ? 21 + 20 * rand() : 19 + 34 * rand();
  }
  const lon = new Float64Array(count);
  const lat = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const s = Math.floor(rand() * seats);
    const r = spreadKm * Math.sqrt(rand());
    const a = 2 * Math.PI * rand();
    lat[i] = seatLat[s] + (r * Math.sin(a)) / 111.2;
    lon[i] = seatLon[s] + (r * Math.cos(a)) / (111.2 * Math.cos(seatLat[s] * RAD));
  }
  return { count, lon, lat };
}

/** Baseline coverage build: kdbush range query on a lon/lat box, then the chord test (same result). */
function kdbushCoverage(points: LonLatPoints, radiusKm: number): number {
  const theta = radiusKm / EARTH_RADIUS_KM;
  const thetaDeg = theta / RAD;
  const index = new KDBush(points.count);
  for (let i = 0; i < points.count; i++) index.add(points.lon[i], points.lat[i]);
  index.finish();
  const xyz = new Float64Array(3 * points.count);
  for (let i = 0; i < points.count; i++) {
    const c = Math.cos(points.lat[i] * RAD);
    xyz[3 * i] = c * Math.cos(points.lon[i] * RAD);
    xyz[3 * i + 1] = c * Math.sin(points.lon[i] * RAD);
    xyz[3 * i + 2] = Math.sin(points.lat[i] * RAD);
  }
  const chord2 = 4 * Math.sin(theta / 2) ** 2;
  const offsets = new Uint32Array(points.count + 1);
  const hits = new IndexBuffer(points.count * 8);
  for (let j = 0; j < points.count; j++) {
    const half = Math.asin(Math.min(1, Math.sin(theta) / Math.cos(points.lat[j] * RAD))) / RAD;
    for (const i of index.range(
      points.lon[j] - half,
      points.lat[j] - thetaDeg,
      points.lon[j] + half,
      points.lat[j] + thetaDeg,
    )) {
      const dx = xyz[3 * i] - xyz[3 * j];
      const dy = xyz[3 * i + 1] - xyz[3 * j + 1];
      const dz = xyz[3 * i + 2] - xyz[3 * j + 2];
      if (dx * dx + dy * dy + dz * dz <= chord2) hits.push(i);
    }
    offsets[j + 1] = hits.length;
  }
  return coverageFromSiteLists(points.count, points.count, offsets, hits.toArray()).siteDemands.length;
}

function seconds(start: number): number {
  return (performance.now() - start) / 1000;
}

/** Build at 3 and 5 km, then max coverage with 100,000 stations (every village a candidate). */
async function nationalRows(
  name: string,
  villages: LonLatPoints,
  rows: BenchRow[],
  baseline: boolean,
  partial = false,
): Promise<void> {
  const weight = new Float64Array(villages.count).fill(1);
  for (const radiusKm of [3, 5]) {
    const label = `${name} (${villages.count} villages) ${radiusKm} km`;
    let start = performance.now();
    const coverage = coverageByRadius(villages, villages, radiusKm);
    const buildSec = seconds(start);
    rows.push({
      instance: label,
      model: 'coverage build (strip index)',
      objective: coverage.siteDemands.length,
      seconds: buildSec,
      note: 'objective = covered pairs',
    });
    if (baseline && radiusKm === 3) {
      start = performance.now();
      const pairs = kdbushCoverage(villages, radiusKm);
      rows.push({
        instance: label,
        model: 'coverage build (kdbush baseline)',
        objective: pairs,
        seconds: seconds(start),
        note: `${(seconds(start) / buildSec).toFixed(1)}x the strip index`,
      });
    }
    const solution = await solveMaxCoverage({ coverage, weight }, { p: 100_000, seed: SEED, timeLimitSec: 2 });
    rows.push({
      instance: label,
      model: 'mclp p=100000 heuristic',
      objective: solution.objective,
      seconds: solution.seconds,
      note: `${boundNote(solution, 3)}; ${solution.newSites} stations; build + solve ${(buildSec + solution.seconds).toFixed(2)} s`,
    });
    if (partial) {
      await partialRows(label, { coverage, weight }, buildSec, rows);
      await coverRows(label, { coverage, weight }, rows);
    }
  }
}

/** Budgets of the national plans that do not saturate (issue 15). */
const PARTIAL_P = [5_000, 10_000, 20_000, 50_000];

/** Time limits of those plans: the issue's target (3 s) and the default (10 s). */
const PARTIAL_LIMITS_SEC = [3, undefined];

/** Max coverage at each of `PARTIAL_P` and `PARTIAL_LIMITS_SEC`: solve time, proven bound and gap. */
async function partialRows(label: string, problem: CoverageProblem, buildSec: number, rows: BenchRow[]): Promise<void> {
  for (const p of PARTIAL_P)
    for (const timeLimitSec of PARTIAL_LIMITS_SEC) {
      const solution = await solveMaxCoverage(problem, { p, seed: SEED, timeLimitSec });
      rows.push({
        instance: label,
        model: `mclp p=${p} heuristic, ${timeLimitSec === undefined ? 'default limit' : `${timeLimitSec} s limit`}`,
        objective: solution.objective,
        seconds: solution.seconds,
        note: `bound ${solution.bound}, gap ${(100 * solution.gap).toFixed(3)} %; build ${buildSec.toFixed(2)} s; ${solution.solver}`,
      });
    }
}

/** Target shares of the national set-cover rows (fewest stations covering that share of the coverable villages). */
const COVER_SHARES = [0.6, 0.9];

/** Set cover at each of `COVER_SHARES` with the default time limit: stations, proven lower bound and gap. */
async function coverRows(label: string, problem: CoverageProblem, rows: BenchRow[]): Promise<void> {
  for (const share of COVER_SHARES) {
    const solution = await solveSetCover(problem, { share, seed: SEED });
    rows.push({
      instance: label,
      model: `lscp ${100 * share} % heuristic, default limit`,
      objective: solution.objective,
      seconds: solution.seconds,
      note: `bound ${solution.bound}, gap ${(100 * solution.gap).toFixed(3)} %; ${solution.solver}`,
    });
  }
}

/** Heuristic and exact rows of one instance. */
async function pairRows(
  label: string,
  problem: CoverageProblem,
  p: number,
  heuristicSec: number,
  exactSec: number,
  rows: BenchRow[],
  baselineSec?: number,
): Promise<void> {
  const heuristic = await solveMaxCoverage(problem, { p, seed: SEED, timeLimitSec: heuristicSec });
  const exact = await solveMaxCoverage(problem, { p, seed: SEED, mode: 'exact', timeLimitSec: exactSec });
  const optimum = exact.optimal ? exact.objective : undefined;
  const gap = optimum === undefined ? undefined : gapPercent(heuristic.objective, optimum);
  const baseline =
    baselineSec === undefined
      ? ''
      : `; ${(baselineSec / heuristic.seconds).toFixed(0)}x faster than CBC's ${baselineSec} s`;
  rows.push({
    instance: label,
    model: 'mclp heuristic',
    objective: heuristic.objective,
    optimum,
    gapPct: gap,
    seconds: heuristic.seconds,
    note: `${boundNote(heuristic, 3)}${baseline}`,
  });
  rows.push({
    instance: label,
    model: 'mclp exact',
    objective: exact.objective,
    optimum,
    gapPct: optimum === undefined ? undefined : 0,
    seconds: exact.seconds,
    note: `${boundNote(exact, 3)}; ${ratioNote(exact, heuristic)}`,
  });
}

/** City instance: `n` points in a 40 km square, 80 % around 200 centres (normal, sigma 1.5 km), weights 1-100. */
export function cityInstance(seed: number, n: number, radiusKm: number): CoverageProblem {
  const rand = createRandom(seed);
  const side = 40;
  const centres = Array.from({ length: 200 }, () => [rand() * side, rand() * side]);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const weight = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (rand() < 0.2) {
      x[i] = rand() * side;
      y[i] = rand() * side;
    } else {
      const [cx, cy] = centres[Math.floor(rand() * centres.length)];
      const r = 1.5 * Math.sqrt(-2 * Math.log(1 - rand()));
      const a = 2 * Math.PI * rand();
      x[i] = cx + r * Math.cos(a);
      y[i] = cy + r * Math.sin(a);
    }
    weight[i] = 1 + Math.floor(rand() * 100);
  }
  const points = { count: n, x, y };
  return { coverage: coverageByPlanarRadius(points, points, radiusKm), weight };
}

/** County instance: 5,000 villages around 350 township seats (normal, sigma 2 km) in a 1 x 0.9 degree box. */
export function countyInstance(seed: number): CoverageProblem {
  const rand = createRandom(seed);
  const n = 5000;
  const seats = Array.from({ length: 350 }, () => [119 + rand(), 29 + 0.9 * rand()]);
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const [sLon, sLat] = seats[Math.floor(rand() * seats.length)];
    const r = 2 * Math.sqrt(-2 * Math.log(1 - rand()));
    const a = 2 * Math.PI * rand();
    lat[i] = sLat + (r * Math.sin(a)) / 111.2;
    lon[i] = sLon + (r * Math.cos(a)) / (111.2 * Math.cos(sLat * RAD));
  }
  const villages = { count: n, lon, lat };
  return { coverage: coverageByRadius(villages, villages, 3), weight: new Float64Array(n).fill(1) };
}

/** All rows of the section. */
export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const embedded = await embeddedVillages();
  if (embedded) await nationalRows('national embedded', embedded, rows, true, true);
  await nationalRows('national synthetic', clusteredVillages(456_459, 30_431, 3), rows, !embedded);
  let start = performance.now();
  const county = countyInstance(SEED);
  const buildSec = seconds(start);
  rows.push({
    instance: 'county 5000 villages 3 km',
    model: 'coverage build (strip index)',
    objective: county.coverage.siteDemands.length,
    seconds: buildSec,
  });
  await pairRows('county 5000 villages 3 km p=200', county, 200, 2, 400, rows, 215);
  for (const p of [50, 100]) {
    start = performance.now();
    const city = cityInstance(SEED, 8000, 1.5);
    rows.push({
      instance: `city 8000 points 1.5 km`,
      model: 'coverage build (strip index)',
      objective: city.coverage.siteDemands.length,
      seconds: seconds(start),
    });
    await pairRows(`city 8000 points 1.5 km p=${p}`, city, p, 2, 400, rows);
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  run().then((rows) => {
    process.stdout.write(`${formatTable(rows)}\n\nSummary\n${formatSummary(summarize(rows))}\n`);
  });
}
