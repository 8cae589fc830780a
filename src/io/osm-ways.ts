/**
 * What the OSM readers share: pass 1 keeps the drivable ways (node ids, speed, direction, under a car profile);
 * pass 2 keeps the coordinates of the referenced nodes only. Memory is bounded by the drivable network (8 bytes
 * per way node ref, 16 per kept node), not by the file.
 */
import { wayRule, type CarProfile, type TagLookup } from '../core/road/profile';
import type { RoadWays } from '../core/road/types';

/** A growing typed array (amortised O(1) push). */
class Grow<T extends Float64Array | Uint32Array | Float32Array | Int8Array> {
  data: T;
  length = 0;
  private readonly make: (n: number) => T;

  constructor(make: (n: number) => T) {
    this.make = make;
    this.data = make(1024);
  }

  push(value: number): void {
    if (this.length === this.data.length) this.reserve(this.length + 1);
    this.data[this.length++] = value;
  }

  reserve(capacity: number): void {
    if (capacity <= this.data.length) return;
    const next = this.make(Math.max(capacity, this.data.length * 2));
    next.set(this.data.subarray(0, this.length) as never);
    this.data = next;
  }

  trimmed(): T {
    return this.data.slice(0, this.length) as T;
  }
}

/** Counts of a read, for the summary line. */
export interface OsmReadStats {
  /** Ways seen in the file. */
  ways: number;
  /** Ways kept (drivable under the profile). */
  drivableWays: number;
  /** Distinct nodes referenced by the drivable ways. */
  nodes: number;
  /** Referenced nodes missing from the file. */
  missingNodes: number;
}

/** Pass 1: collects the drivable ways. */
export class WayCollector {
  private readonly profile: CarProfile;
  private readonly refs = new Grow((n) => new Float64Array(n));
  private readonly offsets = new Grow((n) => new Uint32Array(n));
  private readonly speeds = new Grow((n) => new Float32Array(n));
  private readonly oneway = new Grow((n) => new Int8Array(n));
  waysSeen = 0;

  constructor(profile: CarProfile) {
    this.profile = profile;
    this.offsets.push(0);
  }

  /**
   * Offers one way. Ways with fewer than two nodes are ignored.
   * @param ids node ids of the way, `ids[start .. end)`
   * @returns whether the way was kept
   */
  addWay(tags: TagLookup, ids: ArrayLike<number>, start = 0, end = ids.length): boolean {
    this.waysSeen++;
    if (end - start < 2) return false;
    const rule = wayRule(this.profile, tags);
    if (rule === undefined) return false;
    this.refs.reserve(this.refs.length + end - start);
    for (let k = start; k < end; k++) this.refs.data[this.refs.length++] = ids[k];
    this.offsets.push(this.refs.length);
    this.speeds.push(rule.speedKmh);
    this.oneway.push(rule.oneway);
    return true;
  }

  /** True when a tag lookup would be wasted: the way has no `highway` the profile drives. */
  drives(highway: string | undefined): boolean {
    return highway !== undefined && Object.prototype.hasOwnProperty.call(this.profile.speedsKmh, highway);
  }

  /** Ends pass 1: the sorted distinct node ids to look for in pass 2. */
  finish(): NodeTable {
    const refs = this.refs.trimmed();
    const sorted = refs.slice().sort();
    let unique = 0;
    for (let k = 0; k < sorted.length; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) sorted[unique++] = sorted[k];
    const ids = sorted.slice(0, unique);
    const wayNodes = new Uint32Array(refs.length);
    for (let k = 0; k < refs.length; k++) wayNodes[k] = lowerBound(ids, refs[k]);
    return new NodeTable(ids, wayNodes, this.offsets.trimmed(), this.speeds.trimmed(), this.oneway.trimmed(), {
      ways: this.waysSeen,
      drivableWays: this.speeds.length,
    });
  }
}

function lowerBound(ids: Float64Array, id: number): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid] < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Pass 2: the coordinates of the wanted nodes, found by a merge walk when nodes come sorted by id. */
export class NodeTable {
  readonly ids: Float64Array;
  readonly lon: Float64Array;
  readonly lat: Float64Array;
  private readonly wayNodes: Uint32Array;
  private readonly wayOffsets: Uint32Array;
  private readonly speeds: Float32Array;
  private readonly oneway: Int8Array;
  private readonly counts: { ways: number; drivableWays: number };
  private cursor = 0;
  private lastId = -Infinity;

  constructor(
    ids: Float64Array,
    wayNodes: Uint32Array,
    wayOffsets: Uint32Array,
    speeds: Float32Array,
    oneway: Int8Array,
    counts: { ways: number; drivableWays: number },
  ) {
    this.ids = ids;
    this.lon = new Float64Array(ids.length).fill(NaN);
    this.lat = new Float64Array(ids.length).fill(NaN);
    this.wayNodes = wayNodes;
    this.wayOffsets = wayOffsets;
    this.speeds = speeds;
    this.oneway = oneway;
    this.counts = counts;
  }

  /** Number of node ids wanted. */
  get size(): number {
    return this.ids.length;
  }

  /** Offers a node of the file; kept when a drivable way refers to it. */
  addNode(id: number, lon: number, lat: number): void {
    const { ids } = this;
    if (id < this.lastId) this.cursor = lowerBound(ids, id);
    this.lastId = id;
    let c = this.cursor;
    while (c < ids.length && ids[c] < id) c++;
    this.cursor = c;
    if (c < ids.length && ids[c] === id) {
      this.lon[c] = lon;
      this.lat[c] = lat;
    }
  }

  /** Ends pass 2. */
  finish(): { ways: RoadWays; stats: OsmReadStats } {
    let missing = 0;
    for (let k = 0; k < this.lon.length; k++) if (Number.isNaN(this.lon[k])) missing++;
    return {
      ways: {
        nodeLon: this.lon,
        nodeLat: this.lat,
        wayOffsets: this.wayOffsets,
        wayNodes: this.wayNodes,
        waySpeedKmh: this.speeds,
        wayOneway: this.oneway,
        missingNodes: missing,
      },
      stats: { ...this.counts, nodes: this.ids.length, missingNodes: missing },
    };
  }
}
