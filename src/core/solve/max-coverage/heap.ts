/**
 * A binary max-heap of (priority, site) pairs with lazy invalidation, the priority queue of lazy greedy
 * (M. Minoux, "Accelerated greedy algorithms for maximizing submodular set functions", Optimization Techniques,
 * LNCS 7 (1978) 234-243).
 *
 * Entries are never updated in place. The owner pushes a fresh entry whenever a site's priority rises; when it
 * falls, the old entry (now an over-estimate) stays and is repaired on `top()`: the entry is popped and re-pushed
 * with the current priority, as in Minoux's method. Entries of sites that are not eligible are dropped on `top()`.
 * Ties are broken by the smaller site index, so every run makes the same choices.
 */
export class LazyHeap {
  private keys: Float64Array;
  private ids: Uint32Array;
  private size = 0;

  /**
   * @param siteCount sites are 0 .. siteCount-1; when stale entries pile up past 4 x siteCount + 1024 the heap is
   *   rebuilt from the eligible sites (O(n log n), rare)
   * @param priority current priority of a site
   * @param eligible whether a site may be returned by `top()`
   */
  constructor(
    private readonly siteCount: number,
    private readonly priority: (site: number) => number,
    private readonly eligible: (site: number) => boolean,
  ) {
    this.keys = new Float64Array(Math.max(16, siteCount));
    this.ids = new Uint32Array(Math.max(16, siteCount));
  }

  /** Empties the heap and adds one entry for every eligible site. */
  rebuild(): void {
    this.size = 0;
    for (let j = 0; j < this.siteCount; j++) if (this.eligible(j)) this.push(j);
  }

  /** Number of stored entries, stale ones included. */
  get length(): number {
    return this.size;
  }

  /** Removes every entry. */
  clear(): void {
    this.size = 0;
  }

  /** Adds an entry for `site` with its current priority. */
  push(site: number): void {
    if (this.size > 4 * this.siteCount + 1024) {
      this.rebuild();
      return;
    }
    if (this.size === this.keys.length) this.grow();
    const key = this.priority(site);
    let pos = this.size++;
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      if (!this.before(key, site, this.keys[parent], this.ids[parent])) break;
      this.keys[pos] = this.keys[parent];
      this.ids[pos] = this.ids[parent];
      pos = parent;
    }
    this.keys[pos] = key;
    this.ids[pos] = site;
  }

  /**
   * The eligible site of highest current priority, or -1 when there is none. Stale entries met on the way are
   * dropped or repaired; the returned entry stays in the heap (call `pop()` to remove it).
   */
  top(): number {
    while (this.size > 0) {
      const site = this.ids[0];
      if (!this.eligible(site)) {
        this.pop();
        continue;
      }
      const current = this.priority(site);
      if (current !== this.keys[0]) {
        this.pop();
        this.push(site);
        continue;
      }
      return site;
    }
    return -1;
  }

  /** Removes the first entry. */
  pop(): void {
    if (this.size === 0) return;
    const last = --this.size;
    if (last === 0) return;
    const key = this.keys[last];
    const site = this.ids[last];
    let pos = 0;
    const half = last >> 1;
    while (pos < half) {
      let child = 2 * pos + 1;
      const right = child + 1;
      if (right < last && this.before(this.keys[right], this.ids[right], this.keys[child], this.ids[child])) {
        child = right;
      }
      if (!this.before(this.keys[child], this.ids[child], key, site)) break;
      this.keys[pos] = this.keys[child];
      this.ids[pos] = this.ids[child];
      pos = child;
    }
    this.keys[pos] = key;
    this.ids[pos] = site;
  }

  /** True when (keyA, idA) comes before (keyB, idB): larger key first, then smaller id. */
  private before(keyA: number, idA: number, keyB: number, idB: number): boolean {
    return keyA > keyB || (keyA === keyB && idA < idB);
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    keys.set(this.keys);
    const ids = new Uint32Array(this.ids.length * 2);
    ids.set(this.ids);
    this.keys = keys;
    this.ids = ids;
  }
}
