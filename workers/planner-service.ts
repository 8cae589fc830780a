/**
 * The planner worker's API object: the {@link PlannerApi} implementation that `planner.worker.ts` exposes with
 * comlink. Kept apart from the worker entry so that tests can run it in Node (comlink over a MessageChannel) and
 * so that the entry stays a few lines of wiring.
 */
import * as Comlink from 'comlink';
import { runPlan } from '../src/core/plan';
import type { PlanRequest, PlanResult } from '../src/core/plan-types';
import { resultBuffers, type PlannerApi } from '../src/core/planner-api';
import type { Progress } from '../src/core/types';

/** Least time between two progress messages to the caller, in milliseconds (solvers may report far more often). */
export const PROGRESS_INTERVAL_MS = 50;

/** Passes on at most one call per `intervalMs`; the first call always goes through. */
function throttle(callback: (progress: Progress) => void, intervalMs: number): (progress: Progress) => void {
  let last = -Infinity;
  return (progress) => {
    const now = performance.now();
    if (now - last < intervalMs) return;
    last = now;
    void callback(progress);
  };
}

/** Runs plans one at a time, with progress, cancel and transferable results. */
export class PlannerService implements PlannerApi {
  private running = false;
  private stopRequested = false;

  async plan(
    request: PlanRequest,
    onProgress?: (progress: Progress) => void,
    stopFlag?: Int32Array,
  ): Promise<PlanResult> {
    if (this.running) throw new Error('a plan is already running in this worker; cancel it or wait');
    this.running = true;
    this.stopRequested = false;
    const shared =
      stopFlag !== undefined &&
      typeof SharedArrayBuffer !== 'undefined' &&
      stopFlag.buffer instanceof SharedArrayBuffer;
    try {
      const result = await runPlan(request, {
        onProgress: onProgress === undefined ? undefined : throttle(onProgress, PROGRESS_INTERVAL_MS),
        shouldStop: () => this.stopRequested || (shared && Atomics.load(stopFlag, 0) !== 0),
      });
      return Comlink.transfer(result, resultBuffers(result));
    } finally {
      this.running = false;
      // On the worker side a Comlink.proxy callback is a remote: release its port once the plan is over.
      const remote = onProgress as unknown as { [Comlink.releaseProxy]?: () => void } | undefined;
      if (typeof onProgress === 'function' && Comlink.releaseProxy in onProgress) remote?.[Comlink.releaseProxy]?.();
    }
  }

  cancel(): void {
    if (this.running) this.stopRequested = true;
  }

  busy(): boolean {
    return this.running;
  }
}
