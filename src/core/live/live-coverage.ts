/**
 * Coverage of a set of open stations that updates incrementally when one station moves, for metrics while a
 * planner drags. Invariant: `hits[i]` is the number of active stations within reach of demand point i, and
 * `coveredWeight`, `coveredCount` and `groupCovered` sum the weights (counts) of the points with hits >= 1.
 * Moving a station subtracts its old disc and adds its new one: O(points in the two discs), independent of the
 * number of stations and of villages (a 3 km disc holds a handful of villages), instead of a full recount.
 */
import { IndexBuffer } from '../coverage/csr';
import { buildDiscIndex, queryDisc, type DiscIndex } from './disc-query';

/** Demand points with a group (county) each. */
export interface GroupedDemand {
  lon: Float64Array;
  lat: Float64Array;
  /** Weight of each point (>= 0). */
  weight: Float64Array;
  /** Group index of each point, in [0, groupCount). */
  group: Uint16Array | Uint32Array;
  groupCount: number;
}

export class LiveCoverage {
  readonly demand: GroupedDemand;
  readonly radiusKm: number;
  /** Number of active stations reaching each point. */
  readonly hits: Uint32Array;
  /** Total weight and covered weight per group. */
  readonly groupTotal: Float64Array;
  readonly groupCovered: Float64Array;
  readonly totalWeight: number;
  coveredWeight = 0;
  /** Number of points with hits >= 1 (whatever their weight). */
  coveredCount = 0;
  private readonly index: DiscIndex;
  private readonly buffer = new IndexBuffer(4096);
  private siteLon = new Float64Array(0);
  private siteLat = new Float64Array(0);
  private active = new Uint8Array(0);

  /**
   * @param demand points, weights and groups
   * @param radiusKm station reach in km (a point is covered when its great-circle distance is <= radiusKm)
   */
  constructor(demand: GroupedDemand, radiusKm: number) {
    const n = demand.lon.length;
    if (demand.lat.length !== n || demand.weight.length !== n || demand.group.length !== n) {
      throw new Error(`Expected ${n} latitudes, weights and groups.`);
    }
    this.demand = demand;
    this.radiusKm = radiusKm;
    this.index = buildDiscIndex(demand.lon, demand.lat, radiusKm);
    this.hits = new Uint32Array(n);
    this.groupTotal = new Float64Array(demand.groupCount);
    this.groupCovered = new Float64Array(demand.groupCount);
    let total = 0;
    for (let i = 0; i < n; i++) {
      total += demand.weight[i];
      this.groupTotal[demand.group[i]] += demand.weight[i];
    }
    this.totalWeight = total;
  }

  /** Number of stations last set. */
  get siteCount(): number {
    return this.siteLon.length;
  }

  /**
   * Replaces every station and recounts from scratch: O(sum of disc sizes + n).
   * @param lon station longitudes (copied)
   * @param lat station latitudes (copied)
   * @param active 1 when the station covers (open and, in a two-tier plan, served by a center), else 0
   */
  setSites(lon: Float64Array, lat: Float64Array, active: Uint8Array): void {
    if (lat.length !== lon.length || active.length !== lon.length) {
      throw new Error(`Expected ${lon.length} station latitudes and flags.`);
    }
    this.siteLon = Float64Array.from(lon);
    this.siteLat = Float64Array.from(lat);
    this.active = Uint8Array.from(active);
    this.hits.fill(0);
    this.groupCovered.fill(0);
    this.coveredWeight = 0;
    this.coveredCount = 0;
    for (let k = 0; k < lon.length; k++) if (active[k]) this.addDisc(lon[k], lat[k]);
  }

  /**
   * Moves station k to (lon, lat) and updates the figures incrementally.
   * @throws Error when k is not a station index
   */
  moveSite(k: number, lon: number, lat: number): void {
    if (!(k >= 0 && k < this.siteLon.length))
      throw new Error(`Station ${k} does not exist (${this.siteCount} stations).`);
    if (this.active[k]) {
      this.removeDisc(this.siteLon[k], this.siteLat[k]);
      this.addDisc(lon, lat);
    }
    this.siteLon[k] = lon;
    this.siteLat[k] = lat;
  }

  /** Weight of the points that only station k covers (what closing it would lose); 0 when inactive. */
  marginalWeight(k: number): number {
    if (!this.active[k]) return 0;
    queryDisc(this.index, this.siteLon[k], this.siteLat[k], this.buffer);
    let sum = 0;
    for (let t = 0; t < this.buffer.length; t++) {
      const i = this.buffer.data[t];
      if (this.hits[i] === 1) sum += this.demand.weight[i];
    }
    return sum;
  }

  private addDisc(lon: number, lat: number): void {
    const { weight, group } = this.demand;
    queryDisc(this.index, lon, lat, this.buffer);
    for (let t = 0; t < this.buffer.length; t++) {
      const i = this.buffer.data[t];
      if (this.hits[i]++ === 0) {
        this.coveredWeight += weight[i];
        this.groupCovered[group[i]] += weight[i];
        this.coveredCount++;
      }
    }
  }

  private removeDisc(lon: number, lat: number): void {
    const { weight, group } = this.demand;
    queryDisc(this.index, lon, lat, this.buffer);
    for (let t = 0; t < this.buffer.length; t++) {
      const i = this.buffer.data[t];
      if (--this.hits[i] === 0) {
        this.coveredWeight -= weight[i];
        this.groupCovered[group[i]] -= weight[i];
        this.coveredCount--;
      }
    }
  }
}
