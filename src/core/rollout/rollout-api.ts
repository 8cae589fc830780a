/**
 * The API of the rollout worker (`workers/rollout.worker.ts`), shared by the worker, which `implements` it, and its
 * caller (`src/app/rollout/client.ts`), which holds a comlink `Remote<RolloutApi>`: a renamed method or a changed
 * signature fails to compile on both sides.
 *
 * The worker loads the embedded villages of every province once (merged in manifest order, as `npm run rollout`
 * does), runs `runRollout` and transfers the result's typed arrays back.
 */
import type { ProvincePart } from '../live/national';
import type { Progress } from '../types';
import type { RolloutParams, RolloutResult } from './rollout-types';
import { uniqueBuffers } from '../transfer';

/** Figures of one area (a province or a county) at the end of one year of a rollout, cumulative. */
export interface RolloutAreaYear {
  year: number;
  /** Open centers and stations in the area at the end of the year. */
  centers: number;
  stations: number;
  /** Spend on the area's sites up to the end of the year (set-up + running), yuan. */
  spendYuan: number;
  /** The area's rural villages covered by the end of the year (`villageYear` in 1..year). */
  ruralVillagesCovered: number;
}

/** An area of the last rollout, for the government view. */
export interface RolloutArea {
  /** 2-digit province or 6-digit county code. */
  code: string;
  /** The county's registry name ('' for a province or an unknown code: the page names provinces). */
  name: string;
  /** [west, south, east, north] around the area's villages, degrees; null when the area has no village. */
  bbox: [number, number, number, number] | null;
  /** Rural villages of the area (the share's denominator). */
  ruralVillages: number;
  years: RolloutAreaYear[];
}

/** Operations of the rollout worker. */
export interface RolloutApi {
  /**
   * Runs `runRollout` on every village of the embedded dataset under `dataUrl` (fetched once and cached): the same
   * input, code and result as `npm run rollout` for the same parameters. One run at a time.
   *
   * @param dataUrl absolute base URL of the embedded dataset, ending in `/`
   * @param params the rollout's parameters
   * @param onProgress called now and then with the share done (a comlink proxy)
   * @param stopFlag optional Int32Array on a SharedArrayBuffer: the caller sets element 0 to 1 to stop (read with
   *   Atomics, so it works while the engine never yields)
   * @returns the result with its typed arrays transferred; rejects with the error message on failure
   */
  run(
    dataUrl: string,
    params: RolloutParams,
    onProgress?: (progress: Progress) => void,
    stopFlag?: Int32Array,
  ): Promise<RolloutResult>;

  /** Where each province file's villages sit in the merged table (and so in `result.villageYear`). */
  parts(dataUrl: string): Promise<ProvincePart[]>;

  /**
   * Year-by-year figures of one area of the last run (a 2-digit province or 6-digit county code).
   * @throws Error when nothing has run yet
   */
  area(code: string): Promise<RolloutArea>;

  /** Asks the running rollout to stop (seen when the worker's event loop gets a turn; the stop flag is immediate). */
  cancel(): void;
}

/** The ArrayBuffers under a result's typed arrays, each once, for `Comlink.transfer`. */
export function rolloutResultBuffers(result: RolloutResult): ArrayBuffer[] {
  const { sites } = result;
  const arrays: ArrayBufferView[] = [
    sites.lon,
    sites.lat,
    sites.role,
    sites.year,
    sites.county,
    sites.village,
    sites.setupYuan,
    result.villageYear,
  ];
  return uniqueBuffers(arrays);
}
