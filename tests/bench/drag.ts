/**
 * Benchmark section `drag`: latency from a dragged station's new position to updated coverage figures, measured
 * on the core evaluator the coverage worker runs (`src/core/live`), in Node, on the embedded villages:
 * - Zhejiang (19,429 rural villages, 3 km) with the 1,000 stations of the default suggestion's size, through
 *   `LiveSession.moveSite`, i.e. the incremental update plus the figures the worker sends back (per-county sums
 *   and the covered state of every village);
 * - the whole country (456,459 rural villages) with 100,000 stations, through `LiveCoverage.moveSite` alone.
 * Each drag is a seeded random walk of 400 steps of about 150 m (a pointer moving a few pixels at province zoom).
 * The baseline is a full recount of the same sites, timed in the same run. Figures only: nothing passes or fails.
 *
 * Run alone: `npx tsx tests/bench/drag.ts`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_DATA_DIR, readManifest, readProvinceVillages } from '../../src/data/node-files';
import type { CountyFeature } from '../../src/core/live/counties';
import { LiveCoverage } from '../../src/core/live/live-coverage';
import { LiveSession } from '../../src/core/live/session';
import { siteTable } from '../../src/core/live/sites';
import { createRandom } from '../../src/core/random';
import { formatTable, type BenchRow } from './table';

/** Steps of each drag and the step length in degrees of latitude (~150 m). */
export const STEPS = 400;
const STEP_DEG = 150 / 111_200;
const RADIUS_KM = 3;

/** Milliseconds of each call, and their median, 99th percentile and maximum. */
function timeEach(count: number, call: (k: number) => void) {
  const times = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const start = performance.now();
    call(k);
    times[k] = performance.now() - start;
  }
  const sorted = Array.from(times).sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { total: sorted.reduce((a, b) => a + b, 0), median: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] };
}

/** A random walk of `steps` positions from (lon, lat). */
function walk(lon: number, lat: number, steps: number, seed: number): [number, number][] {
  const random = createRandom(seed);
  const path: [number, number][] = [];
  for (let k = 0; k < steps; k++) {
    const angle = random() * 2 * Math.PI;
    lon += (STEP_DEG * Math.cos(angle)) / Math.cos((lat * Math.PI) / 180);
    lat += STEP_DEG * Math.sin(angle);
    path.push([lon, lat]);
  }
  return path;
}

/** `count` stations at random villages (every k-th of a seeded shuffle), as lon/lat arrays. */
function stationsAt(lon: Float64Array, lat: Float64Array, count: number, seed: number) {
  const random = createRandom(seed);
  const picks = Float64Array.from({ length: count }, () => Math.floor(random() * lon.length));
  return { lon: Float64Array.from(picks, (i) => lon[i]), lat: Float64Array.from(picks, (i) => lat[i]) };
}

function note(t: ReturnType<typeof timeEach>, fullMs: number): string {
  const f = (ms: number) => ms.toFixed(3);
  return (
    `per move: median ${f(t.median)} ms, p99 ${f(t.p99)} ms, max ${f(t.max)} ms; ` +
    `full recount ${fullMs.toFixed(1)} ms (${(fullMs / t.median).toFixed(0)}x the median move)`
  );
}

/** Zhejiang through the worker's session: incremental update plus the figures sent back. */
function zhejiang(): BenchRow {
  const table = readProvinceVillages('33');
  const geojson = JSON.parse(readFileSync(join(DEFAULT_DATA_DIR, 'counties-simplified.geojson'), 'utf8'));
  const session = new LiveSession();
  const summary = session.load(table, geojson.features as CountyFeature[], 'rural');
  const rural = Uint32Array.from({ length: table.count }, (_, i) => i).filter((i) => table.rural[i]);
  const lon = Float64Array.from(rural, (i) => table.positions[2 * i]);
  const lat = Float64Array.from(rural, (i) => table.positions[2 * i + 1]);
  const at = stationsAt(lon, lat, 1000, 7);
  const sites = siteTable(at.lon, at.lat, new Uint8Array(1000), new Uint8Array(1000));
  const reach = { radiusKm: RADIUS_KM, centerRadiusKm: 60 };
  session.evaluate(sites, reach); // builds the spatial index once, as the worker does on load
  const fullStart = performance.now();
  session.evaluate(sites, reach);
  const fullMs = performance.now() - fullStart;
  const path = walk(sites.lon[0], sites.lat[0], STEPS, 11);
  let covered = 0;
  const t = timeEach(STEPS, (k) => (covered = session.moveSite(0, path[k][0], path[k][1]).coveredWeight));
  return {
    instance: `zhejiang ${summary.demandCount} villages, 1000 stations`,
    model: 'drag: session.moveSite + figures',
    objective: covered,
    seconds: t.total / 1000,
    note: note(t, fullMs),
  };
}

/** The country through the evaluator alone, with 100,000 stations. */
function national(): BenchRow {
  const codes = readManifest().provinces.map((p) => p.code);
  const lon: number[] = [];
  const lat: number[] = [];
  const group: number[] = [];
  codes.forEach((code, g) => {
    const table = readProvinceVillages(code);
    for (let i = 0; i < table.count; i++) {
      if (!table.rural[i]) continue;
      lon.push(table.positions[2 * i]);
      lat.push(table.positions[2 * i + 1]);
      group.push(g);
    }
  });
  const demand = {
    lon: Float64Array.from(lon),
    lat: Float64Array.from(lat),
    weight: new Float64Array(lon.length).fill(1),
    group: Uint16Array.from(group),
    groupCount: codes.length,
  };
  const live = new LiveCoverage(demand, RADIUS_KM);
  const stations = 100_000;
  const at = stationsAt(demand.lon, demand.lat, stations, 5);
  const fullStart = performance.now();
  live.setSites(at.lon, at.lat, new Uint8Array(stations).fill(1));
  const fullMs = performance.now() - fullStart;
  const path = walk(at.lon[0], at.lat[0], STEPS, 13);
  const t = timeEach(STEPS, (k) => live.moveSite(0, path[k][0], path[k][1]));
  return {
    instance: `national ${lon.length} villages, ${stations} stations`,
    model: 'drag: LiveCoverage.moveSite',
    objective: live.coveredWeight,
    seconds: t.total / 1000,
    note: note(t, fullMs),
  };
}

/** Both drags; the objective column is the covered weight after the last step. */
export async function run(): Promise<BenchRow[]> {
  return [zhejiang(), national()];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  run().then((rows) => process.stdout.write(`${formatTable(rows)}\n`));
}
