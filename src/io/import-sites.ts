/**
 * Reads the sites layer of a plan export (src/io/export-geojson.ts) back into plan-file sites, so that a plan
 * sent to QGIS and edited there can come back: export then import gives the same sites.
 */
import { SITE_ROLE_NAMES, type SiteRole } from '../core/plan-types';
import { SITE_STATUS_NAMES, type SiteStatus } from '../core/types';
import { parseJsonText } from './json';
import type { PlanFileSite } from './plan-file';
import { InputError } from './problems';

/**
 * The sites of an exported sites FeatureCollection (Point features with id, role, status, phase).
 * @throws InputError naming the feature and property of the first bad value
 */
export function sitesFromGeoJson(text: string, file = 'sites.geojson'): PlanFileSite[] {
  const root = parseJsonText(text, file) as { type?: unknown; features?: unknown };
  if (root === null || typeof root !== 'object' || root.type !== 'FeatureCollection' || !Array.isArray(root.features)) {
    throw new InputError(file, 'expected a GeoJSON FeatureCollection of sites');
  }
  return root.features.map((feature: unknown, k: number): PlanFileSite => {
    const bad = (field: string, expected: string): never => {
      throw new InputError(file, `feature ${k}, field "${field}": expected ${expected}`);
    };
    const f = feature as { geometry?: { type?: unknown; coordinates?: unknown }; properties?: Record<string, unknown> };
    const coordinates = f?.geometry?.type === 'Point' ? f.geometry.coordinates : undefined;
    if (!Array.isArray(coordinates) || typeof coordinates[0] !== 'number' || typeof coordinates[1] !== 'number') {
      return bad('geometry', 'a Point [lon, lat]');
    }
    const p = f.properties ?? {};
    if (typeof p.id !== 'string') bad('id', 'a string');
    if (!(SITE_STATUS_NAMES as readonly unknown[]).includes(p.status)) bad('status', SITE_STATUS_NAMES.join(', '));
    if (!(SITE_ROLE_NAMES as readonly unknown[]).includes(p.role)) bad('role', 'station or center');
    const site: PlanFileSite = {
      id: p.id as string,
      lon: coordinates[0],
      lat: coordinates[1],
      status: p.status as SiteStatus,
      role: p.role as SiteRole,
    };
    if (typeof p.phase === 'number') site.phase = p.phase;
    return site;
  });
}
