/**
 * The routes worker's API object: the {@link RoutesApi} implementation that `routes.worker.ts` exposes with comlink.
 * Kept apart from the worker entry so that tests run it in Node. The work is `planRuns` (src/core/route/plan-runs.ts);
 * this adds the county of each center (that of its nearest demand village) and transfers the typed arrays back.
 */
import * as Comlink from 'comlink';
import { haversineKm } from '../src/core/distance/haversine';
import { planRuns, type RunsResult } from '../src/core/route/plan-runs';
import type { Progress } from '../src/core/types';
import type { RoutesAnswer, RoutesApi, RoutesRequest } from './routes-api';
import { releaseProgress, sharedStop, throttle } from './toolkit';

/**
 * County code of each center of a result: the county of the demand village nearest to it ("" without villages).
 * A linear scan per center (a plan has tens of centers, a province some 30,000 villages).
 */
export function centerCounties(request: RoutesRequest, result: RunsResult): string[] {
  const { villages, sites } = request;
  return result.centers.map(({ center }) => {
    let best = -1;
    let bestKm = Infinity;
    for (let i = 0; i < villages.count; i++) {
      const km = haversineKm(sites.lon[center], sites.lat[center], villages.lon[i], villages.lat[i]);
      if (km < bestKm) [best, bestKm] = [i, km];
    }
    return best < 0 ? '' : (request.villageCounty[best] ?? '');
  });
}

/** Plans runs one call at a time, with progress, cancel and transferable results. */
export class RoutesService implements RoutesApi {
  private running = false;
  private stopRequested = false;

  async plan(
    request: RoutesRequest,
    onProgress?: (progress: Progress) => void,
    stopFlag?: Int32Array,
  ): Promise<RoutesAnswer> {
    if (this.running) throw new Error('delivery runs are already being planned in this worker; cancel or wait');
    this.running = true;
    this.stopRequested = false;
    const stopped = sharedStop(stopFlag);
    try {
      // One turn of the event loop first, so that a cancel sent right after the call is seen.
      await Promise.resolve();
      const result = planRuns(
        {
          villages: request.villages,
          villageFactor: request.villageFactor,
          sites: { ...request.sites, name: request.sites.id },
          stationReachKm: request.stationReachKm,
          centerReachKm: request.centerReachKm,
          params: request.params,
        },
        {
          seed: request.seed,
          timeBudgetSec: request.timeBudgetSec,
          onProgress: onProgress === undefined ? undefined : throttle(onProgress),
          shouldStop: () => this.stopRequested || stopped(),
        },
      );
      const answer: RoutesAnswer = { result, centerCounty: centerCounties(request, result) };
      const buffers = [result.siteDeliveries.buffer, result.sitePickups.buffer, result.siteCenter.buffer];
      return Comlink.transfer(answer, buffers as ArrayBuffer[]);
    } finally {
      this.running = false;
      releaseProgress(onProgress);
    }
  }

  cancel(): void {
    if (this.running) this.stopRequested = true;
  }
}
