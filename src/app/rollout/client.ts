/**
 * The page's handle on the rollout worker: creates it, wraps it with comlink as a `Remote<RolloutApi>`, forwards
 * progress, cancels through a shared stop flag, and starts a fresh worker after a crash (pending calls are
 * rejected with the reason).
 */
import * as Comlink from 'comlink';
import type { ProvincePart } from '../../core/live/national';
import type { RolloutApi, RolloutArea } from '../../core/rollout/rollout-api';
import type { RolloutParams, RolloutResult } from '../../core/rollout/rollout-types';
import type { Progress } from '../../core/types';
import { WorkerHandle, type WorkerFactory } from '../worker-handle';

const defaultFactory: WorkerFactory = () =>
  new Worker(new URL('../../../workers/rollout.worker.ts', import.meta.url), { type: 'module', name: 'rollout' });

/** One rollout worker at a time; it keeps the national villages between runs. */
export class RolloutClient {
  private readonly handle: WorkerHandle<RolloutApi>;

  constructor(
    private readonly dataUrl: string,
    createWorker: WorkerFactory = defaultFactory,
  ) {
    this.handle = new WorkerHandle<RolloutApi>('rollout', createWorker);
  }

  /**
   * Runs a rollout in the worker.
   * @returns the result; rejects with the worker's error message when the run fails or the worker crashes
   */
  run(params: RolloutParams, onProgress?: (progress: Progress) => void): Promise<RolloutResult> {
    const remote = this.handle.connect();
    const stopFlag = this.handle.freshStopFlag();
    const progress = onProgress === undefined ? undefined : Comlink.proxy(onProgress);
    return this.handle.guard(remote.run(this.dataUrl, params, progress, stopFlag));
  }

  /** Where each province file's villages sit in `result.villageYear`. */
  parts(): Promise<ProvincePart[]> {
    return this.handle.guard(this.handle.connect().parts(this.dataUrl));
  }

  /** Year-by-year figures of an area of the last run. */
  area(code: string): Promise<RolloutArea> {
    return this.handle.guard(this.handle.connect().area(code));
  }

  /** Asks the running rollout to stop; it rejects with the engine's message or resolves with what it has. */
  cancel(): void {
    this.handle.raiseStopFlag();
    void this.handle.current()?.cancel();
  }

  /** Stops the worker at once; pending calls are rejected with `reason`, the next call starts a new worker. */
  restart(reason = 'the rollout worker was restarted'): void {
    this.handle.crash(new Error(reason));
  }
}
