/**
 * The page's handle on the planner worker: creates it, wraps it with comlink as a `Remote<PlannerApi>`,
 * transfers requests as typed arrays, forwards progress, cancels, and starts a fresh worker after a crash.
 */
import * as Comlink from 'comlink';
import type { PlannerApi } from '../core/planner-api';
import { requestBuffers } from '../core/planner-api';
import type { PlanRequest, PlanResult } from '../core/plan-types';
import type { Progress } from '../core/types';

/** Options of one {@link PlannerClient.plan} call. */
export interface PlanCallOptions {
  onProgress?: (progress: Progress) => void;
  /** Transfer the request's buffers to the worker (default true): fast, but they are detached here afterwards. */
  transfer?: boolean;
}

/** Makes a worker; injectable so tests can pass another endpoint. */
export type WorkerFactory = () => Worker;

const defaultFactory: WorkerFactory = () =>
  new Worker(new URL('../../workers/planner.worker.ts', import.meta.url), { type: 'module', name: 'planner' });

/**
 * One planner worker at a time. When the worker dies (an uncaught error, out of memory, `terminate`) every pending
 * call is rejected with the reason, and the next call starts a new worker.
 */
export class PlannerClient {
  private worker: Worker | undefined;
  private remote: Comlink.Remote<PlannerApi> | undefined;
  private readonly pending = new Set<(error: Error) => void>();
  private stopFlag: Int32Array | undefined;

  constructor(private readonly createWorker: WorkerFactory = defaultFactory) {}

  /**
   * Runs a plan in the worker.
   * @returns the plan; rejects with the worker's error message when the plan fails or the worker crashes
   */
  async plan(request: PlanRequest, options: PlanCallOptions = {}): Promise<PlanResult> {
    const remote = this.connect();
    const stopFlag = this.freshStopFlag();
    const payload = options.transfer === false ? request : Comlink.transfer(request, requestBuffers(request));
    const progress = options.onProgress === undefined ? undefined : Comlink.proxy(options.onProgress);
    return new Promise<PlanResult>((resolve, reject) => {
      const onCrash = (error: Error): void => reject(error);
      this.pending.add(onCrash);
      remote
        .plan(payload, progress, stopFlag)
        .then(resolve, (error: unknown) => reject(error instanceof Error ? error : new Error(String(error))))
        .finally(() => this.pending.delete(onCrash));
    });
  }

  /** Asks the running plan to stop; it resolves with its best solution so far. */
  cancel(): void {
    if (this.stopFlag !== undefined) Atomics.store(this.stopFlag, 0, 1);
    void this.remote?.cancel();
  }

  /** Stops the worker at once (e.g. when a solver ignores `cancel`); pending plans are rejected. */
  restart(reason = 'the planner was restarted'): void {
    this.crash(new Error(reason));
  }

  /** Terminates the worker for good (it is recreated on the next call). */
  dispose(): void {
    this.restart('the planner was closed');
  }

  private connect(): Comlink.Remote<PlannerApi> {
    if (this.remote !== undefined) return this.remote;
    const worker = this.createWorker();
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.crash(new Error(`planner worker crashed: ${event.message || 'unknown error'}`));
    });
    worker.addEventListener('messageerror', () => this.crash(new Error('planner worker sent an unreadable message')));
    this.worker = worker;
    this.remote = Comlink.wrap<PlannerApi>(worker);
    return this.remote;
  }

  private crash(error: Error): void {
    this.remote?.[Comlink.releaseProxy]();
    this.worker?.terminate();
    this.worker = undefined;
    this.remote = undefined;
    for (const reject of this.pending) reject(error);
    this.pending.clear();
  }

  /** A zeroed stop flag on shared memory when the page is cross-origin isolated, else none (cancel() messages). */
  private freshStopFlag(): Int32Array | undefined {
    const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
    this.stopFlag = isolated ? new Int32Array(new SharedArrayBuffer(4)) : undefined;
    return this.stopFlag;
  }
}
