/**
 * The page's handle on the road worker (workers/roads.worker.ts): loads a road file with byte progress and
 * Cancel, and answers Suggest's travel table (`RoadTables`) as a dense matrix, as `npm run plan -- --roads` builds
 * it (src/cli/plan-roads.ts): rows = villages, columns = sites, seconds from village to site, Infinity beyond the
 * reach. Starts a fresh worker after a crash (the network is then gone: `load` again).
 */
import * as Comlink from 'comlink';
import type { RoadLines } from '../../core/road/lines';
import type { DistanceMatrix } from '../../core/types';
import type { RoadLoadProgress, RoadNetworkSummary, RoadReach, RoadsApi, RoadTable } from '../../../workers/roads-api';
import { WorkerHandle, type WorkerFactory } from '../worker-handle';
import type { RoadPoints, RoadTables } from './tables';

const defaultFactory: WorkerFactory = () =>
  new Worker(new URL('../../../workers/roads.worker.ts', import.meta.url), { type: 'module', name: 'roads' });

/**
 * Most cells of the dense matrix Suggest's engine takes (villages x sites, 8 bytes each: 200 MB). A larger table
 * is refused with a message rather than exhausting the page's memory.
 */
export const MAX_DENSE_CELLS = 25_000_000;

/** The road worker's sparse site-major table as the dense villages x sites matrix of the planning engine. */
export function denseMatrix(table: RoadTable): DistanceMatrix {
  const rows = table.villageCount;
  const cols = table.siteCount;
  if (rows * cols > MAX_DENSE_CELLS) {
    throw new Error(
      `the road table of ${rows} villages × ${cols} sites is too large for the planner in the browser ` +
        `(at most ${MAX_DENSE_CELLS} pairs); use npm run plan -- --roads`,
    );
  }
  const values = new Float64Array(rows * cols).fill(Infinity);
  for (let j = 0; j < cols; j++) {
    for (let k = table.offsets[j]; k < table.offsets[j + 1]; k++)
      values[table.villages[k] * cols + j] = table.seconds[k];
  }
  return { rows, cols, values };
}

/** True when two point sets hold the same coordinates in the same order. */
function samePoints(a: RoadPoints, b: RoadPoints): boolean {
  if (a.lon.length !== b.lon.length) return false;
  for (let k = 0; k < a.lon.length; k++) if (a.lon[k] !== b.lon[k] || a.lat[k] !== b.lat[k]) return false;
  return true;
}

/** One road worker; one network in it at a time. */
export class RoadsClient implements RoadTables {
  private readonly handle: WorkerHandle<RoadsApi>;
  /** The villages snapped in the worker (copies), so a table of the same villages does not snap them again. */
  private villages: RoadPoints | null = null;

  constructor(createWorker: WorkerFactory = defaultFactory) {
    this.handle = new WorkerHandle<RoadsApi>('roads', createWorker);
  }

  /**
   * Reads and builds a road file in the worker.
   * @returns the network summary; rejects with the reader's located message, or `road load cancelled`
   */
  load(file: Blob, name: string, onProgress?: (progress: RoadLoadProgress) => void): Promise<RoadNetworkSummary> {
    const remote = this.handle.connect();
    this.villages = null;
    const stopFlag = this.handle.freshStopFlag();
    const progress = onProgress === undefined ? undefined : Comlink.proxy(onProgress);
    return this.handle.guard(remote.load(file, name, undefined, progress, stopFlag));
  }

  /** Stops a running load or table at its next slice or batch. */
  cancel(): void {
    this.handle.raiseStopFlag();
    void this.handle.current()?.cancel();
  }

  /** Forgets the network (the worker is stopped; the next load starts a fresh one). */
  clear(): void {
    this.villages = null;
    this.handle.crash(new Error('the road network was closed'));
  }

  /** Travel times from the villages `from` to the sites `to` within `maxSeconds`, dense (see {@link denseMatrix}). */
  async table(from: RoadPoints, to: RoadPoints, maxSeconds: number): Promise<DistanceMatrix> {
    const remote = this.handle.connect();
    if (this.villages === null || !samePoints(this.villages, from)) {
      await this.handle.guard(remote.setVillages(from.lon, from.lat));
      this.villages = { lon: from.lon.slice(), lat: from.lat.slice() };
    }
    const stopFlag = this.handle.freshStopFlag();
    const table = await this.handle.guard(
      remote.table(to.lon, to.lat, maxSeconds / 60, 'to-site', undefined, stopFlag),
    );
    return denseMatrix(table);
  }

  /** The network's segments for the map (transferred from the worker). */
  lines(): Promise<RoadLines> {
    return this.handle.guard(this.handle.connect().lines());
  }

  /**
   * Every graph node from which a point is reached within `maxMinutes` (driving to it, as villages drive to a
   * site in the plan's reach): the isochrone's input.
   */
  reachFrom(lon: number, lat: number, maxMinutes: number): Promise<RoadReach> {
    return this.handle.guard(this.handle.connect().reachFrom(lon, lat, maxMinutes, 'to-site'));
  }
}
