/**
 * The Hybrid Genetic Search main loop (Vidal et al., Operations Research 60(3) (2012) 611-624; Vidal 2022,
 * Computers & OR 140, Algorithm 1; HGS-CVRP Genetic.cpp): an initial population of 4 mu random giant tours, each
 * split and improved by the local search; then repeatedly two parents by binary tournament, OX crossover, Split,
 * local search, and for an infeasible child a repair with 10x penalties half of the time; penalties adapted every
 * 100 iterations; stop (or restart with `untilTimeLimit`) after `maxIterNoImprovement` iterations without a new best.
 */
import { HGS_PARAMS, type Instance } from './instance';
import { Individual } from './individual';
import { LocalSearch } from './local-search';
import { Population, type Penalties } from './population';
import { Splitter } from './split';

/** Controls of one search run. */
export interface HgsControl {
  random: () => number;
  /** performance.now() value at which the search stops. */
  deadline: number;
  maxIterNoImprovement: number;
  untilTimeLimit: boolean;
  shouldStop?: () => boolean;
  /** Called every 100 iterations with the share of the time or of the idle-iteration budget used. */
  onProgress?: (share: number, bestCost: number) => void;
  startedAt: number;
}

/** Result of the search: the best feasible routes (customer ids of the instance), or the least penalised ones. */
export interface HgsResult {
  routes: number[][];
  feasible: boolean;
  iterations: number;
}

/**
 * Runs the search on an instance of at least 2 customers.
 * @param inst internal instance
 * @param control seed generator, deadline and stopping rule
 */
export function runHgs(inst: Instance, control: HgsControl): HgsResult {
  const { random, deadline } = control;
  const n = inst.n;
  const penalties: Penalties = { capacity: inst.initialPenaltyCapacity, duration: 1 };
  const population = new Population(inst, penalties, random);
  const splitter = new Splitter(inst);
  const ls = new LocalSearch(inst, random);
  const child = new Individual(n);
  const fallback = new Individual(n);
  let hasFallback = false;
  const stopped = (): boolean => performance.now() > deadline || control.shouldStop?.() === true;

  const improve = (ind: Individual, updateFeasible: boolean): boolean => {
    splitter.split(ind, penalties.capacity, penalties.duration);
    ls.run(ind, penalties.capacity, penalties.duration, deadline);
    population.evaluate(ind);
    let isNewBest = population.add(ind, updateFeasible);
    if (!ind.feasible && (!hasFallback || ind.penalizedCost < fallback.penalizedCost)) {
      fallback.copyFrom(ind);
      hasFallback = true;
    }
    if (!ind.feasible && random() < 0.5) {
      ls.run(ind, 10 * penalties.capacity, 10 * penalties.duration, deadline);
      population.evaluate(ind);
      if (ind.feasible) isNewBest = population.add(ind, false) || isNewBest;
    }
    return isNewBest;
  };

  const generate = (): void => {
    for (let k = 0; k < 4 * HGS_PARAMS.mu && !stopped(); k++) {
      for (let i = 0; i < n; i++) child.tour[i] = i + 1;
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        const t = child.tour[i];
        child.tour[i] = child.tour[j];
        child.tour[j] = t;
      }
      improve(child, true);
    }
  };

  generate();
  const seen = new Uint8Array(n + 1);
  let iterations = 0;
  let idle = 1;
  while (!stopped() && (control.untilTimeLimit || idle <= control.maxIterNoImprovement)) {
    if (population.size() === 0) {
      generate();
      continue;
    }
    crossoverOX(population.tournament(), population.tournament(), child, seen, random);
    const isNewBest = improve(child, true);
    idle = isNewBest ? 1 : idle + 1;
    iterations++;
    if (iterations % HGS_PARAMS.nbIterPenaltyManagement === 0) {
      population.managePenalties();
      if (control.onProgress) {
        const now = performance.now();
        const timeShare = (now - control.startedAt) / Math.max(1, deadline - control.startedAt);
        const iterShare = control.untilTimeLimit ? 0 : idle / control.maxIterNoImprovement;
        const cost = population.hasBest ? population.best.distance : Infinity;
        control.onProgress(Math.min(1, Math.max(timeShare, iterShare)), cost);
      }
    }
    if (control.untilTimeLimit && idle >= control.maxIterNoImprovement) {
      population.restart();
      generate();
      idle = 1;
    }
  }
  if (population.hasBest) return { routes: population.best.routes(), feasible: true, iterations };
  if (hasFallback) return { routes: fallback.routes(), feasible: false, iterations };
  // Cut before anything was evaluated: one route per customer (repaired by the caller).
  return { routes: Array.from({ length: n }, (_, i) => [i + 1]), feasible: false, iterations };
}

/**
 * Ordered crossover (OX; Oliver, Smith, Holland 1987) on giant tours as in HGS-CVRP: a random circular slice of the
 * first parent is kept in place, the other customers follow in the order of the second parent after the slice.
 */
export function crossoverOX(
  p1: Individual,
  p2: Individual,
  out: Individual,
  seen: Uint8Array,
  random: () => number,
): void {
  const n = p1.tour.length;
  const start = Math.floor(random() * n);
  let end = Math.floor(random() * n);
  while (end === start) end = Math.floor(random() * n);
  seen.fill(0);
  let j = start;
  while (j % n !== (end + 1) % n) {
    const c = p1.tour[j % n];
    out.tour[j % n] = c;
    seen[c] = 1;
    j++;
  }
  for (let i = 1; i <= n; i++) {
    const c = p2.tour[(end + i) % n];
    if (seen[c] === 0) {
      out.tour[j % n] = c;
      j++;
    }
  }
}
