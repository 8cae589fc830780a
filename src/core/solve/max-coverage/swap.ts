/**
 * Swap (interchange) local search for max coverage (M.B. Teitz & P. Bart, "Heuristic methods for estimating the
 * generalized vertex median of a weighted graph", Operations Research 16 (1968) 955-961), evaluated from the
 * incremental gain/loss bookkeeping of `CoverageState` (Whitaker 1983; Resende & Werneck 2003), and wrapped in an
 * iterated local search (H.R. Lourenco, O. Martin & T. Stuetzle, "Iterated local search", Handbook of
 * Metaheuristics, 2003): force one to three promising sites into the plan, or re-optimise a region of four
 * neighbouring sites jointly (`max-coverage-region.ts`), descend, keep the result if not worse.
 * The promising sites are those the Lagrangian relaxation favours (largest c_j, see `max-coverage-bound.ts`):
 * on clustered city instances this guided insertion closed the last 0.05-0.5 % to the proven optimum where
 * random or neighbourhood kicks mostly fell back into the same local optimum.
 *
 * Evaluating candidate a: scan a's demands covered exactly once, add their weight to `extra[owner]`; the best
 * site to close is the touched owner r maximising extra(a, r) - loss[r], or the open site of least loss.
 * A candidate is re-evaluated only when its best swap may have improved (see `afterMove`). When the queue is empty the global move (largest gain in,
 * smallest loss out) is checked; when it does not improve either, the solution is swap-optimal.
 */
import { createRandom } from '../../random';
import { SITE_STATUS } from '../../types';
import { reoptimizeRegion } from './region';
import type { CoverageState } from './state';

/**
 * Longest chain of forced insertions in one perturbation (an ejection chain: each insertion displaces a site, the
 * descent re-settles its neighbours, the next insertion continues from there). Chains of 1 to 3 reached 0.05-0.1 %
 * better plans than single insertions on unweighted clustered instances, whose plateaus trap single moves.
 */
const MAX_CHAIN = 3;

/** Budget and callbacks of the search. */
export interface SwapSearchOptions {
  /** Number of proposed sites to keep open. */
  p: number;
  /** Seed of the perturbation choices. */
  seed: number;
  /** Wall-clock deadline, `performance.now()` milliseconds. */
  deadlineMs: number;
  /**
   * Perturbation rounds: after each improvement every guide site is tried once; then stop after this many rounds
   * in a row with random sites and no improvement (0: plain local search, no perturbation at all).
   */
  maxStallRounds: number;
  /** Stop as soon as the covered weight reaches this value (a proven upper bound). */
  target: number;
  /** Improvements must exceed this (absorbs rounding of incremental sums). */
  tolerance: number;
  shouldStop?: () => boolean;
  /** Sites the perturbation tries first (e.g. the largest Lagrangian profits); then random sites. */
  guide?: readonly number[];
  /** Most perturbation rounds in all (default no limit): a work budget that does not depend on the machine. */
  maxRounds?: number;
  /**
   * Demands whose uncovered ones the random insertions aim at (default all): e.g. those of the components where the
   * plan is furthest below its bound, so that rounds are not spent where the plan is proven optimal.
   */
  focus?: Uint32Array;
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
  /** Guide sites in the order the perturbation tries them, and the next one to try. */
  private insertions: number[] = [];
  private nextInsertion = 0;
  /** Largest demand weight (for weighted sampling of uncovered demand). */
  private maxWeight = 0;

  constructor(
    private readonly state: CoverageState,
    private readonly options: SwapSearchOptions,
  ) {
    const n = state.siteCount;
    this.queue = new Uint32Array(n);
    this.inQueue = new Uint8Array(n);
    this.extra = new Float64Array(n);
    this.stamp = new Uint32Array(n);
    for (let i = 0; i < state.demandCount; i++) this.maxWeight = Math.max(this.maxWeight, state.weight[i]);
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
    // Each guide site is tried once (in random order) after every improvement; random sites come after them.
    this.insertions = shuffle((options.guide ?? []).slice(), rand);
    this.nextInsertion = 0;
    while (!this.halted && options.maxStallRounds > 0 && state.openNew > 0) {
      const guided = this.nextInsertion < this.insertions.length;
      if (!guided && stall >= options.maxStallRounds) break;
      if (rounds >= (options.maxRounds ?? Infinity)) break;
      const before = state.covered;
      state.journal = [];
      if (!guided && rand() < 0.5) {
        // Half of the unguided rounds re-optimise a region of neighbouring sites jointly.
        reoptimizeRegion(state, rand);
        this.afterMove();
        this.descend();
      } else if (!this.insertChain(rand)) {
        state.journal = undefined;
        if (guided) continue;
        break;
      }
      const journal = state.journal;
      state.journal = undefined;
      rounds++;
      if (state.covered > before + options.tolerance) {
        stall = 0;
        this.insertions = shuffle(this.insertions, rand);
        this.nextInsertion = 0;
      } else if (!guided) stall++;
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

  /**
   * A chain of 1 to MAX_CHAIN forced insertions, each followed by a descent around the frozen sites, then a descent
   * with them unfrozen. Returns false when not even one insertion was possible.
   */
  private insertChain(rand: () => number): boolean {
    const { state } = this;
    const chain = 1 + Math.floor(rand() * MAX_CHAIN);
    const frozen: number[] = [];
    for (let c = 0; c < chain; c++) {
      const site = this.perturb(rand);
      if (site < 0) break;
      frozen.push(site);
      this.descend();
    }
    if (frozen.length === 0) return false;
    // Unfreeze, and let the descent reconsider closing the inserted sites.
    for (const site of frozen) {
      state.tabu[site] = 0;
      state.lossHeap.push(site);
      this.enqueueOwned(site);
    }
    this.descend();
    return true;
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
      } else if (state.isOpen[a] || state.status[a] !== SITE_STATUS.proposed || state.gain[a] <= tol || state.tabu[a]) {
        continue;
      }
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
   * improves by more than the tolerance (with `force`: the best swap partner even when it does not improve).
   * Frozen (tabu) sites are never closed.
   */
  private bestRemoval(a: number, force = false): number {
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
      if (status[o] !== SITE_STATUS.proposed || state.tabu[o]) continue;
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
    return force || state.gain[a] + bestValue > this.options.tolerance ? bestR : -1;
  }

  /**
   * Queues the closed sites whose best swap may have improved since the last call: those covering a demand whose
   * count fell to 0 (their gain rose) or to 1 (a new sole owner they could replace), and those sharing a solely
   * covered demand with an open site whose loss fell or that just opened. Other changes only make swaps worse,
   * except a smaller least loss overall, which the global move of `descend` checks.
   */
  private afterMove(): void {
    const { state } = this;
    const { demandOffsets, demandSites } = state;
    const events = state.drainEvents();
    for (const i of events.droppedDemands) {
      for (let q = demandOffsets[i], qe = demandOffsets[i + 1]; q < qe; q++) this.enqueue(demandSites[q]);
    }
    for (const o of events.ownerSites) if (state.isOpen[o]) this.enqueueOwned(o);
  }

  /** Queues the closed sites sharing a demand that open site o alone covers (they may swap with o). */
  private enqueueOwned(o: number): void {
    const { siteOffsets, siteDemands, demandOffsets, demandSites, count, owner } = this.state;
    for (let k = siteOffsets[o], end = siteOffsets[o + 1]; k < end; k++) {
      const i = siteDemands[k];
      if (count[i] !== 1 || owner[i] !== o) continue;
      for (let q = demandOffsets[i], qe = demandOffsets[i + 1]; q < qe; q++) this.enqueue(demandSites[q]);
    }
  }

  private enqueue(j: number): void {
    const { state } = this;
    if (this.inQueue[j] || state.isOpen[j] || state.status[j] !== SITE_STATUS.proposed || state.tabu[j]) return;
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
   * Guided insertion: opens the next untried site of the guide list (e.g. the sites of largest Lagrangian profit
   * c_j, which the LP relaxation favours), or once all were tried a site covering a random uncovered demand point,
   * closes the open site whose removal costs least given it (even when that loses weight), and freezes the new
   * site for the descent that follows, so the search settles the rest of the plan around it.
   * @returns the frozen site, or -1 when no insertion was possible
   */
  private perturb(rand: () => number): number {
    const { state } = this;
    const eligible = (c: number): boolean =>
      !state.isOpen[c] && state.status[c] === SITE_STATUS.proposed && state.gain[c] > this.options.tolerance;
    let a = -1;
    if (this.nextInsertion < this.insertions.length) {
      const c = this.insertions[this.nextInsertion++];
      if (!eligible(c)) return -1;
      a = c;
    }
    // Otherwise a site covering a random uncovered demand point (drawn in proportion to its weight by rejection):
    // an insertion aimed at weight the plan misses, rather than at a random place.
    const { count, weight, demandOffsets, demandSites } = state;
    const focus = this.options.focus;
    for (let tries = 0; tries < 64 && a < 0 && (focus?.length ?? 1) > 0; tries++) {
      const i = focus ? focus[Math.floor(rand() * focus.length)] : Math.floor(rand() * state.demandCount);
      if (count[i] !== 0 || rand() * this.maxWeight >= weight[i]) continue;
      const sites = demandOffsets[i + 1] - demandOffsets[i];
      if (sites === 0) continue;
      const c = demandSites[demandOffsets[i] + Math.floor(rand() * sites)];
      if (eligible(c)) a = c;
    }
    if (a < 0) return -1;
    const r = this.bestRemoval(a, true);
    if (r < 0) return -1;
    state.open(a);
    state.close(r);
    state.tabu[a] = 1;
    this.afterMove();
    return a;
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

/** Swap descent only, no perturbation (`maxStallRounds` 0): to a swap-optimal plan, the target or the deadline. */
export function swapDescent(
  state: CoverageState,
  options: Omit<SwapSearchOptions, 'maxStallRounds' | 'maxRounds' | 'guide' | 'focus'>,
): SwapSearchStats {
  return new SwapSearch(state, { ...options, maxStallRounds: 0 }).run();
}

/** Fisher-Yates shuffle in place with the given generator. */
function shuffle<T>(items: T[], rand: () => number): T[] {
  for (let k = items.length - 1; k > 0; k--) {
    const m = Math.floor(rand() * (k + 1));
    const t = items[k];
    items[k] = items[m];
    items[m] = t;
  }
  return items;
}
