/**
 * Road worker: reads a road file streamed from a Blob, builds the road network, and answers travel tables,
 * isochrone reaches and live coverage off the main thread; exposed with comlink as a {@link RoadsApi}. The API
 * object is `RoadsService` (./roads-service.ts); this file only exposes it.
 */
import * as Comlink from 'comlink';
import type { RoadsApi } from './roads-api';
import { RoadsService } from './roads-service';

const api: RoadsApi = new RoadsService();
Comlink.expose(api);
