/**
 * The road worker's API object: the {@link RoadsApi} implementation that `roads.worker.ts` exposes with comlink.
 * Kept apart from the worker entry so that tests run it in Node (comlink over a MessageChannel). It holds one
 * road network, the snapped villages, and per direction a prepared search (reversed graph and search state are
 * built once), so that a dragged site or an isochrone costs one bounded Dijkstra run, not a graph rebuild.
 */
import * as Comlink from 'comlink';
import { RoadSearch } from '../src/core/road/dijkstra';
import { roadLines, type RoadLines } from '../src/core/road/lines';
import { buildRoadNetwork, reverseGraph, type IndexedRoadNetwork } from '../src/core/road/graph';
import { defaultCarProfile, type CarProfile } from '../src/core/road/profile';
import { snapPoints } from '../src/core/road/snap';
import { pointLegs, ReachCancelled, ReachContext, type ReachLists } from '../src/core/road/table';
import { NO_CHAIN, type ReachDirection, type SnappedPoints } from '../src/core/road/types';
import { uniqueBuffers } from '../src/core/transfer';
import { readRoads } from '../src/io/roads';
import { sha256Hex } from '../src/io/file-hash';
import { blobSource, type ByteSource } from '../src/io/roads-source';
import type {
  RoadLoadProgress,
  RoadNetworkSummary,
  RoadReach,
  RoadsApi,
  RoadSiteCoverage,
  RoadTable,
} from './roads-api';
import { PROGRESS_INTERVAL_MS, releaseProgress, sharedStop } from './toolkit';

/** Sites per batch of a table; the worker's event loop gets a turn between batches (so `cancel()` is seen). */
const TABLE_BATCH = 32;

/** Thrown when a load is stopped. */
export class RoadLoadCancelled extends Error {
  constructor() {
    super('road load cancelled');
    this.name = 'RoadLoadCancelled';
  }
}

/** A byte source that throws {@link RoadLoadCancelled} at its next read once `stopped()` is true. */
function stoppable(source: ByteSource, stopped: () => boolean): ByteSource {
  return {
    size: source.size,
    read: async (offset, length) => {
      if (stopped()) throw new RoadLoadCancelled();
      const bytes = await source.read(offset, length);
      if (stopped()) throw new RoadLoadCancelled();
      return bytes;
    },
  };
}

/** Points `[start, end)` of a snapped set (subarray views, no copy). */
function slicePoints(points: SnappedPoints, start: number, end: number): SnappedPoints {
  const view = <T extends Float64Array | Uint32Array | Int8Array>(a: T): T => a.subarray(start, end) as T;
  return {
    count: end - start,
    nodeA: view(points.nodeA),
    nodeB: view(points.nodeB),
    secondsToA: view(points.secondsToA),
    secondsToB: view(points.secondsToB),
    snapMetres: view(points.snapMetres),
    chain: view(points.chain),
    alongSeconds: view(points.alongSeconds),
    snapSeconds: view(points.snapSeconds),
    oneway: view(points.oneway),
    roadLon: view(points.roadLon),
    roadLat: view(points.roadLat),
  };
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Summary of a built network. */
export function networkSummary(
  network: IndexedRoadNetwork,
  read: Pick<RoadNetworkSummary, 'file' | 'bytes' | 'format' | 'ways' | 'drivableWays' | 'missingNodes' | 'sha256'>,
  readSeconds: number,
  buildSeconds: number,
): RoadNetworkSummary {
  const { graph, chains, components } = network;
  let metres = 0;
  for (let c = 0; c < chains.count; c++) metres += chains.metres[c];
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (let u = 0; u < graph.nodeCount; u++) {
    const x = graph.lon[u];
    const y = graph.lat[u];
    if (x < west) west = x;
    if (x > east) east = x;
    if (y < south) south = y;
    if (y > north) north = y;
  }
  const empty = graph.nodeCount === 0;
  return {
    ...read,
    nodes: graph.nodeCount,
    edges: graph.offsets[graph.nodeCount],
    km: metres / 1000,
    components: components.count,
    largestComponentShare: empty ? 0 : components.sizes[0] / graph.nodeCount,
    bbox: empty ? [NaN, NaN, NaN, NaN] : [west, south, east, north],
    readSeconds,
    buildSeconds,
  };
}

/** One road network at a time, its villages, and the searches on it. */
export class RoadsService implements RoadsApi {
  private network: IndexedRoadNetwork | undefined;
  private loaded: RoadNetworkSummary | undefined;
  private villages: SnappedPoints | undefined;
  private forward: RoadSearch | undefined;
  private backward: RoadSearch | undefined;
  private contexts = new Map<ReachDirection, ReachContext>();
  private running = false;
  private stopRequested = false;

  async load(
    file: Blob,
    name: string,
    profile: CarProfile = defaultCarProfile(),
    onProgress?: (progress: RoadLoadProgress) => void,
    stopFlag?: Int32Array,
  ): Promise<RoadNetworkSummary> {
    this.begin();
    const flag = sharedStop(stopFlag);
    const stopped = (): boolean => this.stopRequested || flag();
    let last = -Infinity;
    try {
      const started = performance.now();
      const read = await readRoads(stoppable(blobSource(file), stopped), {
        file: name,
        profile,
        onProgress: (progress) => {
          const now = performance.now();
          if (now - last < PROGRESS_INTERVAL_MS && progress.bytesRead < progress.bytesTotal) return;
          last = now;
          void onProgress?.({ phase: 'read', ...progress });
        },
      });
      const readSeconds = (performance.now() - started) / 1000;
      void onProgress?.({ phase: 'build' });
      await nextTurn(); // let the progress message leave before the build holds the thread
      if (stopped()) throw new RoadLoadCancelled();
      const built = performance.now();
      const network = buildRoadNetwork(read.ways, { accessSpeedKmh: profile.accessSpeedKmh });
      const buildSeconds = (performance.now() - built) / 1000;
      // The plan records the road file by hash: hashed here, slice by slice (never whole, never on the page).
      const sha256 = await sha256Hex(stoppable(blobSource(file), stopped));
      this.clear();
      this.network = network;
      this.loaded = networkSummary(
        network,
        {
          file: name,
          bytes: file.size,
          format: read.format,
          ways: read.stats.ways,
          drivableWays: read.stats.drivableWays,
          missingNodes: read.stats.missingNodes,
          sha256,
        },
        readSeconds,
        buildSeconds,
      );
      return this.loaded;
    } finally {
      this.end();
      releaseProgress(onProgress);
    }
  }

  summary(): RoadNetworkSummary | undefined {
    return this.loaded;
  }

  lines(): Promise<RoadLines> {
    if (this.network === undefined) {
      return Promise.resolve({ count: 0, positions: new Float32Array(0), kmh: new Uint8Array(0) });
    }
    const lines = roadLines(this.network);
    return Promise.resolve(Comlink.transfer(lines, [lines.positions.buffer, lines.kmh.buffer]));
  }

  async setVillages(lon: Float64Array, lat: Float64Array): Promise<number> {
    const network = this.need();
    this.villages = snapPoints(network, lon, lat);
    this.contexts.clear();
    let snapped = 0;
    for (let p = 0; p < this.villages.count; p++) if (this.villages.chain[p] !== NO_CHAIN) snapped++;
    return Promise.resolve(snapped);
  }

  async table(
    siteLon: Float64Array,
    siteLat: Float64Array,
    maxMinutes: number,
    direction: ReachDirection = 'to-site',
    onProgress?: (share: number) => void,
    stopFlag?: Int32Array,
  ): Promise<RoadTable> {
    const context = this.context(direction);
    this.begin();
    const flag = sharedStop(stopFlag);
    const shouldStop = (): boolean => this.stopRequested || flag();
    try {
      const sites = snapPoints(this.need(), siteLon, siteLat);
      const maxSeconds = limitSeconds(maxMinutes);
      const parts: ReachLists[] = [];
      let last = -Infinity;
      for (let start = 0; start < sites.count; start += TABLE_BATCH) {
        const end = Math.min(sites.count, start + TABLE_BATCH);
        parts.push(context.lists(slicePoints(sites, start, end), maxSeconds, { shouldStop }));
        const now = performance.now();
        if (now - last >= PROGRESS_INTERVAL_MS || end === sites.count) {
          last = now;
          // The last share is awaited: a proxied callback runs on its own port, so it could arrive after the table.
          if (end === sites.count) await Promise.resolve(onProgress?.(1));
          else void onProgress?.(end / sites.count);
        }
        await nextTurn();
        if (shouldStop()) throw new ReachCancelled();
      }
      const table = joinLists(parts, context.targets.count, sites.count, maxMinutes, direction);
      return Comlink.transfer(table, uniqueBuffers([table.offsets, table.villages, table.seconds]));
    } finally {
      this.end();
      releaseProgress(onProgress);
    }
  }

  async reachFrom(
    lon: number,
    lat: number,
    maxMinutes: number,
    direction: ReachDirection = 'from-site',
  ): Promise<RoadReach> {
    const network = this.need();
    const point = snapPoints(network, [lon], [lat]);
    const search = this.search(direction);
    const empty = { nodes: new Uint32Array(0), seconds: new Float64Array(0), lon: new Float64Array(0) };
    if (point.chain[0] === NO_CHAIN) {
      return { roadLon: NaN, roadLat: NaN, snapMetres: Infinity, ...empty, lat: new Float64Array(0) };
    }
    const [viaA, viaB] = pointLegs(point, 0, direction === 'from-site');
    const count = search.run([point.nodeA[0], point.nodeB[0]], [viaA, viaB], limitSeconds(maxMinutes));
    const nodes = search.settled.slice(0, count);
    const seconds = new Float64Array(count);
    const nodeLon = new Float64Array(count);
    const nodeLat = new Float64Array(count);
    for (let k = 0; k < count; k++) {
      const u = nodes[k];
      seconds[k] = search.dist[u];
      nodeLon[k] = network.graph.lon[u];
      nodeLat[k] = network.graph.lat[u];
    }
    const reach: RoadReach = {
      roadLon: point.roadLon[0],
      roadLat: point.roadLat[0],
      snapMetres: point.snapMetres[0],
      nodes,
      seconds,
      lon: nodeLon,
      lat: nodeLat,
    };
    return Promise.resolve(Comlink.transfer(reach, uniqueBuffers([nodes, seconds, nodeLon, nodeLat])));
  }

  async siteCoverage(
    lon: number,
    lat: number,
    maxMinutes: number,
    direction: ReachDirection = 'to-site',
  ): Promise<RoadSiteCoverage> {
    const context = this.context(direction);
    const site = snapPoints(this.need(), [lon], [lat]);
    const lists = context.lists(site, limitSeconds(maxMinutes));
    const coverage = { villages: lists.targets, seconds: lists.seconds };
    return Promise.resolve(Comlink.transfer(coverage, uniqueBuffers([coverage.villages, coverage.seconds])));
  }

  cancel(): void {
    if (this.running) this.stopRequested = true;
  }

  busy(): boolean {
    return this.running;
  }

  private begin(): void {
    if (this.running) throw new Error('the road worker is busy (a load or table runs); cancel it or wait');
    this.running = true;
    this.stopRequested = false;
  }

  private end(): void {
    this.running = false;
  }

  private clear(): void {
    this.network = undefined;
    this.loaded = undefined;
    this.villages = undefined;
    this.forward = undefined;
    this.backward = undefined;
    this.contexts.clear();
  }

  private need(): IndexedRoadNetwork {
    if (this.network === undefined) throw new Error('no road network loaded: load a road file first');
    return this.network;
  }

  /** The search of a direction: `from-site` drives out (forward graph), `to-site` drives in (reversed graph). */
  private search(direction: ReachDirection): RoadSearch {
    const network = this.need();
    if (direction === 'from-site') return (this.forward ??= new RoadSearch(network.graph));
    return (this.backward ??= new RoadSearch(reverseGraph(network.graph)));
  }

  /** The prepared reach of sites (sources) to the villages (targets) in a direction. */
  private context(direction: ReachDirection): ReachContext {
    const network = this.need();
    if (this.villages === undefined) throw new Error('no villages: call setVillages first');
    let context = this.contexts.get(direction);
    if (context === undefined) {
      const towardSites = direction === 'to-site';
      context = new ReachContext(network, this.villages, towardSites, this.search(direction));
      this.contexts.set(direction, context);
    }
    return context;
  }
}

/** A limit in minutes as seconds; rejects a negative or non-numeric limit. */
function limitSeconds(maxMinutes: number): number {
  if (!(maxMinutes >= 0)) throw new Error(`reach limit must be a number of minutes >= 0, got ${maxMinutes}`);
  return maxMinutes * 60;
}

/** Concatenates the lists of consecutive site batches into one site-major table. */
function joinLists(
  parts: ReachLists[],
  villageCount: number,
  siteCount: number,
  maxMinutes: number,
  direction: ReachDirection,
): RoadTable {
  let size = 0;
  for (const part of parts) size += part.targets.length;
  const offsets = new Uint32Array(siteCount + 1);
  const villages = new Uint32Array(size);
  const seconds = new Float64Array(size);
  let site = 0;
  let at = 0;
  for (const part of parts) {
    for (let s = 0; s < part.sourceCount; s++) offsets[site + s + 1] = at + part.offsets[s + 1];
    villages.set(part.targets, at);
    seconds.set(part.seconds, at);
    site += part.sourceCount;
    at += part.targets.length;
  }
  return { villageCount, siteCount, maxMinutes, direction, offsets, villages, seconds };
}
