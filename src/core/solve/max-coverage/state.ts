/**
 * The incremental bookkeeping of a max-coverage search (in the spirit of R.A. Whitaker, "A fast algorithm for the
 * greedy interchange for large-scale clustering and median location problems", INFOR 21 (1983) 95-108, and
 * M.G.C. Resende & R.F. Werneck, "On the implementation of a swap-based local search procedure for the p-median
 * problem", ALENEX 2003): opening or closing a site updates only the demand points it covers and the sites that
 * cover those, never the whole coverage.
 *
 * Invariants, for the current set of open sites:
 * - `count[i]` = number of open sites covering demand i;
 * - `owner[i]` = XOR of the indices of those sites, which is the sole covering site when `count[i] == 1`;
 * - `gain[j]` = weight of j's demands with count 0 (what opening j would add), for every site;
 * - `loss[j]` = weight of j's demands with count 1 (what closing j would lose), for open sites;
 * - `covered` = weight of demands with count >= 1.
 * The value of swapping in a closed site a for an open site r follows without recomputing coverage:
 *   delta(a, r) = gain[a] - loss[r] + extra(a, r),  extra(a, r) = weight of demands of a covered only by r,
 * and since extra(a, r) <= loss[r], gain[a] - min loss <= best delta of a <= gain[a].
 */
import { SITE_STATUS, type CoverageSets } from '../../types';
import { LazyHeap } from './heap';

/** A max-coverage instance: coverage sets, demand weights and candidate statuses. */
export interface CoverageProblem {
  coverage: CoverageSets;
  /** Weight of each demand point (>= 0), length `coverage.demandCount`. */
  weight: Float64Array;
  /** SITE_STATUS code of each candidate, length `coverage.siteCount`; default: all `proposed`. */
  status?: Uint8Array;
}

/** Throws a precise error when the arrays of a problem do not fit together. */
export function checkProblem(problem: CoverageProblem): void {
  const { coverage, weight, status } = problem;
  if (weight.length !== coverage.demandCount) {
    throw new Error(`Expected ${coverage.demandCount} demand weights, got ${weight.length}.`);
  }
  if (status && status.length !== coverage.siteCount) {
    throw new Error(`Expected ${coverage.siteCount} site statuses, got ${status.length}.`);
  }
  for (let i = 0; i < weight.length; i++) {
    if (!(weight[i] >= 0) || !Number.isFinite(weight[i]))
      throw new Error(`Demand ${i} has weight ${weight[i]}: expected a finite number >= 0.`);
  }
  if (status)
    for (let j = 0; j < status.length; j++)
      if (status[j] > 3) throw new Error(`Site ${j} has unknown status ${status[j]}.`);
}

/** Status array of a problem (all proposed when absent). */
export function statusOf(problem: CoverageProblem): Uint8Array {
  return problem.status ?? new Uint8Array(problem.coverage.siteCount);
}

/** True when a status code is `existing` or `locked` (always open). */
export function isFixed(code: number): boolean {
  return code === SITE_STATUS.existing || code === SITE_STATUS.locked;
}

/** Open/close bookkeeping of one search; see the module comment for the invariants. */
export class CoverageState {
  readonly siteCount: number;
  readonly demandCount: number;
  readonly siteOffsets: Uint32Array;
  readonly siteDemands: Uint32Array;
  readonly demandOffsets: Uint32Array;
  readonly demandSites: Uint32Array;
  readonly weight: Float64Array;
  readonly status: Uint8Array;
  readonly isOpen: Uint8Array;
  readonly count: Uint32Array;
  readonly owner: Uint32Array;
  readonly gain: Float64Array;
  readonly loss: Float64Array;
  /** 1 for frozen sites: a closed one may not open, an open one may not close (set by the perturbation). */
  readonly tabu: Uint8Array;
  /** Closed, proposed, non-tabu sites by gain (largest first). */
  readonly gainHeap: LazyHeap;
  /** Open proposed sites by loss (smallest first). */
  readonly lossHeap: LazyHeap;
  covered = 0;
  /** Number of open `proposed` sites (the sites the budget p counts). */
  openNew = 0;
  /** Sum of all demand weights. */
  readonly totalWeight: number;
  /**
   * Search events since the last `drainEvents` (may repeat), recorded only while `trackEvents` is set: demands
   * whose count fell to 0 or 1 (their sites may now gain or have a new sole owner), and open proposed sites whose
   * loss fell or that just opened (sites sharing their solely-covered demands may now swap with them).
   */
  trackEvents = false;
  private droppedDemands: number[] = [];
  private ownerSites: number[] = [];
  /** The open proposed sites, in no particular order (for uniform random picks), and each one's position. */
  readonly openList: Uint32Array;
  private readonly openPos: Int32Array;
  /** When set, every open/close is appended (site + 1 for open, -(site + 1) for close), for undo. */
  journal: number[] | undefined;

  constructor(problem: CoverageProblem) {
    checkProblem(problem);
    const cov = problem.coverage;
    this.siteCount = cov.siteCount;
    this.demandCount = cov.demandCount;
    this.siteOffsets = cov.siteOffsets;
    this.siteDemands = cov.siteDemands;
    this.demandOffsets = cov.demandOffsets;
    this.demandSites = cov.demandSites;
    this.weight = problem.weight;
    this.status = statusOf(problem);
    this.isOpen = new Uint8Array(this.siteCount);
    this.count = new Uint32Array(this.demandCount);
    this.owner = new Uint32Array(this.demandCount);
    this.gain = new Float64Array(this.siteCount);
    this.loss = new Float64Array(this.siteCount);
    this.tabu = new Uint8Array(this.siteCount);
    this.openList = new Uint32Array(this.siteCount);
    this.openPos = new Int32Array(this.siteCount).fill(-1);
    let total = 0;
    for (let i = 0; i < this.demandCount; i++) total += this.weight[i];
    this.totalWeight = total;
    for (let j = 0; j < this.siteCount; j++) {
      let g = 0;
      for (let k = this.siteOffsets[j]; k < this.siteOffsets[j + 1]; k++) g += this.weight[this.siteDemands[k]];
      this.gain[j] = g;
    }
    const proposed = SITE_STATUS.proposed;
    this.gainHeap = new LazyHeap(
      this.siteCount,
      (j) => this.gain[j],
      (j) => this.isOpen[j] === 0 && this.status[j] === proposed && this.tabu[j] === 0,
    );
    this.lossHeap = new LazyHeap(
      this.siteCount,
      (j) => -this.loss[j],
      (j) => this.isOpen[j] === 1 && this.status[j] === proposed && this.tabu[j] === 0,
    );
    for (let j = 0; j < this.siteCount; j++) if (isFixed(this.status[j])) this.open(j);
    this.gainHeap.rebuild();
  }

  /** Opens site j (which must be closed), updating counts, owners, gains, losses and heaps. */
  open(j: number): void {
    const { count, owner, weight, gain, loss, demandOffsets, demandSites } = this;
    this.isOpen[j] = 1;
    if (this.status[j] === SITE_STATUS.proposed) {
      this.openPos[j] = this.openNew;
      this.openList[this.openNew++] = j;
    }
    this.journal?.push(j + 1);
    let own = 0;
    for (let k = this.siteOffsets[j], end = this.siteOffsets[j + 1]; k < end; k++) {
      const i = this.siteDemands[k];
      const w = weight[i];
      const c = count[i]++;
      if (c === 0) {
        // Newly covered: no site gains it any more; j alone covers it.
        for (let q = demandOffsets[i], qe = demandOffsets[i + 1]; q < qe; q++) gain[demandSites[q]] -= w;
        own += w;
        this.covered += w;
      } else if (c === 1) {
        // The previous sole coverer no longer loses it when closed.
        const o = owner[i];
        loss[o] -= w;
        if (this.status[o] === SITE_STATUS.proposed) {
          this.lossHeap.push(o);
          if (this.trackEvents) this.ownerSites.push(o);
        }
      }
      owner[i] ^= j;
    }
    loss[j] = own;
    if (this.status[j] === SITE_STATUS.proposed) {
      this.lossHeap.push(j);
      if (this.trackEvents) this.ownerSites.push(j);
    }
  }

  /** Closes site j (which must be open), updating counts, owners, gains, losses and heaps. */
  close(j: number): void {
    const { count, owner, weight, gain, loss, demandOffsets, demandSites } = this;
    this.isOpen[j] = 0;
    if (this.status[j] === SITE_STATUS.proposed) {
      // Swap-remove from the open list.
      const last = this.openList[--this.openNew];
      const pos = this.openPos[j];
      this.openList[pos] = last;
      this.openPos[last] = pos;
      this.openPos[j] = -1;
    }
    this.journal?.push(-(j + 1));
    for (let k = this.siteOffsets[j], end = this.siteOffsets[j + 1]; k < end; k++) {
      const i = this.siteDemands[k];
      const w = weight[i];
      owner[i] ^= j;
      const c = --count[i];
      if (c === 0) {
        // Uncovered again: every covering site gains it back.
        for (let q = demandOffsets[i], qe = demandOffsets[i + 1]; q < qe; q++) {
          const s = demandSites[q];
          gain[s] += w;
          if (s !== j) this.gainHeap.push(s);
        }
        this.covered -= w;
        if (this.trackEvents) this.droppedDemands.push(i);
      } else if (c === 1) {
        // The remaining coverer becomes the sole one (its loss rises: the loss heap repairs that lazily).
        loss[owner[i]] += w;
        if (this.trackEvents) this.droppedDemands.push(i);
      }
    }
    loss[j] = 0;
    this.gainHeap.push(j);
  }

  /** Returns and forgets the events recorded since the last call (see `trackEvents`). */
  drainEvents(): { droppedDemands: number[]; ownerSites: number[] } {
    const events = { droppedDemands: this.droppedDemands, ownerSites: this.ownerSites };
    this.droppedDemands = [];
    this.ownerSites = [];
    return events;
  }

  /** Covered weight recomputed from the counts (free of the rounding drift of incremental sums). */
  exactCovered(): number {
    let sum = 0;
    for (let i = 0; i < this.demandCount; i++) if (this.count[i] > 0) sum += this.weight[i];
    return sum;
  }

  /** Indices of the open sites, ascending. */
  selected(): Uint32Array {
    let n = 0;
    for (let j = 0; j < this.siteCount; j++) n += this.isOpen[j];
    const out = new Uint32Array(n);
    for (let j = 0, k = 0; j < this.siteCount; j++) if (this.isOpen[j]) out[k++] = j;
    return out;
  }

  /** Indices of the open proposed sites, ascending. */
  openProposed(): Uint32Array {
    return this.openList.slice(0, this.openNew).sort();
  }
}
