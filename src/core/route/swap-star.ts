/**
 * SWAP* (Vidal 2022, section 4; HGS-CVRP LocalSearch::swapStar): exchange u of route U and v of route V, each
 * reinserted at its best position in the other route (not necessarily in the other's place). For each customer the
 * three cheapest insertion positions in the other route are cached until that route changes; the best insertion of
 * u in V without v is then among them or in v's place (Theorem 1 of the paper). RELOCATE of u into V (and v into U)
 * at its best position is evaluated on the way.
 *
 * The scan ranks moves by distance with an approximate penalty (the load of the route as its total delivery, or
 * max(deliveries, pickups) with pickups, which is a lower bound of the largest load on board); the best move is
 * then evaluated exactly on the two new routes and applied only if it really improves the penalised cost.
 */
import { MOVE_EPSILON, type LocalSearch } from './local-search';

/** Fills the three best insertions of each customer of r1 into r2, when r2 changed since they were computed. */
function preprocess(ls: LocalSearch, r1: number, r2: number): void {
  const { dist: D, stride: S, city, next, n } = ls;
  const start2 = ls.start(r2);
  const end2 = ls.end(r2);
  const end1 = ls.end(r1);
  for (let u = next[ls.start(r1)]; u !== end1; u = next[u]) {
    const cpu = city[ls.prev[u]];
    const cnu = city[next[u]];
    ls.deltaRemoval[u] = D[cpu * S + cnu] - D[cpu * S + u] - D[u * S + cnu];
    const key = r2 * (n + 1) + u;
    if (ls.rModified[r2] <= ls.insertWhen[key]) continue;
    ls.insertWhen[key] = ls.nbMoves;
    const base = 3 * key;
    const cost = ls.insertCost;
    const at = ls.insertAt;
    cost[base] = cost[base + 1] = cost[base + 2] = Infinity;
    at[base] = at[base + 1] = at[base + 2] = -1;
    for (let w = start2; w !== end2; w = next[w]) {
      const cw = city[w];
      const cn = city[next[w]];
      const delta = D[cw * S + u] + D[u * S + cn] - D[cw * S + cn];
      if (delta >= cost[base + 2]) continue;
      if (delta < cost[base]) {
        cost[base + 2] = cost[base + 1];
        at[base + 2] = at[base + 1];
        cost[base + 1] = cost[base];
        at[base + 1] = at[base];
        cost[base] = delta;
        at[base] = w;
      } else if (delta < cost[base + 1]) {
        cost[base + 2] = cost[base + 1];
        at[base + 2] = at[base + 1];
        cost[base + 1] = delta;
        at[base + 1] = w;
      } else {
        cost[base + 2] = delta;
        at[base + 2] = w;
      }
    }
  }
}

/** Best insertion of u in v's route with v removed: sets `bestAt` and returns its cost. */
let bestAt = -1;
function insertWithoutV(ls: LocalSearch, u: number, v: number): number {
  const { dist: D, stride: S, city, next, prev } = ls;
  const base = 3 * (ls.route[v] * (ls.n + 1) + u);
  let cost = Infinity;
  bestAt = -1;
  for (let k = 0; k < 3; k++) {
    const w = ls.insertAt[base + k];
    if (w < 0) break;
    if (w !== v && next[w] !== v) {
      cost = ls.insertCost[base + k];
      bestAt = w;
      break;
    }
  }
  const cpv = city[prev[v]];
  const cnv = city[next[v]];
  const inPlace = D[cpv * S + u] + D[u * S + cnv] - D[cpv * S + cnv];
  if (bestAt < 0 || inPlace < cost) {
    bestAt = prev[v];
    cost = inPlace;
  }
  return cost;
}

/** Approximate load penalty of route r after removing `out` and adding `inn` (0 = none). */
function approxLoadPenalty(ls: LocalSearch, r: number, out: number, inn: number): number {
  const d = ls.rD[r] - ls.del[out] + ls.del[inn];
  const load = ls.hasPickup ? Math.max(d, ls.rP[r] - ls.pick[out] + ls.pick[inn]) : d;
  return ls.penLoad(load) + ls.penTime(ls.rTime[r]) - ls.rPenalty[r];
}

/** Customers of route r without `out`, with `inn` inserted after node `after` (-1 = nothing inserted). */
function build(ls: LocalSearch, seq: Int32Array, r: number, out: number, inn: number, after: number): number {
  let len = 0;
  const start = ls.start(r);
  const end = ls.end(r);
  for (let w = start; w !== end; w = ls.next[w]) {
    if (w !== start) {
      if (w === out) continue;
      seq[len++] = w;
    }
    if (w === after && inn > 0) seq[len++] = inn;
  }
  return len;
}

/**
 * Tries SWAP* (and the two relocations) between routes rU and rV; applies the best if it improves.
 * @returns true when a move was applied
 */
export function swapStar(ls: LocalSearch, rU: number, rV: number): boolean {
  preprocess(ls, rU, rV);
  preprocess(ls, rV, rU);
  const { next } = ls;
  const endU = ls.end(rU);
  const endV = ls.end(rV);
  let bestCost = -MOVE_EPSILON;
  let bestU = 0;
  let bestV = 0;
  let bestPosU = -1;
  let bestPosV = -1;
  for (let u = next[ls.start(rU)]; u !== endU; u = next[u]) {
    for (let v = next[ls.start(rV)]; v !== endV; v = next[v]) {
      const penU = approxLoadPenalty(ls, rU, u, v);
      const penV = approxLoadPenalty(ls, rV, v, u);
      if (penU + ls.deltaRemoval[u] + penV + ls.deltaRemoval[v] > 0) continue;
      const extraV = insertWithoutV(ls, u, v);
      const posU = bestAt;
      const extraU = insertWithoutV(ls, v, u);
      const cost = penU + penV + ls.deltaRemoval[u] + extraU + ls.deltaRemoval[v] + extraV;
      if (cost < bestCost) {
        bestCost = cost;
        bestU = u;
        bestV = v;
        bestPosU = posU;
        bestPosV = bestAt;
      }
    }
  }
  for (let u = next[ls.start(rU)]; u !== endU; u = next[u]) {
    const base = 3 * (rV * (ls.n + 1) + u);
    const cost =
      ls.deltaRemoval[u] + ls.insertCost[base] + approxLoadPenalty(ls, rU, u, 0) + approxLoadPenalty(ls, rV, 0, u);
    if (cost < bestCost) {
      bestCost = cost;
      bestU = u;
      bestV = 0;
      bestPosU = ls.insertAt[base];
      bestPosV = -1;
    }
  }
  for (let v = next[ls.start(rV)]; v !== endV; v = next[v]) {
    const base = 3 * (rU * (ls.n + 1) + v);
    const cost =
      ls.deltaRemoval[v] + ls.insertCost[base] + approxLoadPenalty(ls, rU, 0, v) + approxLoadPenalty(ls, rV, v, 0);
    if (cost < bestCost) {
      bestCost = cost;
      bestU = 0;
      bestV = v;
      bestPosU = -1;
      bestPosV = ls.insertAt[base];
    }
  }
  if (bestU === 0 && bestV === 0) return false;
  // Exact check of the chosen move on the two new routes.
  const lenU = build(ls, ls.seqA, rU, bestU, bestV, bestPosV);
  const lenV = build(ls, ls.seqB, rV, bestV, bestU, bestPosU);
  ls.evalSequence(ls.seqA, lenU);
  let delta = ls.evDist + ls.penLoad(ls.evLoad) + ls.penTime(ls.evTime);
  ls.evalSequence(ls.seqB, lenV);
  delta += ls.evDist + ls.penLoad(ls.evLoad) + ls.penTime(ls.evTime);
  delta -= ls.rDist[rU] + ls.rPenalty[rU] + ls.rDist[rV] + ls.rPenalty[rV];
  if (delta > -MOVE_EPSILON) return false;
  ls.relink(rU, ls.seqA, 0, lenU);
  ls.relink(rV, ls.seqB, 0, lenV);
  ls.nbMoves++;
  ls.searchCompleted = false;
  ls.updateRoute(rU);
  ls.updateRoute(rV);
  return true;
}
