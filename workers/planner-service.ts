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
import { releaseProgress, sharedStop, throttle } from './toolkit';

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
    const stopped = sharedStop(stopFlag);
    try {
      const result = await runPlan(request, {
        onProgress: onProgress === undefined ? undefined : throttle(onProgress),
        shouldStop: () => this.stopRequested || stopped(),
      });
      return Comlink.transfer(result, resultBuffers(result));
    } finally {
      this.running = false;
      releaseProgress(onProgress);
    }
  }

  cancel(): void {
    if (this.running) this.stopRequested = true;
  }

  busy(): boolean {
    return this.running;
  }
}
