/**
 * An independent reference for road travel times, written plainly for the tests: the car rules restated from
 * issue 13, every raw segment of every way an edge (no chain compression, no R-tree), points snapped by brute
 * force to the nearest point of the nearest drivable segment (the foot inserted as a node, splitting the
 * segment), the snap leg at 10 km/h, and an O(V^2) array Dijkstra from each origin.
 */
import type { GeneratedNetwork } from '../../fixtures/roads/generate';

const SPEEDS: Record<string, number> = {
  motorway: 90,
  motorway_link: 45,
  trunk: 70,
  trunk_link: 40,
  primary: 60,
  primary_link: 30,
  secondary: 50,
  secondary_link: 25,
  tertiary: 40,
  tertiary_link: 20,
  unclassified: 30,
  residential: 25,
  living_street: 10,
  service: 15,
  track: 10,
};
const ACCESS_KMH = 10;
const R_M = 6371008.8;

function haversineM(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * R_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Speed (km/h) and direction of a way, or undefined when a car does not drive it. */
export function referenceRule(tags: Record<string, string>): { kmh: number; dir: number } | undefined {
  const base = SPEEDS[tags.highway];
  if (base === undefined) return undefined;
  const access = tags.motorcar ?? tags.motor_vehicle ?? tags.vehicle ?? tags.access;
  if (access === 'no' || access === 'private') return undefined;
  let kmh = base;
  const m = tags.maxspeed;
  if (m !== undefined && /^\d+(\.\d+)?$/.test(m)) kmh = Number(m);
  else if (m !== undefined && /^\d+(\.\d+)? mph$/.test(m)) kmh = Number(m.split(' ')[0]) * 1.609344;
  let dir = 0;
  if (tags.oneway === 'yes' || tags.oneway === '1' || tags.oneway === 'true') dir = 1;
  else if (tags.oneway === '-1') dir = -1;
  else if (tags.junction === 'roundabout') dir = 1;
  return { kmh, dir };
}

interface Segment {
  a: number;
  b: number;
  seconds: number;
  dir: number;
}

/**
 * Travel seconds from every origin to every destination (Infinity = unreachable), unbounded.
 * @param points all points, origins first: `[lon, lat]`
 */
export function referenceTable(
  network: GeneratedNetwork,
  origins: [number, number][],
  destinations: [number, number][],
): number[][] {
  const segments: Segment[] = [];
  for (const way of network.ways) {
    const rule = referenceRule(way.tags);
    if (rule === undefined) continue;
    for (let k = 0; k + 1 < way.nodes.length; k++) {
      const a = way.nodes[k];
      const b = way.nodes[k + 1];
      const metres = haversineM(network.lon[a], network.lat[a], network.lon[b], network.lat[b]);
      segments.push({ a, b, seconds: metres / (rule.kmh / 3.6), dir: rule.dir });
    }
  }
  const points = [...origins, ...destinations];
  const nodeCount = network.lon.length; // raw nodes 1..n-1; feet and points after
  const edges: [number, number, number][] = [];
  const feet: { seg: number; t: number; node: number }[][] = segments.map(() => []);
  let next = nodeCount;
  points.forEach(([px, py], p) => {
    const cos = Math.cos((py * Math.PI) / 180);
    const mPerDeg = (R_M * Math.PI) / 180;
    let best = Infinity;
    let bestSeg = -1;
    let bestT = 0;
    segments.forEach((s, i) => {
      const ax = (network.lon[s.a] - px) * cos * mPerDeg;
      const ay = (network.lat[s.a] - py) * mPerDeg;
      const bx = (network.lon[s.b] - px) * cos * mPerDeg;
      const by = (network.lat[s.b] - py) * mPerDeg;
      const ex = bx - ax;
      const ey = by - ay;
      const len2 = ex * ex + ey * ey;
      const t = len2 > 0 ? Math.min(1, Math.max(0, -(ax * ex + ay * ey) / len2)) : 0;
      const d = Math.hypot(ax + t * ex, ay + t * ey);
      if (d < best) {
        best = d;
        bestSeg = i;
        bestT = t;
      }
    });
    // A foot at a segment end is that node (whatever the segment's direction); else a new node splitting it.
    const seg = segments[bestSeg];
    const foot = bestT === 0 ? seg.a : bestT === 1 ? seg.b : next++;
    if (bestT > 0 && bestT < 1) feet[bestSeg].push({ seg: bestSeg, t: bestT, node: foot });
    const pointNode = nodeCount + points.length + p;
    const snapSeconds = best / (ACCESS_KMH / 3.6);
    edges.push([pointNode, foot, snapSeconds], [foot, pointNode, snapSeconds]);
  });
  segments.forEach((s, i) => {
    const list = [{ t: 0, node: s.a }, ...feet[i].sort((x, y) => x.t - y.t), { t: 1, node: s.b }];
    for (let k = 0; k + 1 < list.length; k++) {
      const u = list[k].node;
      const v = list[k + 1].node;
      const sec = (list[k + 1].t - list[k].t) * s.seconds;
      if (s.dir >= 0) edges.push([u, v, sec]);
      if (s.dir <= 0) edges.push([v, u, sec]);
    }
  });
  const total = nodeCount + 2 * points.length;
  const adjacency: [number, number][][] = Array.from({ length: total }, () => []);
  for (const [u, v, w] of edges) adjacency[u].push([v, w]);
  return origins.map((_, o) => {
    const dist = new Array<number>(total).fill(Infinity);
    const done = new Array<boolean>(total).fill(false);
    dist[nodeCount + points.length + o] = 0;
    for (;;) {
      let u = -1;
      for (let v = 0; v < total; v++) if (!done[v] && dist[v] < Infinity && (u < 0 || dist[v] < dist[u])) u = v;
      if (u < 0) break;
      done[u] = true;
      for (const [v, w] of adjacency[u]) if (dist[u] + w < dist[v]) dist[v] = dist[u] + w;
    }
    return destinations.map((_, d) => dist[nodeCount + points.length + origins.length + d]);
  });
}
