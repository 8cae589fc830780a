/**
 * What every worker entry needs besides its core call: progress passed on at a bounded rate, and the caller's
 * progress proxy released when a call ends (a comlink proxy holds a MessagePort open until released).
 */
import * as Comlink from 'comlink';
import type { Progress } from '../src/core/types';

/** Least time between two progress messages to the caller, in milliseconds (solvers may report far more often). */
export const PROGRESS_INTERVAL_MS = 50;

/**
 * Passes on at most one call per `intervalMs`; the first call and the last one (share 1) always go through.
 * @param callback the caller's progress function (a comlink proxy)
 */
export function throttle(
  callback: (progress: Progress) => void,
  intervalMs = PROGRESS_INTERVAL_MS,
): (progress: Progress) => void {
  let last = -Infinity;
  return (progress) => {
    const now = performance.now();
    if (now - last < intervalMs && progress.share < 1) return;
    last = now;
    void callback(progress);
  };
}

/** Releases a progress callback that came over comlink (a proxy); a plain function (in-thread tests) is left alone. */
export function releaseProgress(onProgress: unknown): void {
  if (typeof onProgress !== 'function' || !(Comlink.releaseProxy in onProgress)) return;
  (onProgress as { [Comlink.releaseProxy]: () => void })[Comlink.releaseProxy]();
}

/**
 * A check of the caller's stop flag: true once the caller wrote a non-zero value into it. Only a flag on a
 * SharedArrayBuffer is seen while a call runs (a copied one never changes), so any other gives a constant false.
 */
export function sharedStop(stopFlag: Int32Array | undefined): () => boolean {
  if (stopFlag === undefined || typeof SharedArrayBuffer === 'undefined') return () => false;
  if (!(stopFlag.buffer instanceof SharedArrayBuffer)) return () => false;
  return () => Atomics.load(stopFlag, 0) !== 0;
}
