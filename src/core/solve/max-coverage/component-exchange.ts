/**
 * Moves sites between components where a small component's exact curve says a different number of sites pays.
 *
 * The swap descent (`swap.ts`) moves one site at a time, so it never sees a gain that needs a component's sites
 * rearranged: the best two sites of a small component often do not include its best single site. For the
 * components with exact curves (`exactCurves`), the best plan at every number of sites is known, and moving a site
 * into such a component gains U_c(k + 1) - f_c (rearranging it into its best (k + 1)-subset), taking one out loses
 * f_c - U_c(k - 1). `exchangeSites` repeats the best such move against the best single-site move elsewhere (open
 * the site of largest gain, close the site of least loss) while the plan gains: a greedy exchange on the budget
 * split, the discrete counterpart of equal marginals in separable resource allocation (T. Ibaraki & N. Katoh,
 * "Resource Allocation Problems", MIT Press 1988, ch. 4).
 */
import { useExactPlan, type ComponentCurves, type ExactPlans } from './component-curves';
import { componentPlan, type Components } from './component-split';
import { LazyHeap } from './heap';
import type { CoverageState } from './state';

/**
 * Applies improving exchanges (see the module comment) until none is left or `deadlineMs` passes.
 * @returns the number of moves made
 */
export function exchangeSites(
  state: CoverageState,
  components: Components,
  curves: ComponentCurves,
  plans: ExactPlans,
  tolerance: number,
  deadlineMs: number,
): number {
  const { siteStart, sites } = components;
  const { value, start } = curves;
  const componentOf = new Int32Array(state.siteCount).fill(-1);
  for (const c of plans.keys()) for (let t = siteStart[c]; t < siteStart[c + 1]; t++) componentOf[sites[t]] = c;
  const covered = new Float64Array(components.count);
  const open = new Uint32Array(components.count);
  const refresh = (c: number): void => {
    [covered[c], open[c]] = componentPlan(state, components, c);
  };
  const size = (c: number): number => siteStart[c + 1] - siteStart[c];
  const upGain = (c: number): number => value[start[c] + open[c] + 1] - covered[c];
  const downLoss = (c: number): number => covered[c] - value[start[c] + open[c] - 1];
  const up = new LazyHeap(components.count, upGain, (c) => plans.has(c) && open[c] < size(c));
  const down = new LazyHeap(
    components.count,
    (c) => -downLoss(c),
    (c) => plans.has(c) && open[c] > 0,
  );
  for (const c of plans.keys()) {
    refresh(c);
    if (open[c] < size(c)) up.push(c);
    if (open[c] > 0) down.push(c);
  }
  const rearrange = (c: number, k: number): void => useExactPlan(state, components, c, plans.get(c)!, k);
  const touched: number[] = [];
  const touch = (j: number): void => {
    if (componentOf[j] >= 0) touched.push(componentOf[j]);
  };
  let moves = 0;
  const journal: number[] = [];
  while (performance.now() < deadlineMs) {
    const cu = up.top();
    const ju = state.gainHeap.top();
    const cd = down.top();
    const jd = state.lossHeap.top();
    const gainComponent = cu >= 0 ? upGain(cu) : -Infinity;
    const gainSite = ju >= 0 ? state.gain[ju] : -Infinity;
    const lossComponent = cd >= 0 ? downLoss(cd) : Infinity;
    const lossSite = jd >= 0 ? state.loss[jd] : Infinity;
    // Only pairs with an exact rearrangement are new to the swap descent (two sites are its own move).
    const pairs: [number, boolean, boolean][] = [
      [gainComponent - lossSite, true, false],
      [gainSite - lossComponent, false, true],
      [cu !== cd ? gainComponent - lossComponent : -Infinity, true, true],
    ];
    pairs.sort((a, b) => b[0] - a[0]);
    const [delta, upByComponent, downByComponent] = pairs[0];
    if (!(delta > tolerance)) break;
    const before = state.covered;
    journal.length = 0;
    state.journal = journal;
    touched.length = 0;
    if (downByComponent) {
      touched.push(cd);
      rearrange(cd, open[cd] - 1);
    } else {
      touch(jd);
      state.close(jd);
    }
    for (const c of touched) refresh(c);
    if (upByComponent) {
      refresh(cu);
      touched.push(cu);
      rearrange(cu, open[cu] + 1);
    } else {
      touch(ju);
      state.open(ju);
    }
    state.journal = undefined;
    if (state.covered <= before + tolerance) {
      // The two moves interfered (same component): undo them and stop.
      for (let q = journal.length - 1; q >= 0; q--) {
        const e = journal[q];
        if (e > 0) state.close(e - 1);
        else state.open(-e - 1);
      }
      for (const c of touched) refresh(c);
      break;
    }
    for (const c of touched) {
      refresh(c);
      up.push(c);
      down.push(c);
    }
    moves++;
  }
  return moves;
}
