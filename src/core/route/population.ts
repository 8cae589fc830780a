/**
 * Population management of the Hybrid Genetic Search (Vidal et al., Operations Research 60(3) (2012), section 4;
 * Vidal 2022, section 3; HGS-CVRP Population.cpp): a feasible and an infeasible subpopulation, each kept sorted by
 * penalised cost; biased fitness = cost rank + (1 - nbElite / size) x diversity rank, diversity being the mean
 * broken-pairs distance to the nbClose closest others; when a subpopulation reaches mu + lambda, the worst biased
 * fitness (clones first) is removed until mu remain. Penalties are adapted every 100 offspring towards 20 % of
 * naturally feasible local-search outputs.
 */
import { HGS_PARAMS, type Instance } from './instance';
import { brokenPairsDistance, EPSILON, evaluateIndividual, Individual } from './individual';

/** The current penalty weights, shared by Split, the local search and the evaluations. */
export interface Penalties {
  capacity: number;
  duration: number;
}

export class Population {
  feasible: Individual[] = [];
  infeasible: Individual[] = [];
  /** Best feasible solution since the last restart, and overall. */
  bestRestartCost = Infinity;
  readonly best: Individual;
  hasBest = false;
  private loadFeasible: boolean[] = [];
  private durationFeasible: boolean[] = [];
  private readonly pool: Individual[] = [];

  constructor(
    private readonly inst: Instance,
    private readonly penalties: Penalties,
    private readonly random: () => number,
  ) {
    this.best = new Individual(inst.n);
  }

  /**
   * Adds a copy of `ind` to its subpopulation.
   * @param updateFeasible true for a plain local-search output (counts for penalty management), false for a repair
   * @returns true when it is a new best feasible solution of this restart
   */
  add(ind: Individual, updateFeasible: boolean): boolean {
    if (updateFeasible) {
      this.loadFeasible.push(ind.capacityExcess < EPSILON);
      this.durationFeasible.push(ind.durationExcess < EPSILON);
      if (this.loadFeasible.length > HGS_PARAMS.nbIterPenaltyManagement) {
        this.loadFeasible.shift();
        this.durationFeasible.shift();
      }
    }
    const sub = ind.feasible ? this.feasible : this.infeasible;
    const copy = this.pool.pop() ?? new Individual(this.inst.n);
    copy.copyFrom(ind);
    copy.proximity = [];
    for (const other of sub) {
      const distance = brokenPairsDistance(copy, other, this.inst.n);
      insertSorted(other.proximity, { distance, other: copy });
      insertSorted(copy.proximity, { distance, other });
    }
    let place = sub.length;
    while (place > 0 && sub[place - 1].penalizedCost > copy.penalizedCost + EPSILON) place--;
    sub.splice(place, 0, copy);
    if (sub.length >= HGS_PARAMS.mu + HGS_PARAMS.lambda) {
      while (sub.length > HGS_PARAMS.mu) this.removeWorst(sub);
    }
    if (ind.feasible && ind.penalizedCost < this.bestRestartCost - EPSILON) {
      this.bestRestartCost = ind.penalizedCost;
      if (!this.hasBest || ind.penalizedCost < this.best.penalizedCost - EPSILON) {
        this.best.copyFrom(ind);
        this.hasBest = true;
      }
      return true;
    }
    return false;
  }

  /** Binary tournament on biased fitness over both subpopulations. */
  tournament(): Individual {
    this.updateBiasedFitness(this.feasible);
    this.updateBiasedFitness(this.infeasible);
    const size = this.feasible.length + this.infeasible.length;
    const pick = (): Individual => {
      const k = Math.floor(this.random() * size);
      return k < this.feasible.length ? this.feasible[k] : this.infeasible[k - this.feasible.length];
    };
    const a = pick();
    const b = pick();
    return a.biasedFitness < b.biasedFitness ? a : b;
  }

  /** Number of individuals in both subpopulations. */
  size(): number {
    return this.feasible.length + this.infeasible.length;
  }

  /** Adapts the penalties to the share of feasible local-search outputs, then re-sorts the infeasible ones. */
  managePenalties(): void {
    const adapt = (value: number, list: boolean[]): number => {
      if (list.length === 0) return value;
      const share = list.filter(Boolean).length / list.length;
      if (share < HGS_PARAMS.targetFeasible - 0.05 && value < 100000) {
        return Math.min(value * HGS_PARAMS.penaltyIncrease, 100000);
      }
      if (share > HGS_PARAMS.targetFeasible + 0.05 && value > 0.1) {
        return Math.max(value * HGS_PARAMS.penaltyDecrease, 0.1);
      }
      return value;
    };
    this.penalties.capacity = adapt(this.penalties.capacity, this.loadFeasible);
    this.penalties.duration = adapt(this.penalties.duration, this.durationFeasible);
    for (const ind of this.infeasible) {
      ind.penalizedCost =
        ind.distance + this.penalties.capacity * ind.capacityExcess + this.penalties.duration * ind.durationExcess;
    }
    this.infeasible.sort((a, b) => a.penalizedCost - b.penalizedCost);
  }

  /** Empties both subpopulations (the overall best is kept). */
  restart(): void {
    this.pool.push(...this.feasible, ...this.infeasible);
    this.feasible = [];
    this.infeasible = [];
    this.bestRestartCost = Infinity;
  }

  /** Re-evaluates an individual with the current penalties (after its routes changed). */
  evaluate(ind: Individual): void {
    evaluateIndividual(this.inst, ind, this.penalties.capacity, this.penalties.duration);
  }

  private updateBiasedFitness(sub: Individual[]): void {
    const size = sub.length;
    if (size === 1) {
      sub[0].biasedFitness = 0;
      return;
    }
    const ranking = sub.map((ind, k) => ({ diversity: -meanClosest(ind, HGS_PARAMS.nbClose), k }));
    ranking.sort((a, b) => a.diversity - b.diversity || a.k - b.k);
    for (let i = 0; i < size; i++) {
      const divRank = i / (size - 1);
      const fitRank = ranking[i].k / (size - 1);
      sub[ranking[i].k].biasedFitness =
        size <= HGS_PARAMS.nbElite ? fitRank : fitRank + (1 - HGS_PARAMS.nbElite / size) * divRank;
    }
  }

  /** Removes the individual of worst biased fitness, clones first, never the best (index 0). */
  private removeWorst(sub: Individual[]): void {
    this.updateBiasedFitness(sub);
    let worst = -1;
    let worstClone = false;
    let worstFitness = -1;
    for (let i = 1; i < sub.length; i++) {
      const clone = meanClosest(sub[i], 1) < EPSILON;
      if ((clone && !worstClone) || (clone === worstClone && sub[i].biasedFitness > worstFitness)) {
        worst = i;
        worstClone = clone;
        worstFitness = sub[i].biasedFitness;
      }
    }
    const [removed] = sub.splice(worst, 1);
    for (const ind of sub) {
      const at = ind.proximity.findIndex((entry) => entry.other === removed);
      if (at >= 0) ind.proximity.splice(at, 1);
    }
    removed.proximity = [];
    this.pool.push(removed);
  }
}

/** Mean distance to the `k` closest others (1 when alone). */
function meanClosest(ind: Individual, k: number): number {
  const count = Math.min(k, ind.proximity.length);
  if (count === 0) return 1;
  let sum = 0;
  for (let i = 0; i < count; i++) sum += ind.proximity[i].distance;
  return sum / count;
}

function insertSorted(list: { distance: number; other: Individual }[], entry: { distance: number; other: Individual }) {
  let place = list.length;
  while (place > 0 && list[place - 1].distance > entry.distance) place--;
  list.splice(place, 0, entry);
}
