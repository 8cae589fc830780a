/**
 * A crash-safe handle on one comlink worker, shared by the planner and rollout clients: makes the worker on first
 * use, wraps it as a `Remote<Api>`, rejects every pending call with the reason when the worker dies (an uncaught
 * error, an unreadable message, `terminate`), and makes a new worker on the next call. Also the shared stop flag
 * by which a caller cancels a computation that never yields to the worker's event loop.
 */
import * as Comlink from 'comlink';

/** Makes a worker; injectable so tests can pass another endpoint. */
export type WorkerFactory = () => Worker;

export class WorkerHandle<Api> {
  private worker: Worker | undefined;
  private remote: Comlink.Remote<Api> | undefined;
  private readonly pending = new Set<(error: Error) => void>();
  private stopFlag: Int32Array | undefined;

  /**
   * @param name the worker's name in messages, e.g. "planner"
   * @param createWorker makes the worker
   */
  constructor(
    private readonly name: string,
    private readonly createWorker: WorkerFactory,
  ) {}

  /** The remote API, connecting first when there is no live worker. */
  connect(): Comlink.Remote<Api> {
    if (this.remote !== undefined) return this.remote;
    const worker = this.createWorker();
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.crash(new Error(`${this.name} worker crashed: ${event.message || 'unknown error'}`));
    });
    worker.addEventListener('messageerror', () =>
      this.crash(new Error(`${this.name} worker sent an unreadable message`)),
    );
    this.worker = worker;
    this.remote = Comlink.wrap<Api>(worker);
    return this.remote;
  }

  /** The remote API of the live worker, or undefined (no worker is started for it). */
  current(): Comlink.Remote<Api> | undefined {
    return this.remote;
  }

  /**
   * A call's promise that also rejects when the worker dies before it settles (comlink alone would wait forever);
   * a rejection that is not an Error becomes one.
   */
  guard<T>(call: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const onCrash = (error: Error): void => reject(error);
      this.pending.add(onCrash);
      call
        .then(resolve, (error: unknown) => reject(error instanceof Error ? error : new Error(String(error))))
        .finally(() => this.pending.delete(onCrash));
    });
  }

  /** A zeroed stop flag on shared memory when the page is cross-origin isolated, else undefined. */
  freshStopFlag(): Int32Array | undefined {
    const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
    this.stopFlag = isolated ? new Int32Array(new SharedArrayBuffer(4)) : undefined;
    return this.stopFlag;
  }

  /** Raises the last stop flag (no effect without one). */
  raiseStopFlag(): void {
    if (this.stopFlag !== undefined) Atomics.store(this.stopFlag, 0, 1);
  }

  /** Terminates the worker at once; pending calls are rejected with `reason`, the next call starts a new worker. */
  crash(error: Error): void {
    this.remote?.[Comlink.releaseProxy]();
    this.worker?.terminate();
    this.worker = undefined;
    this.remote = undefined;
    for (const reject of this.pending) reject(error);
    this.pending.clear();
  }
}
