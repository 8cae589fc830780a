/**
 * A static spatial index of points in horizontal strips: points are bucketed by `row` coordinate (latitude or
 * planar y) into strips of equal height, and sorted by `col` coordinate (longitude or planar x) inside each strip.
 * A disc query visits the few strips its bounding box crosses and binary-searches the column window in each,
 * so it scans about (2r + h) x 2r of area for a disc of radius r with strip height h (h = r/2: 5r^2 for a
 * pi r^2 disc, ~63 % of the scanned points are hits).
 *
 * Why not kdbush/flatbush: measured at national scale (456,459 rural villages, every village a candidate, 3 km,
 * 5.4 M covered pairs, tests/bench/national.ts measures both in one run), the whole coverage build with this index
 * took 0.55 s against 0.90 s for a kdbush range query plus the same exact test and CSR assembly (the query loops
 * alone: ~0.25 s against ~1.1 s in input order). Building is one counting sort plus a per-strip typed quicksort;
 * a query is a few binary searches followed by contiguous scans of sorted typed arrays, and queries are issued in
 * the same strip order so consecutive ones stay in cache, whereas a k-d tree query walks the tree and returns a
 * fresh JS array per query. A uniform lon/lat grid was not kept: longitude cells must widen with latitude (18-54 N
 * in China), which the per-strip longitude windows handle exactly.
 *
 * Like kdbush, all data lives in typed arrays; the index is immutable once built.
 */

/** The built index. `order[k]` is the original index of the k-th point in strip-major, column-sorted order. */
export interface StripIndex {
  /** Lower row coordinate of strip 0. */
  rowMin: number;
  /** Height of a strip, in row units (> 0). */
  stripHeight: number;
  stripCount: number;
  /** Strip s holds sorted slots `stripOffsets[s] .. stripOffsets[s+1])`. */
  stripOffsets: Uint32Array;
  /** Original point index of each sorted slot. */
  order: Uint32Array;
  /** Column coordinate of each sorted slot (ascending within a strip). */
  col: Float64Array;
}

/** Largest number of strips built, whatever the height asked (keeps memory bounded for tiny radii). */
const MAX_STRIPS = 1 << 22;

/**
 * Builds the index: O(n log n) (one counting sort into strips, then a sort of each strip by column).
 *
 * @param row row coordinate of each point (latitude in degrees, or planar y)
 * @param col column coordinate of each point (longitude in degrees, or planar x)
 * @param stripHeight wanted strip height in row units; enlarged when it would make more than 4M strips
 */
export function buildStripIndex(row: Float64Array, col: Float64Array, stripHeight: number): StripIndex {
  const n = row.length;
  if (col.length !== n) throw new Error(`Expected ${n} column coordinates, got ${col.length}.`);
  if (!(stripHeight > 0) || !Number.isFinite(stripHeight)) {
    throw new Error(`Strip height must be a positive finite number, got ${stripHeight}.`);
  }
  let rowMin = Infinity;
  let rowMax = -Infinity;
  for (let i = 0; i < n; i++) {
    const r = row[i];
    const c = col[i];
    if (!Number.isFinite(r) || !Number.isFinite(c)) throw new Error(`Point ${i} has a non-finite coordinate.`);
    if (r < rowMin) rowMin = r;
    if (r > rowMax) rowMax = r;
  }
  if (n === 0) rowMin = rowMax = 0;
  const height = Math.max(stripHeight, (rowMax - rowMin) / MAX_STRIPS);
  const stripCount = Math.floor((rowMax - rowMin) / height) + 1;
  const stripOf = new Uint32Array(n);
  const stripOffsets = new Uint32Array(stripCount + 1);
  for (let i = 0; i < n; i++) {
    const s = Math.min(stripCount - 1, Math.floor((row[i] - rowMin) / height));
    stripOf[i] = s;
    stripOffsets[s + 1]++;
  }
  for (let s = 0; s < stripCount; s++) stripOffsets[s + 1] += stripOffsets[s];
  const cursor = stripOffsets.slice(0, stripCount);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[cursor[stripOf[i]]++] = i;
  // Sort each strip by (column, original index), so the index is deterministic.
  const sortedCol = new Float64Array(n);
  for (let k = 0; k < n; k++) sortedCol[k] = col[order[k]];
  for (let s = 0; s < stripCount; s++) sortPairs(sortedCol, order, stripOffsets[s], stripOffsets[s + 1] - 1);
  return { rowMin, stripHeight: height, stripCount, stripOffsets, order, col: sortedCol };
}

/**
 * Sorts slots [left, right] of `keys` ascending, ties by `ids`, moving `ids` along (quicksort with median-of-three
 * pivot and insertion sort below 16 slots; recursion only on the smaller side, so the stack stays O(log n)).
 */
function sortPairs(keys: Float64Array, ids: Uint32Array, left: number, right: number): void {
  while (right - left > 16) {
    const mid = (left + right) >>> 1;
    if (less(keys, ids, mid, left)) swap(keys, ids, mid, left);
    if (less(keys, ids, right, left)) swap(keys, ids, right, left);
    if (less(keys, ids, right, mid)) swap(keys, ids, right, mid);
    const pivotKey = keys[mid];
    const pivotId = ids[mid];
    let i = left;
    let j = right;
    while (i <= j) {
      while (keys[i] < pivotKey || (keys[i] === pivotKey && ids[i] < pivotId)) i++;
      while (keys[j] > pivotKey || (keys[j] === pivotKey && ids[j] > pivotId)) j--;
      if (i <= j) {
        swap(keys, ids, i, j);
        i++;
        j--;
      }
    }
    if (j - left < right - i) {
      sortPairs(keys, ids, left, j);
      left = i;
    } else {
      sortPairs(keys, ids, i, right);
      right = j;
    }
  }
  for (let a = left + 1; a <= right; a++) {
    const key = keys[a];
    const id = ids[a];
    let b = a - 1;
    while (b >= left && (keys[b] > key || (keys[b] === key && ids[b] > id))) {
      keys[b + 1] = keys[b];
      ids[b + 1] = ids[b];
      b--;
    }
    keys[b + 1] = key;
    ids[b + 1] = id;
  }
}

function less(keys: Float64Array, ids: Uint32Array, a: number, b: number): boolean {
  return keys[a] < keys[b] || (keys[a] === keys[b] && ids[a] < ids[b]);
}

function swap(keys: Float64Array, ids: Uint32Array, a: number, b: number): void {
  const k = keys[a];
  keys[a] = keys[b];
  keys[b] = k;
  const id = ids[a];
  ids[a] = ids[b];
  ids[b] = id;
}

/** First slot in [start, end) whose column is >= value (binary search on the sorted column keys). */
export function lowerBound(col: Float64Array, start: number, end: number, value: number): number {
  let lo = start;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (col[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Range of strips [first, last] that intersect rows [rowLow, rowHigh] (empty when first > last). */
export function stripRange(index: StripIndex, rowLow: number, rowHigh: number): [number, number] {
  const first = Math.max(0, Math.floor((rowLow - index.rowMin) / index.stripHeight));
  const last = Math.min(index.stripCount - 1, Math.floor((rowHigh - index.rowMin) / index.stripHeight));
  return [first, last];
}
