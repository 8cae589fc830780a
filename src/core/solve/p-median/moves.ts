/**
 * The moves of the p-median heuristic on a `SwapSearch` state: greedy construction and the best-improvement
 * swap search of Teitz & Bart (1968) with the fast-swap evaluation of Resende & Werneck (2003), see
 * ./p-median-swap for the gain / loss / extra formulas.
 */
import type { SearchLimits, SwapMove, SwapSearch } from './swap';

/**
 * Opens sites until p are open: each step opens the closed allowed site of largest gain (greedy "add",
 * A.A. Kuehn & M.J. Hamburger, "A heuristic program for locating warehouses", Mgmt Sci. 9 (1963) 643), or with
 * `random`, the best of `sample` random closed sites (the sample greedy of Resende & Werneck) to diversify starts.
 */
export function greedyFill(search: SwapSearch, p: number, random?: () => number, sample = 1): void {
  const { m, open, gain } = search;
  const allowed = search.roles.allowed;
  while (search.openCount < p) {
    let best = -1;
    if (random) {
      for (let s = 0, tries = 0; s < sample && tries < 50 * sample; tries++) {
        const j = Math.floor(random() * m);
        if (open[j] || !allowed[j]) continue;
        s++;
        if (best < 0 || gain[j] > gain[best]) best = j;
      }
    }
    if (best < 0) {
      for (let j = 0; j < m; j++) if (!open[j] && allowed[j] && (best < 0 || gain[j] > gain[best])) best = j;
    }
    if (best < 0) return;
    search.move(-1, best);
  }
}

/**
 * The best swap (close a non-fixed open site r, open a closed allowed site f) by profit
 * gain(f) - loss(r) + extra(r, f). The sparse extra matrix is built one row r at a time from the demand points
 * served by r, in a scratch row with the list of touched f. Ties keep the first found (sites ascending), so the
 * search is deterministic. Cost per call: O(n + m + sum of list prefixes up to d2).
 */
export function bestSwap(search: SwapSearch): SwapMove {
  const { n, m, open, gain, loss, extra, mark, phi1, d1, d2, w } = search;
  const { allowed, fixed } = search.roles;
  const { lists } = search.source;
  // Demand points grouped by their nearest open site (counting sort).
  const start = new Uint32Array(m + 1);
  for (let u = 0; u < n; u++) if (phi1[u] >= 0 && w[u] > 0) start[phi1[u] + 1]++;
  for (let j = 0; j < m; j++) start[j + 1] += start[j];
  const fill = start.slice(0, m);
  const served = new Uint32Array(start[m]);
  for (let u = 0; u < n; u++) if (phi1[u] >= 0 && w[u] > 0) served[fill[phi1[u]]++] = u;
  let maxGainSite = -1;
  for (let j = 0; j < m; j++) {
    if (!open[j] && allowed[j] && (maxGainSite < 0 || gain[j] > gain[maxGainSite])) maxGainSite = j;
  }
  const best: SwapMove = { profit: -Infinity, out: -1, in: -1 };
  if (maxGainSite < 0) return best;
  const touched: number[] = [];
  for (let r = 0; r < m; r++) {
    if (!open[r] || fixed[r]) continue;
    touched.length = 0;
    for (let k = start[r]; k < start[r + 1]; k++) {
      const u = served[k];
      for (let t = lists.offsets[u]; t < lists.offsets[u + 1]; t++) {
        const d = lists.distances[t];
        if (d >= d2[u]) break;
        const f = lists.sites[t];
        if (open[f] || !allowed[f]) continue;
        if (!mark[f]) {
          mark[f] = 1;
          touched.push(f);
        }
        extra[f] += w[u] * (d2[u] - Math.max(d, d1[u]));
      }
    }
    // An untouched f has extra(r, f) = 0, so the best of them is the largest gain.
    const base = gain[maxGainSite] - loss[r];
    if (base > best.profit) Object.assign(best, { profit: base, out: r, in: maxGainSite });
    for (const f of touched) {
      const profit = gain[f] + extra[f] - loss[r];
      if (profit > best.profit) Object.assign(best, { profit, out: r, in: f });
      extra[f] = 0;
      mark[f] = 0;
    }
  }
  return best;
}

/**
 * Best-improvement swap local search until no swap improves the (penalised) objective by more than a relative
 * 1e-12, or a limit. Every move is checked against the exact objective and undone if it does not improve it
 * (guards against round-off drift and truncated lists, where profits are underestimates).
 *
 * @returns number of moves made
 */
export function swapLocalSearch(search: SwapSearch, limits: SearchLimits): number {
  let moves = 0;
  let current = search.penalisedObjective();
  const maxMoves = limits.maxMoves ?? Infinity;
  while (moves < maxMoves && performance.now() / 1000 < limits.deadlineSec && !limits.shouldStop?.()) {
    const best = bestSwap(search);
    const tolerance = 1e-12 * Math.max(1, Math.abs(current));
    if (!(best.profit > tolerance) || best.out < 0) break;
    search.move(best.out, best.in);
    const next = search.penalisedObjective();
    if (!(next < current - tolerance)) {
      search.move(best.in, best.out);
      break;
    }
    current = next;
    moves++;
    if (moves % 64 === 0) search.refresh(); // recompute incremental sums to bound round-off drift
  }
  return moves;
}
