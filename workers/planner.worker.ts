/**
 * Planner worker: runs the planning engine (`runPlan`) off the main thread and exposes it with comlink as a
 * {@link PlannerApi}. Thin on purpose: the API object is `PlannerService`; this file only wires the HiGHS Wasm
 * asset URL for the browser (Vite emits `highs.wasm` and gives its URL) and exposes the service.
 */
import * as Comlink from 'comlink';
import wasmUrl from 'highs/runtime?url';
import { configureHighs } from '../src/core/solve/mip';
import type { PlannerApi } from '../src/core/planner-api';
import { PlannerService } from './planner-service';

configureHighs({ locateFile: () => wasmUrl });

const api: PlannerApi = new PlannerService();
Comlink.expose(api);
