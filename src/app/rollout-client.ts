/**
 * The page's handle on the rollout worker: creates it, wraps it with comlink as a `Remote<RolloutApi>`, forwards
 * progress, cancels through a shared stop flag, and starts a fresh worker after a crash (pending calls are
 * rejected with the reason).
 */
import * as Comlink from 'comlink';
import type { ProvincePart } from '../core/live/national';
import type { RolloutApi, RolloutArea } from '../core/rollout/rollout-api';
import type { RolloutParams, RolloutResult } from '../core/rollout/rollout-types';
import type { Progress } from '../core/types';

/** Makes a worker; injectable so tests can pass another endpoint. */
export type RolloutWorkerFactory = () => Worker;

const defaultFactory: RolloutWorkerFactory = () =>
  new Worker(new URL('../../workers/rollout.worker.ts', import.meta.url), { type: 'module', name: 'rollout' });

/** One rollout worker at a time; it keeps the national villages between runs. */
export class RolloutClient {
  private worker: Worker | undefined;
  private remote: Comlink.Remote<RolloutApi> | undefined;
  private readonly pending = new Set<(error: Error) => void>();
  private stopFlag: Int32Array | undefined;

  constructor(
    private readonly dataUrl: string,
    private readonly createWorker: RolloutWorkerFactory = defaultFactory,
  ) {}

  /**
   * Runs a rollout in the worker.
   * @returns the result; rejects with the worker's error message when the run fails or the worker crashes
   */
  run(params: RolloutParams, onProgress?: (progress: Progress) => void): Promise<RolloutResult> {
    const remote = this.connect();
    const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
    this.stopFlag = isolated ? new Int32Array(new SharedArrayBuffer(4)) : undefined;
    const progress = onProgress === undefined ? undefined : Comlink.proxy(onProgress);
    return this.guard(remote.run(this.dataUrl, params, progress, this.stopFlag));
  }

  /** Where each province file's villages sit in `result.villageYear`. */
  parts(): Promise<ProvincePart[]> {
    return this.guard(this.connect().parts(this.dataUrl));
  }

  /** Year-by-year figures of an area of the last run. */
  area(code: string): Promise<RolloutArea> {
    return this.guard(this.connect().area(code));
  }

  /** Asks the running rollout to stop; it rejects with the engine's message or resolves with what it has. */
  cancel(): void {
    if (this.stopFlag !== undefined) Atomics.store(this.stopFlag, 0, 1);
    void this.remote?.cancel();
  }

  /** Stops the worker at once; pending calls are rejected with `reason`, the next call starts a new worker. */
  restart(reason = 'the rollout worker was restarted'): void {
    this.crash(new Error(reason));
  }

  private guard<T>(call: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const onCrash = (error: Error): void => reject(error);
      this.pending.add(onCrash);
      call
        .then(resolve, (error: unknown) => reject(error instanceof Error ? error : new Error(String(error))))
        .finally(() => this.pending.delete(onCrash));
    });
  }

  private connect(): Comlink.Remote<RolloutApi> {
    if (this.remote !== undefined) return this.remote;
    const worker = this.createWorker();
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.crash(new Error(`rollout worker crashed: ${event.message || 'unknown error'}`));
    });
    worker.addEventListener('messageerror', () => this.crash(new Error('rollout worker sent an unreadable message')));
    this.worker = worker;
    this.remote = Comlink.wrap<RolloutApi>(worker);
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
}
