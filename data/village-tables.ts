/**
 * Builds the per-province village tables and names of the embedded dataset: registry villages in code order,
 * their county and township indices, rural and countyBoundary flags, and synthetic positions placed inside
 * the right region (see synthetic-villages.ts):
 * - a county with a polygon: its own polygon (countyBoundary = 1);
 * - a county without one (countyBoundary = 0), inside its prefecture: the counties named in the rename list's
 *   `within`, else for a development zone (code x7x) the prefecture's districts (names ending in 区), else the
 *   whole prefecture.
 */
import type { VillageTable } from '../src/core/villages';
import type { VillageNames } from '../src/data/village-names';
import type { BoundaryFeature } from './boundaries';
import type { CountyMatch } from './county-match';
import { createRegion } from './polygon-region';
import type { Registry, RegistryCounty } from './registry';
import { placeCountyVillages, type CountyPlacement } from './synthetic-villages';

export interface ProvinceVillages {
  table: VillageTable;
  names: VillageNames;
}

/**
 * Builds the village table and names of every province of the registry.
 * @param countyFeatures the county boundary layer the positions must fall in (the published counties.geojson)
 * @throws Error when a county without polygon has no prefecture polygon to be placed in
 */
export function buildProvinceVillages(
  registry: Registry,
  matches: CountyMatch[],
  countyFeatures: BoundaryFeature[],
): ProvinceVillages[] {
  const featureByCode = new Map(countyFeatures.map((f) => [f.properties.code, f]));
  const matchByCode = new Map(matches.map((m) => [m.county.code, m]));
  const countiesByCity = new Map<string, RegistryCounty[]>();
  for (const c of registry.counties) countiesByCity.set(c.cityCode, [...(countiesByCity.get(c.cityCode) ?? []), c]);
  const { villages } = registry;
  const out: ProvinceVillages[] = [];
  let start = 0;
  for (const province of registry.provinces) {
    let end = start;
    while (end < villages.count && villages.codes[end].startsWith(province.code)) end++;
    const counties = registry.counties.filter((c) => c.provinceCode === province.code);
    const townships = registry.townships.filter((t) => t.code.startsWith(province.code));
    const countyIndex = new Map(counties.map((c, k) => [c.code, k]));
    const townshipIndex = new Map(townships.map((t, k) => [t.code, k]));
    const count = end - start;
    const table: VillageTable = {
      provinceCode: province.code,
      count,
      positions: new Float32Array(2 * count),
      rural: villages.rural.slice(start, end),
      countyBoundary: new Uint8Array(count),
      countyIndex: new Uint16Array(count),
      counties: counties.map((c) => c.code),
      townshipIndex: new Uint16Array(count),
      townships: townships.map((t) => t.code),
      codeSuffix: new Uint16Array(count),
    };
    const villagesOfTownship = townships.map(() => [] as number[]);
    for (let i = 0; i < count; i++) {
      const code = villages.codes[start + i];
      const t = townshipIndex.get(villages.townshipCodes[start + i]);
      const c = countyIndex.get(code.slice(0, 6));
      if (t === undefined || c === undefined)
        throw new Error(`Village ${code} has no township or county in the registry`);
      table.townshipIndex[i] = t;
      table.countyIndex[i] = c;
      table.codeSuffix[i] = Number(code.slice(9));
      table.countyBoundary[i] = matchByCode.get(code.slice(0, 6))!.kind === 'none' ? 0 : 1;
      villagesOfTownship[t].push(i);
    }
    for (const county of counties) {
      const regionFeatures = placementFeatures(matchByCode.get(county.code)!, featureByCode, countiesByCity);
      const placement: CountyPlacement = {
        countyCode: county.code,
        region: createRegion(regionFeatures.map((f) => f.geometry)),
        areaKm2: regionFeatures.reduce((sum, f) => sum + Number(f.properties.areaKm2), 0),
        townships: townships
          .map((t, k) => ({ code: t.code, villages: villagesOfTownship[k], countyCode: t.countyCode }))
          .filter((t) => t.countyCode === county.code),
      };
      placeCountyVillages(placement, table.positions);
    }
    out.push({
      table,
      names: {
        provinceCode: province.code,
        countyNames: counties.map((c) => c.name),
        townshipNames: townships.map((t) => t.name),
        villageNames: villages.names.slice(start, end),
      },
    });
    start = end;
  }
  if (start !== villages.count) throw new Error(`Villages from ${villages.codes[start]} belong to no province`);
  return out;
}

/** The boundary features a county's villages are placed in (see the module comment). */
function placementFeatures(
  match: CountyMatch,
  featureByCode: Map<string, BoundaryFeature>,
  countiesByCity: Map<string, RegistryCounty[]>,
): BoundaryFeature[] {
  const { county } = match;
  const own = featureByCode.get(county.code);
  if (match.kind !== 'none') {
    if (!own) throw new Error(`County ${county.code} ${county.name} is matched but has no boundary feature`);
    return [own];
  }
  const siblings = (countiesByCity.get(county.cityCode) ?? []).filter((c) => featureByCode.has(c.code));
  let chosen: RegistryCounty[];
  if (match.within.length > 0) {
    chosen = match.within.map((code) => {
      const sibling = siblings.find((c) => c.code === code);
      if (!sibling)
        throw new Error(`${county.code} ${county.name}: "within" county ${code} has no polygon in the prefecture`);
      return sibling;
    });
  } else {
    const districts = siblings.filter((c) => c.name.endsWith('区'));
    chosen = county.code[4] === '7' && districts.length > 0 ? districts : siblings;
  }
  if (chosen.length === 0)
    throw new Error(`${county.code} ${county.name}: its prefecture ${county.cityCode} has no polygon`);
  return chosen.map((c) => featureByCode.get(c.code)!);
}
