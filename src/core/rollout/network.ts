/**
 * The candidate network of a rollout, built once from the village table: the rural villages (demand points and
 * station candidates), each county's center position (its county seat stand-in over the rural villages, the same
 * `countySeatStandIns` the two-tier planner uses), which station candidates lie within the center reach of their
 * own county's center (great circle), and the station coverage sets (`coverageByRadius`, latitude-strip index);
 * or, with a reach builder (`RolloutInput.reach`, e.g. by road), the builder's coverage sets and center reach.
 */
import type { VillageTable } from '../villages';
import { countySeatStandIns } from '../county-seats';
import { haversineKm } from '../distance/haversine';
import { coverageByRadius } from '../reach/radius';
import type { CoverageSets } from '../types';
import type { RolloutReachBuilder } from './rollout-types';

/** Rural villages, county seats and coverage sets; "rural index" r indexes every per-village array here. */
export interface RolloutNetwork {
  /** Input-table index of each rural village, ascending. */
  rural: Uint32Array;
  /** Positions of the rural villages, degrees. */
  lon: Float64Array;
  lat: Float64Array;
  /** County index (into `villages.counties`) of each rural village. */
  county: Uint16Array;
  /** Number of counties of the table (`villages.counties.length`). */
  countyCount: number;
  /** Per county, the rural index of its center position (seat stand-in), -1 when it has no rural village. */
  seat: Int32Array;
  /** County -> rural villages in CSR form: county c holds `countyVillages[countyOffsets[c] .. countyOffsets[c+1])`. */
  countyOffsets: Uint32Array;
  countyVillages: Uint32Array;
  /** 1 when station candidate r lies within the center reach of its own county's center. */
  inCenterReach: Uint8Array;
  /** Station (rural index) -> rural villages within the station reach, and the inverse. */
  coverage: CoverageSets;
  /** 6-digit code and 2-digit province code of each county. */
  countyCodes: string[];
  countyProvince: string[];
  /** The reaches in words when a reach builder gave them (absent: great-circle km). */
  reachWords?: { station: string; center?: string };
}

/**
 * Builds the network of a rollout.
 * @param villages the input table (rural villages are those with `rural[i] === 1`)
 * @param stationRadiusKm station reach, great-circle km
 * @param centerRadiusKm center reach to its stations, great-circle km
 * @param reach when given, the station coverage (and, when it gives one, the center reach) instead of the radii
 */
export function buildNetwork(
  villages: VillageTable,
  stationRadiusKm: number,
  centerRadiusKm: number,
  reach?: RolloutReachBuilder,
): RolloutNetwork {
  let n = 0;
  for (let i = 0; i < villages.count; i++) n += villages.rural[i];
  const rural = new Uint32Array(n);
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  const county = new Uint16Array(n);
  for (let i = 0, r = 0; i < villages.count; i++) {
    if (villages.rural[i] !== 1) continue;
    rural[r] = i;
    lon[r] = villages.positions[2 * i];
    lat[r] = villages.positions[2 * i + 1];
    county[r] = villages.countyIndex[i];
    r++;
  }
  const countyCount = villages.counties.length;
  const seat = new Int32Array(countyCount).fill(-1);
  for (const r of countySeatStandIns(lon, lat, county)) seat[county[r]] = r;
  const countyOffsets = new Uint32Array(countyCount + 1);
  for (let r = 0; r < n; r++) countyOffsets[county[r] + 1]++;
  for (let c = 0; c < countyCount; c++) countyOffsets[c + 1] += countyOffsets[c];
  const cursor = countyOffsets.slice(0, countyCount);
  const countyVillages = new Uint32Array(n);
  for (let r = 0; r < n; r++) countyVillages[cursor[county[r]]++] = r;
  const built = reach?.({ count: n, lon, lat, county, seat });
  if (built !== undefined) checkReach(built, n);
  let inCenterReach = built?.inCenterReach;
  if (inCenterReach === undefined) {
    inCenterReach = new Uint8Array(n);
    for (let r = 0; r < n; r++) {
      const s = seat[county[r]];
      inCenterReach[r] = haversineKm(lon[s], lat[s], lon[r], lat[r]) <= centerRadiusKm ? 1 : 0;
    }
  }
  const coverage = built?.coverage ?? coverageByRadius({ count: n, lon, lat }, { count: n, lon, lat }, stationRadiusKm);
  const countyProvince = villages.counties.map((code) => code.slice(0, 2));
  return {
    rural,
    lon,
    lat,
    county,
    countyCount,
    seat,
    countyOffsets,
    countyVillages,
    inCenterReach,
    coverage,
    countyCodes: villages.counties,
    countyProvince,
    ...(built !== undefined && { reachWords: { station: built.stationWords, center: built.centerWords } }),
  };
}

/** A builder's reach must be over the rural villages on both sides. */
function checkReach(reach: ReturnType<RolloutReachBuilder>, n: number): void {
  const { coverage, inCenterReach } = reach;
  if (coverage.siteCount !== n || coverage.demandCount !== n || (inCenterReach && inCenterReach.length !== n)) {
    throw new Error(
      `the rollout reach must be over the ${n} rural villages (got ${coverage.siteCount} sites x ` +
        `${coverage.demandCount} villages${inCenterReach ? `, ${inCenterReach.length} center flags` : ''})`,
    );
  }
}
