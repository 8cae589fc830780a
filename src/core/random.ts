/**
 * Deterministic pseudo-random numbers: mulberry32 (Tommy Ettinger, public domain), a 32-bit state generator
 * that is fast and good enough for tie-breaking, sampling and synthetic positions. Same seed, same sequence,
 * in Node and in every browser.
 *
 * @param seed any integer (default 1)
 * @returns a function that returns floats uniformly distributed in [0, 1)
 * @example
 * const rand = createRandom(42);
 * rand(); // 0.6011037519201636
 */
export function createRandom(seed = 1): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
