/**
 * The greedy steps of partial set cover: open the site of largest uncovered weight until the target is reached
 * (V. Chvatal, "A greedy heuristic for the set-covering problem", Mathematics of Operations Research 4 (1979)
 * 233-235), and close the sites the target no longer needs.
 */
import type { CoverageState } from '../max-coverage/state';

/**
 * Opens the proposed site of largest gain until `target` is covered or no site gains.
 * @returns the gain of the last site opened (0 when none was)
 */
export function greedyToTarget(state: CoverageState, target: number, tolerance: number): number {
  let last = 0;
  while (state.covered < target - tolerance) {
    const a = state.gainHeap.top();
    if (a < 0 || state.gain[a] <= tolerance) break;
    last = state.gain[a];
    state.open(a);
  }
  return last;
}

/** Closes open proposed sites of least loss while the target still holds (an empty-loss site first). */
export function removeRedundant(state: CoverageState, target: number, tolerance: number): void {
  for (;;) {
    const r = state.lossHeap.top();
    if (r < 0 || state.covered - state.loss[r] < target - tolerance) return;
    state.close(r);
  }
}
