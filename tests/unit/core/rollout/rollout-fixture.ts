/**
 * Small synthetic village tables for rollout tests: a few provinces of a few counties each, villages scattered
 * around each county's middle (some urban), plus brute-force checks of a rollout result by haversine.
 */
import { haversineKm } from '../../../../src/core/distance/haversine';
import { createRandom } from '../../../../src/core/random';
import { defaultCostModel } from '../../../../src/core/rollout/defaults';
import { ROLLOUT_ROLE, type RolloutParams, type RolloutResult } from '../../../../src/core/rollout/rollout-types';
import type { VillageTable } from '../../../../src/core/villages';

/** Shape of a synthetic table. */
export interface TableShape {
  /** 2-digit province codes. */
  provinces: string[];
  countiesPerProvince: number;
  villagesPerCounty: number;
  /** Spread of the villages around their county's middle, km. */
  spreadKm: number;
  seed: number;
}

export const SMALL: TableShape = {
  provinces: ['33', '34'],
  countiesPerProvince: 4,
  villagesPerCounty: 40,
  spreadKm: 25,
  seed: 7,
};

/**
 * A village table: counties `PP0101`, `PP0102`, ... with their middles on a 0.6-degree grid per province
 * (provinces side by side), villages within `spreadKm` of the middle (uniform in the disc), one in seven urban.
 */
export function syntheticTable(shape: TableShape = SMALL): VillageTable {
  const rand = createRandom(shape.seed);
  const counties: string[] = [];
  const lon: number[] = [];
  const lat: number[] = [];
  const countyIndex: number[] = [];
  const rural: number[] = [];
  shape.provinces.forEach((province, p) => {
    for (let k = 0; k < shape.countiesPerProvince; k++) {
      const c = counties.length;
      counties.push(`${province}01${String(k + 1).padStart(2, '0')}`);
      const midLon = 110 + 2 * p + 0.6 * (k % 3);
      const midLat = 30 + 0.6 * Math.floor(k / 3);
      for (let v = 0; v < shape.villagesPerCounty; v++) {
        const r = shape.spreadKm * Math.sqrt(rand());
        const a = 2 * Math.PI * rand();
        lat.push(midLat + (r * Math.sin(a)) / 111.2);
        lon.push(midLon + (r * Math.cos(a)) / (111.2 * Math.cos((midLat * Math.PI) / 180)));
        countyIndex.push(c);
        rural.push(v % 7 === 3 ? 0 : 1);
      }
    }
  });
  const count = lon.length;
  const positions = new Float32Array(2 * count);
  for (let i = 0; i < count; i++) {
    positions[2 * i] = lon[i];
    positions[2 * i + 1] = lat[i];
  }
  return {
    provinceCode: '00',
    count,
    positions,
    rural: Uint8Array.from(rural),
    countyBoundary: new Uint8Array(count).fill(1),
    countyIndex: Uint16Array.from(countyIndex),
    counties,
    townshipIndex: new Uint16Array(count),
    townships: ['000000000'],
    codeSuffix: Uint16Array.from({ length: count }, (_, i) => i % 1000),
  };
}

/** Parameters sized for the small table: 5 centers, 60 stations, 3 years, a budget that binds. */
export function smallParams(overrides: Partial<RolloutParams> = {}): RolloutParams {
  return {
    centers: 5,
    stations: 60,
    years: 3,
    budgetYuan: 30_000_000,
    costs: { ...defaultCostModel(), provinceFactor: { '34': 1.5 } },
    provinceOrder: ['33'],
    stationRadiusKm: 4,
    centerRadiusKm: 20,
    countyScore: 'villages-per-yuan',
    ...overrides,
  };
}

/** Set-up and yearly cost of site s of a result, recomputed here from the cost model (factor by province). */
export function siteCostOf(
  table: VillageTable,
  result: RolloutResult,
  s: number,
): { setupYuan: number; yearlyYuan: number } {
  const { costs } = result.params;
  const factor = costs.provinceFactor[table.counties[result.sites.county[s]].slice(0, 2)] ?? 1;
  return result.sites.role[s] === ROLLOUT_ROLE.center
    ? { setupYuan: costs.centerSetupYuan * factor, yearlyYuan: costs.centerYearlyYuan * factor }
    : { setupYuan: costs.stationSetupYuan * factor, yearlyYuan: costs.stationYearlyYuan * factor };
}

/**
 * Year each village is first covered, recounted by brute force: a built station covers the rural villages within
 * the station reach (haversine), from its year on.
 */
export function bruteVillageYear(table: VillageTable, result: RolloutResult): Uint8Array {
  const out = new Uint8Array(table.count);
  const { sites, params } = result;
  for (let s = 0; s < sites.count; s++) {
    if (sites.role[s] !== ROLLOUT_ROLE.station) continue;
    for (let i = 0; i < table.count; i++) {
      if (!table.rural[i]) continue;
      const d = haversineKm(sites.lon[s], sites.lat[s], table.positions[2 * i], table.positions[2 * i + 1]);
      if (d <= params.stationRadiusKm && (out[i] === 0 || sites.year[s] < out[i])) out[i] = sites.year[s];
    }
  }
  return out;
}
