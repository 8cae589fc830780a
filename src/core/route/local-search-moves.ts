/**
 * The classical moves of the granular local search (HGS-CVRP LocalSearch.cpp move1..move9; Vidal 2022, section 3):
 * u, x = next(u), v, y = next(v).
 *   RELOCATE u after v; (u, x) after v; (x, u) after v.   SWAP u <-> v; (u, x) <-> v; (u, x) <-> (v, y).
 *   2-OPT (same route): (u, x), (v, y) -> (u, v), (x, y).   2-OPT* (two routes): the same with the tails reversed,
 *   or (u, x), (v, y) -> (u, y), (v, x).
 * Each returns true when it applied an improving move. Costs use the symmetric matrices of the instance; loads use
 * the prefix/suffix segments of ./local-search.ts.
 */
import { catLoad, MOVE_EPSILON, type LocalSearch } from './local-search';

function setU(ls: LocalSearch, u: number): void {
  ls.u = u;
  ls.pu = ls.prev[u];
  ls.x = ls.next[u];
  ls.xn = ls.next[ls.x];
  ls.rU = ls.route[u];
  ls.cu = ls.city[u];
  ls.cpu = ls.city[ls.pu];
  ls.cx = ls.city[ls.x];
  ls.cxn = ls.city[ls.xn];
}

function setV(ls: LocalSearch, v: number): void {
  ls.v = v;
  ls.pv = ls.prev[v];
  ls.y = ls.next[v];
  ls.yn = ls.next[ls.y];
  ls.rV = ls.route[v];
  ls.cv = ls.city[v];
  ls.cpv = ls.city[ls.pv];
  ls.cy = ls.city[ls.y];
  ls.cyn = ls.city[ls.yn];
}

/** Tries every move of u with its granular neighbours (and with the depot before them). */
export function tryNeighbourMoves(ls: LocalSearch, u: number, lastTested: number): void {
  const from = ls.neighbourStart[u];
  const to = ls.neighbourStart[u + 1];
  for (let k = from; k < to; k++) {
    const v = ls.neighbours[k];
    if (ls.loopId > 0 && Math.max(ls.rModified[ls.route[u]], ls.rModified[ls.route[v]]) <= lastTested) continue;
    setU(ls, u);
    setV(ls, v);
    if (relocate(ls) || relocatePair(ls, false) || relocatePair(ls, true)) continue;
    if (u <= v && swapOne(ls)) continue;
    if (swapPairOne(ls)) continue;
    if (u <= v && swapPairs(ls)) continue;
    if (ls.rU === ls.rV ? twoOpt(ls) : twoOptStarReversed(ls) || twoOptStar(ls)) continue;
    const pv = ls.prev[v];
    if (pv === ls.start(ls.route[v])) {
      setV(ls, pv);
      if (relocate(ls) || relocatePair(ls, false) || relocatePair(ls, true)) continue;
      if (ls.rU !== ls.rV && (twoOptStarReversed(ls) || twoOptStar(ls))) continue;
    }
  }
}

/** Tries moving u (and its successor) into an empty route, or cutting its route there (2-OPT*). */
export function tryEmptyRouteMoves(ls: LocalSearch, u: number): void {
  let empty = -1;
  for (let r = 0; r < ls.nbRoutes; r++) {
    if (ls.rCount[r] === 0) {
      empty = r;
      break;
    }
  }
  if (empty < 0) return;
  setU(ls, u);
  setV(ls, ls.start(empty));
  if (relocate(ls) || relocatePair(ls, false) || relocatePair(ls, true)) return;
  twoOptStar(ls);
}

/** Time of node..end depot including the node's service. */
function suffixTime(ls: LocalSearch, node: number): number {
  return ls.rTime[ls.route[node]] - ls.cumTime[node] + ls.service[ls.city[node]];
}

/** Penalised change of two routes given their new largest load and duration. */
function interPenalty(ls: LocalSearch, lU: number, tU: number, lV: number, tV: number): number {
  return ls.penLoad(lU) + ls.penTime(tU) + ls.penLoad(lV) + ls.penTime(tV) - ls.rPenalty[ls.rU] - ls.rPenalty[ls.rV];
}

/** Penalty change of route rU after an intra-route move of `dTime` minutes whose new order is seqA[0 .. len). */
function intraPenalty(ls: LocalSearch, dTime: number, len: number): number {
  const r = ls.rU;
  let load = ls.rL[r];
  if (ls.hasPickup) {
    ls.evalSequence(ls.seqA, len);
    load = ls.evLoad;
  }
  return ls.penLoad(load) + ls.penTime(ls.rTime[r] + dTime) - ls.rPenalty[r];
}

/** Route rU's customers with the block b1[, b2] moved after `after` (a node of the route or its start depot). */
function buildRelocate(ls: LocalSearch, b1: number, b2: number, after: number): number {
  const seq = ls.seqA;
  let len = 0;
  const start = ls.start(ls.rU);
  const end = ls.end(ls.rU);
  for (let w = start; w !== end; w = ls.next[w]) {
    if (w !== start) {
      if (w === b1 || w === b2) continue;
      seq[len++] = w;
    }
    if (w === after) {
      seq[len++] = b1;
      if (b2 >= 0) seq[len++] = b2;
    }
  }
  return len;
}

/** Route rU's customers with block a1[, a2] and block b1[, b2] exchanged. */
function buildSwap(ls: LocalSearch, a1: number, a2: number, b1: number, b2: number): number {
  const seq = ls.seqA;
  let len = 0;
  const end = ls.end(ls.rU);
  for (let w = ls.next[ls.start(ls.rU)]; w !== end; w = ls.next[w]) {
    if (w === a2 || w === b2) continue;
    if (w === a1) {
      seq[len++] = b1;
      if (b2 >= 0) seq[len++] = b2;
    } else if (w === b1) {
      seq[len++] = a1;
      if (a2 >= 0) seq[len++] = a2;
    } else seq[len++] = w;
  }
  return len;
}

function finish(ls: LocalSearch, r1: number, r2: number): true {
  ls.nbMoves++;
  ls.searchCompleted = false;
  ls.updateRoute(r1);
  if (r2 !== r1) ls.updateRoute(r2);
  return true;
}

/** RELOCATE u after v (move1). */
function relocate(ls: LocalSearch): boolean {
  const { u, x, v, y, cu, cpu, cx, cv, cy, stride: S, dist: D, time: T } = ls;
  if (u === y) return false;
  const dU = D[cpu * S + cx] - D[cpu * S + cu] - D[cu * S + cx];
  const dV = D[cv * S + cu] + D[cu * S + cy] - D[cv * S + cy];
  let tU = 0;
  let tV = 0;
  if (T !== null) {
    tU = T[cpu * S + cx] - T[cpu * S + cu] - T[cu * S + cx];
    tV = T[cv * S + cu] + T[cu * S + cy] - T[cv * S + cy];
  }
  let delta: number;
  if (ls.rU !== ls.rV) {
    if (dU + dV >= ls.rPenalty[ls.rU] + ls.rPenalty[ls.rV]) return false;
    const pu = ls.pu;
    const lU = catLoad(ls.pL[pu], ls.sD[x], ls.sL[x], ls.pP[pu]);
    const la = catLoad(ls.pL[v], ls.del[cu], ls.nodeLoad[cu], ls.pP[v]);
    const lV = catLoad(la, ls.sD[y], ls.sL[y], ls.pP[v] + ls.pick[cu]);
    const s = ls.service[cu];
    delta = dU + dV + interPenalty(ls, lU, ls.rTime[ls.rU] + tU - s, lV, ls.rTime[ls.rV] + tV + s);
  } else {
    if (dU + dV >= ls.rPenalty[ls.rU]) return false;
    delta = dU + dV + intraPenalty(ls, tU + tV, ls.hasPickup ? buildRelocate(ls, u, -1, v) : 0);
  }
  if (delta > -MOVE_EPSILON) return false;
  const rU = ls.rU;
  ls.insertNode(u, v);
  return finish(ls, rU, ls.rV);
}

/** RELOCATE (u, x) after v (move2), or (x, u) after v when `reversed` (move3). */
function relocatePair(ls: LocalSearch, reversed: boolean): boolean {
  const { u, x, xn, v, y, cu, cpu, cx, cxn, cv, cy, stride: S, dist: D, time: T } = ls;
  if (cx === 0 || u === y || x === v) return false;
  const first = reversed ? cx : cu;
  const second = reversed ? cu : cx;
  const inner = reversed ? D[cu * S + cx] : 0;
  const dU = D[cpu * S + cxn] - D[cpu * S + cu] - D[cx * S + cxn] - inner;
  const dV = D[cv * S + first] + D[second * S + cy] - D[cv * S + cy] + inner;
  let tU = 0;
  let tV = 0;
  if (T !== null) {
    const tInner = T[cu * S + cx];
    tU = T[cpu * S + cxn] - T[cpu * S + cu] - T[cx * S + cxn] - tInner;
    tV = T[cv * S + first] + T[second * S + cy] - T[cv * S + cy] + tInner;
  }
  let delta: number;
  if (ls.rU !== ls.rV) {
    if (dU + dV >= ls.rPenalty[ls.rU] + ls.rPenalty[ls.rV]) return false;
    const pu = ls.pu;
    const lU = catLoad(ls.pL[pu], ls.sD[xn], ls.sL[xn], ls.pP[pu]);
    const la = catLoad(ls.pL[v], ls.del[first], ls.nodeLoad[first], ls.pP[v]);
    const pa = ls.pP[v] + ls.pick[first];
    const lb = catLoad(la, ls.del[second], ls.nodeLoad[second], pa);
    const lV = catLoad(lb, ls.sD[y], ls.sL[y], pa + ls.pick[second]);
    const s = ls.service[cu] + ls.service[cx];
    delta = dU + dV + interPenalty(ls, lU, ls.rTime[ls.rU] + tU - s, lV, ls.rTime[ls.rV] + tV + s);
  } else {
    if (dU + dV >= ls.rPenalty[ls.rU]) return false;
    const len = ls.hasPickup ? buildRelocate(ls, reversed ? x : u, reversed ? u : x, v) : 0;
    delta = dU + dV + intraPenalty(ls, tU + tV, len);
  }
  if (delta > -MOVE_EPSILON) return false;
  const rU = ls.rU;
  if (reversed) {
    ls.insertNode(x, v);
    ls.insertNode(u, x);
  } else {
    ls.insertNode(u, v);
    ls.insertNode(x, u);
  }
  return finish(ls, rU, ls.rV);
}

/** SWAP u <-> v (move4). */
function swapOne(ls: LocalSearch): boolean {
  const { u, x, v, y, pu, pv, cu, cpu, cx, cv, cpv, cy, stride: S, dist: D, time: T } = ls;
  if (cv === 0 || u === pv || u === y) return false;
  const dU = D[cpu * S + cv] + D[cv * S + cx] - D[cpu * S + cu] - D[cu * S + cx];
  const dV = D[cpv * S + cu] + D[cu * S + cy] - D[cpv * S + cv] - D[cv * S + cy];
  let tU = 0;
  let tV = 0;
  if (T !== null) {
    tU = T[cpu * S + cv] + T[cv * S + cx] - T[cpu * S + cu] - T[cu * S + cx];
    tV = T[cpv * S + cu] + T[cu * S + cy] - T[cpv * S + cv] - T[cv * S + cy];
  }
  let delta: number;
  if (ls.rU !== ls.rV) {
    if (dU + dV >= ls.rPenalty[ls.rU] + ls.rPenalty[ls.rV]) return false;
    const la = catLoad(ls.pL[pu], ls.del[cv], ls.nodeLoad[cv], ls.pP[pu]);
    const lU = catLoad(la, ls.sD[x], ls.sL[x], ls.pP[pu] + ls.pick[cv]);
    const lb = catLoad(ls.pL[pv], ls.del[cu], ls.nodeLoad[cu], ls.pP[pv]);
    const lV = catLoad(lb, ls.sD[y], ls.sL[y], ls.pP[pv] + ls.pick[cu]);
    const s = ls.service[cv] - ls.service[cu];
    delta = dU + dV + interPenalty(ls, lU, ls.rTime[ls.rU] + tU + s, lV, ls.rTime[ls.rV] + tV - s);
  } else {
    if (dU + dV >= ls.rPenalty[ls.rU]) return false;
    delta = dU + dV + intraPenalty(ls, tU + tV, ls.hasPickup ? buildSwap(ls, u, -1, v, -1) : 0);
  }
  if (delta > -MOVE_EPSILON) return false;
  const rU = ls.rU;
  ls.swapNode(u, v);
  return finish(ls, rU, ls.rV);
}

/** SWAP (u, x) <-> v (move5). */
function swapPairOne(ls: LocalSearch): boolean {
  const { u, x, xn, v, y, pu, pv, cu, cpu, cx, cxn, cv, cpv, cy, stride: S, dist: D, time: T } = ls;
  if (cv === 0 || cx === 0 || u === pv || x === pv || u === y) return false;
  const dU = D[cpu * S + cv] + D[cv * S + cxn] - D[cpu * S + cu] - D[cx * S + cxn];
  const dV = D[cpv * S + cu] + D[cx * S + cy] - D[cpv * S + cv] - D[cv * S + cy];
  let tU = 0;
  let tV = 0;
  if (T !== null) {
    tU = T[cpu * S + cv] + T[cv * S + cxn] - T[cpu * S + cu] - T[cx * S + cxn] - T[cu * S + cx];
    tV = T[cpv * S + cu] + T[cx * S + cy] - T[cpv * S + cv] - T[cv * S + cy] + T[cu * S + cx];
  }
  let delta: number;
  if (ls.rU !== ls.rV) {
    if (dU + dV >= ls.rPenalty[ls.rU] + ls.rPenalty[ls.rV]) return false;
    const la = catLoad(ls.pL[pu], ls.del[cv], ls.nodeLoad[cv], ls.pP[pu]);
    const lU = catLoad(la, ls.sD[xn], ls.sL[xn], ls.pP[pu] + ls.pick[cv]);
    const lb = catLoad(ls.pL[pv], ls.del[cu], ls.nodeLoad[cu], ls.pP[pv]);
    const pb = ls.pP[pv] + ls.pick[cu];
    const lc = catLoad(lb, ls.del[cx], ls.nodeLoad[cx], pb);
    const lV = catLoad(lc, ls.sD[y], ls.sL[y], pb + ls.pick[cx]);
    const s = ls.service[cv] - ls.service[cu] - ls.service[cx];
    delta = dU + dV + interPenalty(ls, lU, ls.rTime[ls.rU] + tU + s, lV, ls.rTime[ls.rV] + tV - s);
  } else {
    if (dU + dV >= ls.rPenalty[ls.rU]) return false;
    delta = dU + dV + intraPenalty(ls, tU + tV, ls.hasPickup ? buildSwap(ls, u, x, v, -1) : 0);
  }
  if (delta > -MOVE_EPSILON) return false;
  const rU = ls.rU;
  ls.swapNode(u, v);
  ls.insertNode(x, u);
  return finish(ls, rU, ls.rV);
}

/** SWAP (u, x) <-> (v, y) (move6). */
function swapPairs(ls: LocalSearch): boolean {
  const { u, x, xn, v, y, yn, pu, pv, cu, cpu, cx, cxn, cv, cpv, cy, cyn, stride: S, dist: D, time: T } = ls;
  if (cv === 0 || cx === 0 || cy === 0 || y === pu || u === y || x === v || v === xn) return false;
  const dU = D[cpu * S + cv] + D[cy * S + cxn] - D[cpu * S + cu] - D[cx * S + cxn];
  const dV = D[cpv * S + cu] + D[cx * S + cyn] - D[cpv * S + cv] - D[cy * S + cyn];
  let tU = 0;
  let tV = 0;
  if (T !== null) {
    const inner = T[cv * S + cy] - T[cu * S + cx];
    tU = T[cpu * S + cv] + T[cy * S + cxn] - T[cpu * S + cu] - T[cx * S + cxn] + inner;
    tV = T[cpv * S + cu] + T[cx * S + cyn] - T[cpv * S + cv] - T[cy * S + cyn] - inner;
  }
  let delta: number;
  if (ls.rU !== ls.rV) {
    if (dU + dV >= ls.rPenalty[ls.rU] + ls.rPenalty[ls.rV]) return false;
    const la = catLoad(ls.pL[pu], ls.del[cv], ls.nodeLoad[cv], ls.pP[pu]);
    const pa = ls.pP[pu] + ls.pick[cv];
    const lb = catLoad(la, ls.del[cy], ls.nodeLoad[cy], pa);
    const lU = catLoad(lb, ls.sD[xn], ls.sL[xn], pa + ls.pick[cy]);
    const lc = catLoad(ls.pL[pv], ls.del[cu], ls.nodeLoad[cu], ls.pP[pv]);
    const pc = ls.pP[pv] + ls.pick[cu];
    const ld = catLoad(lc, ls.del[cx], ls.nodeLoad[cx], pc);
    const lV = catLoad(ld, ls.sD[yn], ls.sL[yn], pc + ls.pick[cx]);
    const s = ls.service[cv] + ls.service[cy] - ls.service[cu] - ls.service[cx];
    delta = dU + dV + interPenalty(ls, lU, ls.rTime[ls.rU] + tU + s, lV, ls.rTime[ls.rV] + tV - s);
  } else {
    if (dU + dV >= ls.rPenalty[ls.rU]) return false;
    delta = dU + dV + intraPenalty(ls, tU + tV, ls.hasPickup ? buildSwap(ls, u, x, v, y) : 0);
  }
  if (delta > -MOVE_EPSILON) return false;
  const rU = ls.rU;
  ls.swapNode(u, v);
  ls.swapNode(x, y);
  return finish(ls, rU, ls.rV);
}

/** 2-OPT in one route: reverse x..v (move7). */
function twoOpt(ls: LocalSearch): boolean {
  const { u, x, v, y, cu, cx, cv, cy, stride: S, dist: D, time: T } = ls;
  if (ls.position[u] > ls.position[v] || x === v) return false;
  const delta0 = D[cu * S + cv] + D[cx * S + cy] - D[cu * S + cx] - D[cv * S + cy];
  if (delta0 >= ls.rPenalty[ls.rU]) return false;
  const dT = T === null ? 0 : T[cu * S + cv] + T[cx * S + cy] - T[cu * S + cx] - T[cv * S + cy];
  const seq = ls.seqA;
  let len = 0;
  const end = ls.end(ls.rU);
  for (let w = ls.next[ls.start(ls.rU)]; w !== x; w = ls.next[w]) seq[len++] = w;
  for (let w = v; w !== u; w = ls.prev[w]) seq[len++] = w;
  for (let w = y; w !== end; w = ls.next[w]) seq[len++] = w;
  if (delta0 + intraPenalty(ls, dT, len) > -MOVE_EPSILON) return false;
  ls.relink(ls.rU, seq, 0, len);
  return finish(ls, ls.rU, ls.rU);
}

/** 2-OPT* (u, x), (v, y) -> (u, v), (x, y): depot..u v..depot-of-V reversed, and the rest (move8). */
function twoOptStarReversed(ls: LocalSearch): boolean {
  const { u, x, v, y, cu, cx, cv, cy, rU, rV, stride: S, dist: D, time: T } = ls;
  const cost = D[cu * S + cv] + D[cx * S + cy] - D[cu * S + cx] - D[cv * S + cy];
  if (cost >= ls.rPenalty[rU] + ls.rPenalty[rV]) return false;
  const lU = catLoad(ls.pL[u], ls.pD[v], ls.rpL[v], ls.pP[u]);
  const lV = catLoad(ls.rsL[y], ls.sD[x], ls.sL[x], ls.sP[y]);
  let tU = 0;
  let tV = 0;
  if (T !== null) {
    tU = ls.cumTime[u] + T[cu * S + cv] + ls.cumTime[v];
    tV = suffixTime(ls, y) + T[cy * S + cx] + suffixTime(ls, x);
  }
  if (cost + interPenalty(ls, lU, tU, lV, tV) > -MOVE_EPSILON) return false;
  const a = ls.seqA;
  const b = ls.seqB;
  let na = 0;
  let nb = 0;
  const startU = ls.start(rU);
  const startV = ls.start(rV);
  for (let w = ls.next[startU]; w !== x; w = ls.next[w]) a[na++] = w;
  for (let w = v; w !== startV; w = ls.prev[w]) a[na++] = w;
  for (let w = ls.prev[ls.end(rV)]; w !== v; w = ls.prev[w]) b[nb++] = w;
  for (let w = x; w !== ls.end(rU); w = ls.next[w]) b[nb++] = w;
  ls.relink(rU, a, 0, na);
  ls.relink(rV, b, 0, nb);
  return finish(ls, rU, rV);
}

/** 2-OPT* (u, x), (v, y) -> (u, y), (v, x): the two routes exchange their tails (move9). */
function twoOptStar(ls: LocalSearch): boolean {
  const { u, x, v, y, cu, cx, cv, cy, rU, rV, stride: S, dist: D, time: T } = ls;
  const cost = D[cu * S + cy] + D[cv * S + cx] - D[cu * S + cx] - D[cv * S + cy];
  if (cost >= ls.rPenalty[rU] + ls.rPenalty[rV]) return false;
  const lU = catLoad(ls.pL[u], ls.sD[y], ls.sL[y], ls.pP[u]);
  const lV = catLoad(ls.pL[v], ls.sD[x], ls.sL[x], ls.pP[v]);
  let tU = 0;
  let tV = 0;
  if (T !== null) {
    tU = ls.cumTime[u] + T[cu * S + cy] + suffixTime(ls, y);
    tV = ls.cumTime[v] + T[cv * S + cx] + suffixTime(ls, x);
  }
  if (cost + interPenalty(ls, lU, tU, lV, tV) > -MOVE_EPSILON) return false;
  const a = ls.seqA;
  const b = ls.seqB;
  let na = 0;
  let nb = 0;
  for (let w = ls.next[ls.start(rU)]; w !== x; w = ls.next[w]) a[na++] = w;
  for (let w = y; w !== ls.end(rV); w = ls.next[w]) a[na++] = w;
  for (let w = ls.next[ls.start(rV)]; w !== y; w = ls.next[w]) b[nb++] = w;
  for (let w = x; w !== ls.end(rU); w = ls.next[w]) b[nb++] = w;
  ls.relink(rU, a, 0, na);
  ls.relink(rV, b, 0, nb);
  return finish(ls, rU, rV);
}
