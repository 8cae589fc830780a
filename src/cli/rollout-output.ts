/**
 * The files of `npm run rollout`: the sites as RFC 7946 GeoJSON (one Point per site), the JSON report (parameters,
 * cumulative figures per year, targets, spend); the breakdown CSV is src/io/rollout-csv.ts, shared with the app.
 * Property and field names are listed in the README ("Rollout").
 */
import type { FeatureCollection, Point } from 'geojson';
import type { RolloutResult } from '../core/rollout/rollout-types';
import { ROLLOUT_ROLE } from '../core/rollout/rollout-types';
import { villageCode, type VillageTable } from '../core/villages';

/** Properties of a site feature. */
export interface RolloutSiteProperties {
  /** `center-<county code>` or `station-<12-digit village code>`. */
  id: string;
  role: 'center' | 'station';
  /** Year the site opens, 1..years. */
  year: number;
  countyCode: string;
  provinceCode: string;
  /** Set-up + running from its year to the last, yuan (province factor applied). */
  costYuan: number;
  /** Set-up alone, yuan. */
  setupYuan: number;
}

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/**
 * The sites of a rollout as a FeatureCollection of Points, coordinates rounded to 6 decimals (about 0.1 m).
 * @param result a rollout result
 * @param villages the table the rollout ran on (for village codes)
 */
export function rolloutGeoJson(
  result: RolloutResult,
  villages: VillageTable,
): FeatureCollection<Point, RolloutSiteProperties> {
  const { sites, params } = result;
  const { costs } = params;
  const features = Array.from({ length: sites.count }, (_, s) => {
    const countyCode = villages.counties[sites.county[s]];
    const provinceCode = countyCode.slice(0, 2);
    const center = sites.role[s] === ROLLOUT_ROLE.center;
    const factor = costs.provinceFactor[provinceCode] ?? 1;
    const yearlyYuan = (center ? costs.centerYearlyYuan : costs.stationYearlyYuan) * factor;
    const properties: RolloutSiteProperties = {
      id: center ? `center-${countyCode}` : `station-${villageCode(villages, sites.village[s])}`,
      role: center ? 'center' : 'station',
      year: sites.year[s],
      countyCode,
      provinceCode,
      costYuan: sites.setupYuan[s] + yearlyYuan * (params.years - sites.year[s] + 1),
      setupYuan: sites.setupYuan[s],
    };
    return {
      type: 'Feature' as const,
      properties,
      geometry: { type: 'Point' as const, coordinates: [round6(sites.lon[s]), round6(sites.lat[s])] },
    };
  });
  return { type: 'FeatureCollection', features };
}

/** The JSON report of a rollout (the fields, plus `yearSpendYuan` per year and a few totals). */
export function rolloutReportJson(result: RolloutResult): Record<string, unknown> {
  return {
    params: result.params,
    years: result.years.map((y) => ({
      year: y.year,
      centers: y.centers,
      stations: y.stations,
      spendYuan: y.spendYuan,
      yearSpendYuan: y.yearSpendYuan,
      countiesWithCenter: y.countiesWithCenter,
      ruralVillagesCovered: y.ruralVillagesCovered,
      coverageShare: y.coverageShare,
    })),
    targets: result.targets,
    totalSpendYuan: result.totalSpendYuan,
    seconds: result.seconds,
    counties: result.counties,
    ruralVillages: result.ruralVillages,
    unbuilt: result.unbuilt ?? { centers: 0, stations: 0 },
    stopped: result.stopped ?? false,
    stationLimit: result.stationLimit ?? null,
    method: result.method,
    provinces: result.provinceRows,
  };
}
