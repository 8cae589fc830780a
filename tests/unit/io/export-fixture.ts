/**
 * A small fixed plan for the export tests: 8 villages in two square counties (tests/fixtures/in/counties-2.geojson),
 * candidates = villages (one existing), mclp with 2 new sites of 3 km reach.
 */
import { readFileSync } from 'node:fs';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { runPlan } from '../../../src/core/plan';
import { SITE_STATUS } from '../../../src/core/types';
import type { CountyFeature } from '../../../src/io/county-assign';
import { planExportTables, type PlanExportInput, type PlanExportTables } from '../../../src/io/export-model';

export const COUNTIES = (
  JSON.parse(readFileSync('tests/fixtures/in/counties-2.geojson', 'utf8')) as FeatureCollection<Polygon | MultiPolygon>
).features as CountyFeature[];

const LON = [120.05, 120.06, 120.15, 120.16, 120.25, 120.26, 120.35, 120.9];
const LAT = [30.05, 30.06, 30.15, 30.15, 30.1, 30.11, 30.15, 30.5];

/** The plan's export input and tables. */
export async function fixedPlan(): Promise<{ input: PlanExportInput; tables: PlanExportTables }> {
  const n = LON.length;
  const demand = {
    count: n,
    lon: Float64Array.from(LON),
    lat: Float64Array.from(LAT),
    weight: Float64Array.from(LON, (_, i) => i + 1),
  };
  const status = new Uint8Array(n);
  status[0] = SITE_STATUS.existing;
  const candidates = { count: n, lon: demand.lon, lat: demand.lat, status };
  const result = await runPlan({ demand, candidates, params: { model: 'mclp', p: 2, radius: 3, seed: 1 } });
  const input: PlanExportInput = {
    demand,
    demandIds: LON.map((_, i) => `村${i + 1}`),
    candidates,
    candidateIds: LON.map((_, i) => `村${i + 1}`),
    result,
    radiusKm: 3,
    phase: Uint8Array.from(LON, (_, i) => (i % 2) + 1),
    counties: COUNTIES,
  };
  return { input, tables: planExportTables(input) };
}

/**
 * RFC 7946 checks of a FeatureCollection: every feature has a geometry of a known type and an object of
 * properties; positions are [lon, lat] in range; polygon rings are closed, have 4+ positions, exterior
 * counterclockwise and holes clockwise. Returns the list of violations (empty when valid).
 */
export function rfc7946Problems(value: unknown): string[] {
  const problems: string[] = [];
  const fc = value as FeatureCollection;
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) return ['not a FeatureCollection'];
  const position = (p: Position, where: string): void => {
    if (p.length < 2 || p.length > 3 || Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90)
      problems.push(`${where}: bad position`);
  };
  const rings = (polygon: Position[][], where: string): void =>
    polygon.forEach((ring, r) => {
      ring.forEach((p) => position(p, where));
      const [a, z] = [ring[0], ring[ring.length - 1]];
      if (ring.length < 4 || a[0] !== z[0] || a[1] !== z[1]) problems.push(`${where} ring ${r}: not closed`);
      let area = 0;
      for (let k = 0; k < ring.length - 1; k++) area += ring[k][0] * ring[k + 1][1] - ring[k + 1][0] * ring[k][1];
      if (area > 0 !== (r === 0)) problems.push(`${where} ring ${r}: wrong winding`);
    });
  fc.features.forEach((f, k) => {
    const where = `feature ${k}`;
    if (f.type !== 'Feature' || typeof f.properties !== 'object') problems.push(`${where}: not a Feature`);
    const g = f.geometry;
    if (g.type === 'Point') position(g.coordinates, where);
    else if (g.type === 'Polygon') rings(g.coordinates, where);
    else if (g.type === 'MultiPolygon') g.coordinates.forEach((p) => rings(p, where));
    else problems.push(`${where}: unexpected ${g.type}`);
  });
  return problems;
}
