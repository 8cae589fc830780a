/**
 * The page's handle on the planner worker: creates it, wraps it with comlink as a `Remote<PlannerApi>`,
 * transfers requests as typed arrays, forwards progress, cancels, and starts a fresh worker after a crash.
 */
import * as Comlink from 'comlink';
import type { PlannerApi } from '../../core/planner-api';
import { requestBuffers } from '../../core/planner-api';
import type { PlanRequest, PlanResult } from '../../core/plan-types';
import type { Progress } from '../../core/types';
import { WorkerHandle, type WorkerFactory } from '../worker-handle';

/** Options of one {@link PlannerClient.plan} call. */
export interface PlanCallOptions {
  onProgress?: (progress: Progress) => void;
  /** Transfer the request's buffers to the worker (default true): fast, but they are detached here afterwards. */
  transfer?: boolean;
}

const defaultFactory: WorkerFactory = () =>
  new Worker(new URL('../../../workers/planner.worker.ts', import.meta.url), { type: 'module', name: 'planner' });

/**
 * One planner worker at a time. When the worker dies (an uncaught error, out of memory, `terminate`) every pending
 * call is rejected with the reason, and the next call starts a new worker (see `WorkerHandle`).
 */
export class PlannerClient {
  private readonly handle: WorkerHandle<PlannerApi>;

  constructor(createWorker: WorkerFactory = defaultFactory) {
    this.handle = new WorkerHandle<PlannerApi>('planner', createWorker);
  }

  /**
   * Runs a plan in the worker.
   * @returns the plan; rejects with the worker's error message when the plan fails or the worker crashes
   */
  plan(request: PlanRequest, options: PlanCallOptions = {}): Promise<PlanResult> {
    const remote = this.handle.connect();
    const stopFlag = this.handle.freshStopFlag();
    const payload = options.transfer === false ? request : Comlink.transfer(request, requestBuffers(request));
    const progress = options.onProgress === undefined ? undefined : Comlink.proxy(options.onProgress);
    return this.handle.guard(remote.plan(payload, progress, stopFlag));
  }

  /** Asks the running plan to stop; it resolves with its best solution so far. */
  cancel(): void {
    this.handle.raiseStopFlag();
    void this.handle.current()?.cancel();
  }

  /** Stops the worker at once (e.g. when a solver ignores `cancel`); pending plans are rejected. */
  restart(reason = 'the planner was restarted'): void {
    this.handle.crash(new Error(reason));
  }

  /** Terminates the worker for good (it is recreated on the next call). */
  dispose(): void {
    this.restart('the planner was closed');
  }
}
