/**
 * The page's handle on the routes worker: creates it, wraps it with comlink as a `Remote<RoutesApi>`, forwards
 * progress, cancels through a shared stop flag, and starts a fresh worker after a crash (pending calls are rejected
 * with the reason).
 */
import * as Comlink from 'comlink';
import type { Progress } from '../../core/types';
import type { RoutesAnswer, RoutesApi, RoutesRequest } from '../../../workers/routes-api';
import { WorkerHandle, type WorkerFactory } from '../worker-handle';

const defaultFactory: WorkerFactory = () =>
  new Worker(new URL('../../../workers/routes.worker.ts', import.meta.url), { type: 'module', name: 'routes' });

/** One routes worker at a time. */
export class RoutesClient {
  private readonly handle: WorkerHandle<RoutesApi>;
  /** Whether the running call has a shared stop flag (else Cancel ends the worker). */
  private shared = false;

  constructor(createWorker: WorkerFactory = defaultFactory) {
    this.handle = new WorkerHandle<RoutesApi>('routes', createWorker);
  }

  /** Plans the runs in the worker; rejects with the worker's message when it fails or crashes. */
  plan(request: RoutesRequest, onProgress?: (progress: Progress) => void): Promise<RoutesAnswer> {
    const remote = this.handle.connect();
    const stopFlag = this.handle.freshStopFlag();
    this.shared = stopFlag !== undefined;
    const progress = onProgress === undefined ? undefined : Comlink.proxy(onProgress);
    return this.handle.guard(remote.plan(request, progress, stopFlag));
  }

  /**
   * Stops the running call: with a shared stop flag it resolves with the best runs so far; without one (a page that
   * is not cross-origin isolated, where a message waits behind the search) the worker is ended and the call
   * rejects with "cancelled".
   */
  cancel(): void {
    if (!this.shared) {
      this.handle.crash(new Error('cancelled'));
      return;
    }
    this.handle.raiseStopFlag();
    void this.handle.current()?.cancel();
  }
}
