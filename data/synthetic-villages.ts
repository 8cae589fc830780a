/**
 * Synthetic village positions. No public dataset gives the coordinates of China's village committees, so the
 * embedded villages are placed by a deterministic random process that imitates their layout: villages cluster
 * around their township seat, and township seats are spread over the county.
 *
 * 1. Township seats: Mitchell's best-candidate sampling (D. P. Mitchell, "Spectrally optimal sampling for
 *    distribution ray tracing", SIGGRAPH 1991), an approximation of Poisson-disc sampling: for each seat, draw
 *    k = 10 uniform points in the region and keep the one farthest from the seats already placed.
 * 2. Villages: uniform in a disc of radius R around their seat, R = 0.8 * sqrt(A / (pi * T)) clamped to
 *    [0.5, 8] km, where A is the region's area (km²) and T its number of townships (the radius of a township's
 *    share of the county); a draw outside the region is redrawn, with the disc halved every 25 draws, and after
 *    100 draws the village is placed uniformly in the region.
 * Every point is tested after rounding to Float32 (see polygon-region.ts), so every stored village lies strictly
 * inside its region. The generator is mulberry32 (src/core/random.ts) seeded with FNV-1a of the county code,
 * then of each township code, so a county's villages depend only on its codes and its region.
 */
import { createRandom } from '../src/core/random';
import { acceptFloat32, offsetKm, randomPointIn, type PolygonRegion } from './polygon-region';

/** Candidates per township seat (best-candidate sampling). */
const SEAT_CANDIDATES = 10;
const MIN_RADIUS_KM = 0.5;
const MAX_RADIUS_KM = 8;
const DRAWS_PER_SCALE = 25;
const SCALES = 4;

/** What is needed to place the villages of one county. */
export interface CountyPlacement {
  countyCode: string;
  /** Where the villages go: the county polygon, or a part of its prefecture when it has none. */
  region: PolygonRegion;
  /** Area of the region, km². */
  areaKm2: number;
  /** Townships of the county in code order, each with the indices of its villages (into `positions`). */
  townships: { code: string; villages: number[] }[];
}

/** FNV-1a 32-bit hash of a string, used as a seed. */
export function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Village radius around a seat, km: 0.8 * sqrt(A / (pi * T)) clamped to [0.5, 8]. */
export function townshipRadiusKm(areaKm2: number, townships: number): number {
  const r = 0.8 * Math.sqrt(areaKm2 / (Math.PI * Math.max(1, townships)));
  return Math.min(MAX_RADIUS_KM, Math.max(MIN_RADIUS_KM, r));
}

/**
 * Places every village of a county; writes [lon, lat] of village i at `positions[2i]`, `positions[2i + 1]`.
 * @returns the township seats, [lon, lat] per township in order
 */
export function placeCountyVillages(placement: CountyPlacement, positions: Float32Array): [number, number][] {
  const { region, townships } = placement;
  const rand = createRandom(seedOf(placement.countyCode));
  const seats = spreadSeats(region, townships.length, rand);
  const radiusKm = townshipRadiusKm(placement.areaKm2, townships.length);
  townships.forEach((township, t) => {
    const villageRand = createRandom(seedOf(township.code));
    for (const i of township.villages) {
      const [lon, lat] = pointNear(region, seats[t], radiusKm, villageRand);
      positions[2 * i] = lon;
      positions[2 * i + 1] = lat;
    }
  });
  return seats;
}

/** Best-candidate sampling of `count` seats inside the region. */
function spreadSeats(region: PolygonRegion, count: number, rand: () => number): [number, number][] {
  const seats: [number, number][] = [];
  for (let s = 0; s < count; s++) {
    let best: [number, number] | null = null;
    let bestDistance = -1;
    const candidates = s === 0 ? 1 : SEAT_CANDIDATES;
    for (let c = 0; c < candidates; c++) {
      const candidate = randomPointIn(region, rand);
      const distance = nearestSquared(seats, candidate);
      if (distance > bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    seats.push(best!);
  }
  return seats;
}

/** Squared local-planar distance (degrees, longitude scaled by cos latitude) to the nearest seat. */
function nearestSquared(seats: [number, number][], [lon, lat]: [number, number]): number {
  const scale = Math.cos((lat * Math.PI) / 180);
  let best = Infinity;
  for (const [x, y] of seats) {
    const dx = (x - lon) * scale;
    const dy = y - lat;
    const d = dx * dx + dy * dy;
    if (d < best) best = d;
  }
  return best;
}

/** A point in a disc around the seat, inside the region (see the module comment for the fallbacks). */
function pointNear(region: PolygonRegion, seat: [number, number], radiusKm: number, rand: () => number) {
  let radius = radiusKm;
  for (let scale = 0; scale < SCALES; scale++) {
    for (let draw = 0; draw < DRAWS_PER_SCALE; draw++) {
      const distance = radius * Math.sqrt(rand());
      const [lon, lat] = offsetKm(seat[0], seat[1], distance, 2 * Math.PI * rand());
      const point = acceptFloat32(region, lon, lat);
      if (point) return point;
    }
    radius /= 2;
  }
  return randomPointIn(region, rand);
}
