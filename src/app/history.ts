/**
 * Undo and redo over whole snapshots: every edit and every suggestion makes a new present, and the old one goes
 * on the past stack. Snapshots are immutable, so keeping one costs a reference, not a copy.
 */

/** The snapshots before and after the present one; `past` ends with the most recent. */
export interface History<T> {
  past: T[];
  future: T[];
}

/** Most snapshots kept on each stack; older ones are dropped. */
export const HISTORY_LIMIT = 200;

export function emptyHistory<T>(): History<T> {
  return { past: [], future: [] };
}

/** Makes `next` the present: `present` goes on the past stack and the redo stack is cleared. */
export function commit<T>(history: History<T>, present: T, next: T): { history: History<T>; present: T } {
  const past = [...history.past, present].slice(-HISTORY_LIMIT);
  return { history: { past, future: [] }, present: next };
}

/** Steps back one snapshot, or returns null when there is nothing to undo. */
export function undo<T>(history: History<T>, present: T): { history: History<T>; present: T } | null {
  if (history.past.length === 0) return null;
  const previous = history.past[history.past.length - 1];
  return {
    history: { past: history.past.slice(0, -1), future: [present, ...history.future].slice(0, HISTORY_LIMIT) },
    present: previous,
  };
}

/** Steps forward one snapshot, or returns null when there is nothing to redo. */
export function redo<T>(history: History<T>, present: T): { history: History<T>; present: T } | null {
  if (history.future.length === 0) return null;
  const [next, ...future] = history.future;
  return { history: { past: [...history.past, present], future }, present: next };
}
