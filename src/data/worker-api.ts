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
  loadVillagePositions(dataUrl: string, provinceCode: string): Promise<VillagePositions>;
}

/** The embedded villages of one province as the map needs them: positions and rural flags (transferable). */
export interface VillagePositions {
  provinceCode: string;
  count: number;
  /** Interleaved [lon, lat, …] in degrees. */
  positions: Float32Array;
  /** 1 for a rural committee, 0 for an urban residents' committee, per village. */
  rural: Uint8Array;
}
