/**
 * The Node half of the `roads` bench, run as its own process (so that its peak memory is the road work's alone):
 * `npx tsx tests/bench/roads-measure.ts FILE.osm.pbf` prints one JSON object of figures on stdout.
 * Reads and builds the network like `npm run reach` (src/cli/reach-network.ts), then times bounded one-to-many
 * Dijkstra runs from seeded random sites at 30 minutes and the 20,000 villages x 2,000 sites road reach at 30
 * minutes (villagers drive to the site, as `npm run plan -- --roads` uses it).
 * Profile it with `node --cpu-prof --import tsx tests/bench/roads-measure.ts FILE`.
 */
import { loadRoads } from '../../src/cli/reach-network';
import { createRandom } from '../../src/core/random';
import { RoadSearch } from '../../src/core/road/dijkstra';
import { snapPoints } from '../../src/core/road/snap';
import { pointLegs, ReachContext } from '../../src/core/road/table';
import { NO_CHAIN } from '../../src/core/road/types';
import { ZHEJIANG_BBOX } from './roads-network';

/** Limit of the searches and the table, minutes. */
export const LIMIT_MINUTES = 30;
/** Villages and sites of the table; one-to-many runs timed. */
export const TABLE_VILLAGES = 20_000;
export const TABLE_SITES = 2_000;
export const ONE_TO_MANY_RUNS = 200;

/** What the measuring process prints. */
export interface RoadsMeasure {
  bytes: number;
  osmNodes: number;
  drivableWays: number;
  graphNodes: number;
  edges: number;
  components: number;
  largestShare: number;
  readSeconds: number;
  buildSeconds: number;
  /** MB (2^20 bytes) after the build: V8 heap used and array buffers (the typed arrays). */
  heapMB: number;
  arrayBuffersMB: number;
  maxRssMB: number;
  oneToManyMs: number;
  oneToManySettled: number;
  snapSeconds: number;
  tableSeconds: number;
  tablePairs: number;
  tableMB: number;
}

function points(seed: number, count: number): { lon: Float64Array; lat: Float64Array } {
  const random = createRandom(seed);
  const [w, s, e, n] = ZHEJIANG_BBOX;
  const lon = new Float64Array(count);
  const lat = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    lon[k] = w + random() * (e - w);
    lat[k] = s + random() * (n - s);
  }
  return { lon, lat };
}

/** Measures one file. */
export async function measure(file: string): Promise<RoadsMeasure> {
  const roads = await loadRoads(file);
  const { network } = roads;
  const memory = process.memoryUsage();
  const maxSeconds = LIMIT_MINUTES * 60;

  const one = points(7, ONE_TO_MANY_RUNS);
  const origins = snapPoints(network, one.lon, one.lat);
  const search = new RoadSearch(network.graph);
  let settled = 0;
  let runs = 0;
  const oneStarted = performance.now();
  for (let p = 0; p < origins.count; p++) {
    if (origins.chain[p] === NO_CHAIN) continue;
    const [viaA, viaB] = pointLegs(origins, p, true);
    settled += search.run([origins.nodeA[p], origins.nodeB[p]], [viaA, viaB], maxSeconds);
    runs++;
  }
  const oneToManyMs = (performance.now() - oneStarted) / Math.max(1, runs);

  const snapStarted = performance.now();
  const v = points(11, TABLE_VILLAGES);
  const s = points(12, TABLE_SITES);
  const villages = snapPoints(network, v.lon, v.lat);
  const sites = snapPoints(network, s.lon, s.lat);
  const snapSeconds = (performance.now() - snapStarted) / 1000;
  const tableStarted = performance.now();
  const lists = new ReachContext(network, villages, true).lists(sites, maxSeconds);
  const tableSeconds = (performance.now() - tableStarted) / 1000;
  const tableBytes = lists.offsets.byteLength + lists.targets.byteLength + lists.seconds.byteLength;

  const { graph, components } = network;
  return {
    bytes: roads.bytes,
    osmNodes: roads.read.stats.nodes,
    drivableWays: roads.read.stats.drivableWays,
    graphNodes: graph.nodeCount,
    edges: graph.offsets[graph.nodeCount],
    components: components.count,
    largestShare: components.sizes[0] / graph.nodeCount,
    readSeconds: roads.readSeconds,
    buildSeconds: roads.buildSeconds,
    heapMB: memory.heapUsed / 2 ** 20,
    arrayBuffersMB: memory.arrayBuffers / 2 ** 20,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    oneToManyMs,
    oneToManySettled: settled / Math.max(1, runs),
    snapSeconds,
    tableSeconds,
    tablePairs: lists.targets.length,
    tableMB: tableBytes / 2 ** 20,
  };
}

if (process.argv[1]?.endsWith('roads-measure.ts')) {
  const file = process.argv[2];
  if (file === undefined) throw new Error('usage: npx tsx tests/bench/roads-measure.ts FILE.osm.pbf');
  process.stdout.write(`${JSON.stringify(await measure(file))}\n`);
}
