/**
 * Routes worker: plans the daily delivery runs of a plan (`planRuns`) off the main thread and exposes them with
 * comlink as a {@link RoutesApi}. Thin on purpose: the API object is `RoutesService`.
 */
import * as Comlink from 'comlink';
import type { RoutesApi } from './routes-api';
import { RoutesService } from './routes-service';

const api: RoutesApi = new RoutesService();
Comlink.expose(api);
