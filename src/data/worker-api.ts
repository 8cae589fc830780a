import type { VillagePoints } from '../map/layers/villages';

/**
 * The API of `workers/data.worker.ts`, shared by the worker and its caller (comlink), so that a renamed
 * method fails to compile. Villages are fetched and decoded off the main thread and cross as transferables.
 */
export interface DataWorkerApi {
  /**
   * Fetches and decodes the embedded villages of one province.
   * @param dataUrl absolute base URL of the embedded dataset, ending in `/`
   * @param provinceCode 2-digit province code
   */
  loadVillagePoints(dataUrl: string, provinceCode: string): Promise<VillagePoints>;
}
