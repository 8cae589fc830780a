/**
 * Planar euclidean reach, for instances given in projected coordinates (metres or kilometres on a plane, e.g.
 * the SJC324 benchmark in UTM metres): site j covers demand i when
 * `Math.sqrt((xi - xj)^2 + (yi - yj)^2) <= radius` (inclusive), in the coordinates' own unit.
 */
import { coverageFromSiteLists, IndexBuffer } from '../coverage/csr';
import { buildStripIndex, lowerBound, stripRange } from '../coverage/strips';
import type { CoverageSets } from '../types';

/** Points on a plane; x and y in one length unit (metres or kilometres). */
export interface PlanarPoints {
  count: number;
  x: Float64Array;
  y: Float64Array;
}

/**
 * Coverage sets of a euclidean radius on the plane. Demand points go into a strip index (`coverage/strips.ts`,
 * strip height = radius / 2); each site scans the strips within the radius over the column window [x - r, x + r].
 *
 * @param demand demand points (x, y)
 * @param sites candidate sites (x, y), same unit
 * @param radius reach in the same unit (>= 0)
 * @example
 * const cov = coverageByPlanarRadius(sjcPoints, sjcPoints, 800); // 800 m
 */
export function coverageByPlanarRadius(demand: PlanarPoints, sites: PlanarPoints, radius: number): CoverageSets {
  for (const [points, what] of [
    [demand, 'demand'],
    [sites, 'site'],
  ] as const) {
    if (points.x.length !== points.count || points.y.length !== points.count) {
      throw new Error(`Expected ${points.count} ${what} x and y, got ${points.x.length} and ${points.y.length}.`);
    }
  }
  if (!(radius >= 0) || !Number.isFinite(radius))
    throw new Error(`radius must be a finite number >= 0, got ${radius}.`);
  let span = 0;
  for (let i = 0; i < demand.count; i++) span = Math.max(span, Math.abs(demand.y[i]));
  const index = buildStripIndex(demand.y, demand.x, Math.max(radius / 2, span * 1e-12, 1e-12));
  const offsets = new Uint32Array(sites.count + 1);
  const buffer = new IndexBuffer(Math.max(1024, sites.count * 8));
  const pad = radius * 1e-12;
  for (let j = 0; j < sites.count; j++) {
    const x = sites.x[j];
    const y = sites.y[j];
    const [first, last] = stripRange(index, y - radius - pad, y + radius + pad);
    for (let strip = first; strip <= last; strip++) {
      const end = index.stripOffsets[strip + 1];
      const hiX = x + radius + pad;
      for (let k = lowerBound(index.col, index.stripOffsets[strip], end, x - radius - pad); k < end; k++) {
        if (index.col[k] > hiX) break;
        const i = index.order[k];
        const dx = demand.x[i] - x;
        const dy = demand.y[i] - y;
        if (Math.sqrt(dx * dx + dy * dy) <= radius) buffer.push(i);
      }
    }
    offsets[j + 1] = buffer.length;
  }
  return coverageFromSiteLists(demand.count, sites.count, offsets, buffer.toArray());
}
