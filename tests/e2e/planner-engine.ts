/**
 * The engine's own answers for the browser tests: the same plan as the app's Suggest, made in the test process
 * by `runPlan` on the embedded villages as the command line reads them (`ruralVillagePoints`, not the app's code),
 * and places on the map where an added station gains villages and where it gains none.
 */
import { ruralVillagePoints } from '../../src/cli/province';
import { haversineKm } from '../../src/core/distance/haversine';
import { runPlan } from '../../src/core/plan';
import type { PlanResult } from '../../src/core/plan-types';
import { readProvinceVillages } from '../../src/data/node-files';

/** The rural villages of a province as demand and candidates, as `npm run plan -- --province` reads them. */
export function provinceVillages(code: string) {
  const points = ruralVillagePoints([code]);
  const demand = { count: points.count, lon: points.lon, lat: points.lat, weight: points.weight };
  const candidates = { count: points.count, lon: points.lon, lat: points.lat, status: new Uint8Array(points.count) };
  return { demand, candidates };
}

/** Max coverage with p new stations of `radiusKm`, seed 1: the app's default Suggest. */
export async function engineMaxCoverage(code: string, p: number, radiusKm: number): Promise<PlanResult> {
  const { demand, candidates } = provinceVillages(code);
  return runPlan({ demand, candidates, params: { model: 'mclp', p, radius: radiusKm, seed: 1 } });
}

/** A point [lon, lat] and the demand villages an extra station there would newly cover. */
export interface Spot {
  lon: number;
  lat: number;
  gain: number;
  countyCode: string;
}

/**
 * Two nearby places for an added station, given a plan: `gainful`, the uncovered village with the most uncovered
 * villages within `radiusKm`, and `barren`, a point 6-15 km from it with no uncovered village within
 * `radiusKm + marginKm` (the margin absorbs the pixel rounding of a mouse position).
 */
export function editSpots(code: string, result: PlanResult, radiusKm: number, marginKm = 1.5) {
  const { demand } = provinceVillages(code);
  const selected = result.solution.selected;
  const uncovered: number[] = [];
  for (let i = 0; i < demand.count; i++) {
    let covered = false;
    for (let k = 0; k < selected.length && !covered; k++) {
      const j = selected[k];
      covered = haversineKm(demand.lon[j], demand.lat[j], demand.lon[i], demand.lat[i]) <= radiusKm;
    }
    if (!covered) uncovered.push(i);
  }
  const within = (lon: number, lat: number, km: number) =>
    uncovered.filter((i) => haversineKm(lon, lat, demand.lon[i], demand.lat[i]) <= km).length;
  let best = uncovered[0];
  let bestGain = -1;
  for (const i of uncovered) {
    const gain = within(demand.lon[i], demand.lat[i], radiusKm);
    if (gain > bestGain) [best, bestGain] = [i, gain];
  }
  const table = readProvinceVillages(code);
  const countyOf = (lon: number, lat: number) => {
    let nearest = 0;
    let nearestKm = Infinity;
    for (let v = 0; v < table.count; v++) {
      const km = haversineKm(lon, lat, table.positions[2 * v], table.positions[2 * v + 1]);
      if (km < nearestKm) [nearest, nearestKm] = [v, km];
    }
    return table.counties[table.countyIndex[nearest]];
  };
  const [lon, lat] = [demand.lon[best], demand.lat[best]];
  const gainful: Spot = { lon, lat, gain: bestGain, countyCode: countyOf(lon, lat) };
  for (let km = 6; km <= 15; km += 1) {
    for (let angle = 0; angle < 360; angle += 30) {
      const a = (angle * Math.PI) / 180;
      const x = lon + (km * Math.cos(a)) / (111.2 * Math.cos((lat * Math.PI) / 180));
      const y = lat + (km * Math.sin(a)) / 111.2;
      if (within(x, y, radiusKm + marginKm) === 0) {
        return {
          gainful,
          barren: { lon: x, lat: y, gain: 0, countyCode: countyOf(x, y) } as Spot,
          uncovered: uncovered.length,
        };
      }
    }
  }
  throw new Error('no place without uncovered villages near the best spot');
}
