/**
 * Swap (interchange) local search for max coverage (M.B. Teitz & P. Bart, "Heuristic methods for estimating the
 * generalized vertex median of a weighted graph", Operations Research 16 (1968) 955-961), evaluated from the
 * incremental gain/loss bookkeeping of `CoverageState` (Whitaker 1983; Resende & Werneck 2003), and wrapped in an
 * iterated local search (H.R. Lourenco, O. Martin & T. Stuetzle, "Iterated local search", Handbook of
 * Metaheuristics, 2003): perturb a neighbourhood, repair greedily, descend again, keep if not worse.
 *
 * Evaluating candidate a: scan a's demands covered exactly once, add their weight to `extra[owner]`; the best
 * site to close is the touched owner r maximising extra(a, r) - loss[r], or the open site of least loss.
 * A candidate is re-evaluated only when something it depends on changed (its demands' counts or owners, or the
 * loss of a site owning one of them): after a swap, the sites within two hops (site - demand - site) of the
 * opened, closed and loss-changed sites are queued. When the queue is empty the global move (largest gain in,
 * smallest loss out) is checked; when it does not improve either, the solution is swap-optimal.
 */
import { createRandom } from '../random';
import { SITE_STATUS } from '../types';
import type { CoverageState } from './max-coverage-state';

/** Budget and callbacks of the search. */
export interface SwapSearchOptions {
  /** Number of proposed sites to keep open. */
  p: number;
  /** Seed of the perturbation choices. */
  seed: number;
  /** Wall-clock deadline, `performance.now()` milliseconds. */
  deadlineMs: number;
  /** Stop after this many perturbation rounds in a row without improvement (0: plain local search). */
  maxStallRounds: number;
  /** Stop as soon as the covered weight reaches this value (a proven upper bound). */
  target: number;
  /** Improvements must exceed this (absorbs rounding of incremental sums). */
  tolerance: number;
  shouldStop?: () => boolean;
  /** Called about every 200 ms with the covered weight. */
  onImprove?: (covered: number, rounds: number) => void;
}

/** What the search did. */
export interface SwapSearchStats {
  swaps: number;
  rounds: number;
  /** Why it stopped. */
  stop: 'local-optimum' | 'stall' | 'target' | 'time' | 'stopped';
}

/** Largest number of sites a perturbation closes. */
const MAX_KICK = 4;

/** Swap local search plus iterated local search on a state whose proposed sites are already open (e.g. greedy). */
export class SwapSearch {
  private readonly queue: Uint32Array;
  private head = 0;
  private size = 0;
  private readonly inQueue: Uint8Array;
  private readonly extra: Float64Array;
  private readonly stamp: Uint32Array;
  private stampNow = 0;
  private readonly touched: number[] = [];
  private swaps = 0;
  private checks = 0;
  private halted: SwapSearchStats['stop'] | undefined;

  constructor(
    private readonly state: CoverageState,
    private readonly options: SwapSearchOptions,
  ) {
    const n = state.siteCount;
    this.queue = new Uint32Array(n);
    this.inQueue = new Uint8Array(n);
    this.extra = new Float64Array(n);
    this.stamp = new Uint32Array(n);
  }

  /** Runs the local search, then perturbation rounds until a stop rule fires. */
  run(): SwapSearchStats {
    const { state, options } = this;
    state.trackEvents = true;
    state.drainEvents();
    for (let j = 0; j < state.siteCount; j++) this.enqueue(j);
    this.descend();
    let rounds = 0;
    let stall = 0;
    const rand = createRandom(options.seed);
    let lastReport = performance.now();
    while (!this.halted && stall < options.maxStallRounds && state.openNew > 0) {
      const before = state.covered;
      state.journal = [];
      this.perturb(rand);
      this.descend();
      const journal = state.journal;
      state.journal = undefined;
      rounds++;
      if (state.covered > before + options.tolerance) stall = 0;
      else stall++;
      if (state.covered < before - options.tolerance) this.undo(journal);
      const now = performance.now();
      if (options.onImprove && now - lastReport > 200) {
        lastReport = now;
        options.onImprove(state.covered, rounds);
      }
    }
    state.trackEvents = false;
    const stop = this.halted ?? (options.maxStallRounds > 0 ? 'stall' : 'local-optimum');
    return { swaps: this.swaps, rounds, stop };
  }

  /** Checks the clock, the stop callback and the target; sets `halted`. */
  private shouldHalt(): boolean {
    if (this.halted) return true;
    const { options } = this;
    if (this.state.covered >= options.target - options.tolerance) this.halted = 'target';
    else if ((++this.checks & 63) === 0) {
      if (performance.now() > options.deadlineMs) this.halted = 'time';
      else if (options.shouldStop?.()) this.halted = 'stopped';
    }
    return this.halted !== undefined;
  }

  /** Descends to a swap-optimal solution (or until halted). */
  private descend(): void {
    const { state, options } = this;
    const tol = options.tolerance;
    for (;;) {
      if (this.shouldHalt()) return;
      // Fill the budget first: opening a site with positive gain never hurts.
      if (state.openNew < options.p) {
        const a = state.gainHeap.top();
        if (a >= 0 && state.gain[a] > tol) {
          state.open(a);
          this.afterMove();
          continue;
        }
      }
      let a = this.dequeue();
      const global = a < 0;
      if (global) {
        // Queue empty: only the global move (largest gain in, least loss out) can still improve.
        a = state.gainHeap.top();
        if (a < 0 || state.gain[a] <= tol) return;
      } else if (state.isOpen[a] || state.status[a] !== SITE_STATUS.proposed || state.gain[a] <= tol) continue;
      const r = this.bestRemoval(a);
      if (r >= 0) {
        state.open(a);
        state.close(r);
        this.swaps++;
        this.afterMove();
      } else if (global) return; // swap-optimal
    }
  }

  /**
   * The open proposed site whose swap with closed site a improves coverage the most, or -1 when no swap with a
   * improves by more than the tolerance.
   */
  private bestRemoval(a: number): number {
    const { state, extra, stamp, touched } = this;
    const { count, owner, weight, status, loss } = state;
    let bestR = state.lossHeap.top();
    if (bestR < 0) return -1;
    let bestValue = -loss[bestR];
    const now = ++this.stampNow;
    for (let k = state.siteOffsets[a], end = state.siteOffsets[a + 1]; k < end; k++) {
      const i = state.siteDemands[k];
      if (count[i] !== 1) continue;
      const o = owner[i];
      if (status[o] !== SITE_STATUS.proposed) continue;
      if (stamp[o] !== now) {
        stamp[o] = now;
        extra[o] = 0;
        touched.push(o);
      }
      extra[o] += weight[i];
    }
    for (let t = 0; t < touched.length; t++) {
      const o = touched[t];
      const value = extra[o] - loss[o];
      if (value > bestValue || (value === bestValue && o < bestR)) {
        bestValue = value;
        bestR = o;
      }
    }
    touched.length = 0;
    return state.gain[a] + bestValue > this.options.tolerance ? bestR : -1;
  }

  /**
   * Queues the closed sites whose best swap may have improved since the last call: those covering a demand whose
   * count fell to 0 (their gain rose) or to 1 (a new sole owner they could replace), and those sharing a solely
   * covered demand with an open site whose loss fell or that just opened. Other changes only make swaps worse,
   * except a smaller least loss overall, which the global move of `descend` checks.
   */
  private afterMove(): void {
    const { state } = this;
    const { siteOffsets, siteDemands, demandOffsets, demandSites, count, owner } = state;
    const events = state.drainEvents();
    for (const i of events.droppedDemands) {
      for (let q = demandOffsets[i], qe = demandOffsets[i + 1]; q < qe; q++) this.enqueue(demandSites[q]);
    }
    for (const o of events.ownerSites) {
      if (!state.isOpen[o]) continue;
      for (let k = siteOffsets[o], end = siteOffsets[o + 1]; k < end; k++) {
        const i = siteDemands[k];
        if (count[i] !== 1 || owner[i] !== o) continue;
        for (let q = demandOffsets[i], qe = demandOffsets[i + 1]; q < qe; q++) this.enqueue(demandSites[q]);
      }
    }
  }

  private enqueue(j: number): void {
    const { state } = this;
    if (this.inQueue[j] || state.isOpen[j] || state.status[j] !== SITE_STATUS.proposed) return;
    if (state.gain[j] <= this.options.tolerance) return;
    this.inQueue[j] = 1;
    this.queue[(this.head + this.size++) % this.queue.length] = j;
  }

  private dequeue(): number {
    if (this.size === 0) return -1;
    const j = this.queue[this.head];
    this.head = (this.head + 1) % this.queue.length;
    this.size--;
    this.inQueue[j] = 0;
    return j;
  }

  private clearQueue(): void {
    while (this.size > 0) this.dequeue();
  }

  /**
   * Closes a random open proposed site and up to MAX_KICK - 1 random open sites overlapping it, then refills the
   * budget greedily without reopening them (they are tabu during the refill only).
   */
  private perturb(rand: () => number): void {
    const { state } = this;
    const first = state.openList[Math.floor(rand() * state.openNew)];
    const neighbours: number[] = [];
    const now = ++this.stampNow;
    this.stamp[first] = now;
    for (let k = state.siteOffsets[first]; k < state.siteOffsets[first + 1]; k++) {
      const i = state.siteDemands[k];
      for (let q = state.demandOffsets[i]; q < state.demandOffsets[i + 1]; q++) {
        const s = state.demandSites[q];
        if (this.stamp[s] === now || !state.isOpen[s] || state.status[s] !== SITE_STATUS.proposed) continue;
        this.stamp[s] = now;
        neighbours.push(s);
      }
    }
    const kick = 1 + Math.floor(rand() * MAX_KICK);
    const removed = [first];
    while (removed.length < kick && neighbours.length > 0) {
      const pick = Math.floor(rand() * neighbours.length);
      removed.push(neighbours[pick]);
      neighbours[pick] = neighbours[neighbours.length - 1];
      neighbours.pop();
    }
    for (const r of removed) {
      state.tabu[r] = 1;
      state.close(r);
    }
    this.afterMove();
    while (state.openNew < this.options.p) {
      const a = state.gainHeap.top();
      if (a < 0 || state.gain[a] <= this.options.tolerance) break;
      state.open(a);
      this.afterMove();
    }
    for (const r of removed) {
      state.tabu[r] = 0;
      state.gainHeap.push(r);
      this.enqueue(r);
    }
  }

  /** Reverts the moves of a journal (last first) and returns to the previous swap-optimal solution. */
  private undo(journal: number[]): void {
    const { state } = this;
    for (let k = journal.length - 1; k >= 0; k--) {
      const op = journal[k];
      if (op > 0) state.close(op - 1);
      else state.open(-op - 1);
    }
    state.drainEvents();
    this.clearQueue();
  }
}
