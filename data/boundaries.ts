/**
 * County and province boundaries with mapshaper (its Node API, `applyCommands`): polygons of merged counties are
 * dissolved into one, provinces are dissolved from the counties (same topology, so province and county borders
 * coincide), geodesic areas are measured before simplification, and four layers are written as RFC 7946 GeoJSON
 * (counter-clockwise outer rings, coordinates rounded to 1e-5 degree, about 1 m).
 *
 * Simplification (mapshaper's default, Visvalingam weighted area, with `keep-shapes` so no island is lost):
 * the source is quantised to 1/1024 degree (about 100 m), so the full layers keep detail down to a 300 m
 * interval (three source steps; this keeps the whole dataset under its 15 MB gzip budget); the `-simplified`
 * layers, for low zooms, use a 1.5 km interval.
 */
import mapshaper from 'mapshaper';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { CountyMatch } from './county-match';
import type { SourcePolygon } from './polygons';

/** Simplification interval of counties.geojson and provinces.geojson, metres. */
export const FULL_INTERVAL_M = 300;
/** Simplification interval of the *-simplified.geojson layers, metres. */
export const SIMPLIFIED_INTERVAL_M = 1500;

/** A boundary feature as it comes out of mapshaper, before the build adds names and counts. */
export type BoundaryFeature = Feature<Polygon | MultiPolygon, { code: string } & Record<string, string | number>>;

export interface Boundaries {
  /** One feature per county with a polygon: properties `code`, `areaKm2` (geodesic, before simplification). */
  counties: BoundaryFeature[];
  /** One feature per province: property `code`. */
  provinces: BoundaryFeature[];
  countiesSimplified: BoundaryFeature[];
  provincesSimplified: BoundaryFeature[];
  /** One point per province inside its largest part, for the map's label: property `code`. */
  provinceLabels: LabelFeature[];
}

/** A label point as it comes out of mapshaper. */
export type LabelFeature = Feature<Point, { code: string } & Record<string, string | number>>;

/**
 * Builds the boundary layers of the matched counties. Features come out sorted by code.
 * @param matches the county matches; those of kind `none` are skipped
 * @param polygons the source polygons the matches point into
 */
export async function buildBoundaries(matches: CountyMatch[], polygons: SourcePolygon[]): Promise<Boundaries> {
  const features: Feature[] = [];
  for (const match of matches) {
    for (const index of match.polygons) {
      features.push({ type: 'Feature', properties: { code: match.county.code }, geometry: polygons[index].geometry });
    }
  }
  const out = (file: string, target: string) => `-o ${file} target=${target} format=geojson rfc7946 precision=0.00001`;
  const commands = [
    // snap: joins vertices closer than the default snapping distance (the Jizhou fix is not quantised).
    '-i input.json snap name=counties',
    '-dissolve code',
    `-each "areaKm2=Math.round(this.area/1e4)/100, provinceCode=code.slice(0,2)"`,
    '-dissolve provinceCode + name=provinces',
    `-simplify interval=${FULL_INTERVAL_M} keep-shapes`,
    out('counties.json', 'counties'),
    out('provinces.json', 'provinces'),
    // One label point per province, inside its largest part (mapshaper's `-points inner`), so that a province of
    // many islands is named once.
    '-points inner target=provinces + name=province-labels',
    out('province-labels.json', 'province-labels'),
    `-simplify interval=${SIMPLIFIED_INTERVAL_M} keep-shapes`,
    out('counties-simplified.json', 'counties'),
    out('provinces-simplified.json', 'provinces'),
  ].join(' ');
  const output = (await mapshaper.applyCommands(commands, {
    'input.json': { type: 'FeatureCollection', features },
  })) as Record<string, string | Uint8Array>;
  const layer = (file: string, codeField: string): BoundaryFeature[] => {
    const collection = JSON.parse(String(output[file])) as FeatureCollection<Polygon | MultiPolygon>;
    const list = collection.features.map((f) => {
      const { [codeField]: code, ...rest } = (f.properties ?? {}) as Record<string, string | number>;
      const geometry = f.geometry === null ? null : withoutDegenerateRings(f.geometry);
      if (geometry === null) throw new Error(`mapshaper produced an empty geometry for ${String(code)} in ${file}`);
      return { type: 'Feature', properties: { code: String(code), ...rest }, geometry } as BoundaryFeature;
    });
    return list.sort((a, b) => (a.properties.code < b.properties.code ? -1 : 1));
  };
  return {
    counties: layer('counties.json', 'code'),
    provinces: layer('provinces.json', 'provinceCode'),
    countiesSimplified: layer('counties-simplified.json', 'code'),
    provincesSimplified: layer('provinces-simplified.json', 'provinceCode'),
    provinceLabels: labels(String(output['province-labels.json'])),
  };
}

/** The label points, `provinceCode` renamed `code`, sorted by code. */
function labels(text: string): LabelFeature[] {
  const collection = JSON.parse(text) as FeatureCollection<Point>;
  return collection.features
    .map((f) => {
      const { provinceCode, ...rest } = (f.properties ?? {}) as Record<string, string | number>;
      return {
        type: 'Feature',
        properties: { ...rest, code: String(provinceCode) },
        geometry: f.geometry,
      } as LabelFeature;
    })
    .sort((a, b) => (a.properties.code < b.properties.code ? -1 : 1));
}

/**
 * Drops rings that rounding to 1e-5 degree left with zero area (collinear slivers, which RFC 7946 consumers
 * may reject), and parts whose outer ring is such a sliver. A MultiPolygon left with one part becomes a Polygon.
 * @returns the cleaned geometry, or null when nothing is left
 */
export function withoutDegenerateRings(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon | null {
  const parts = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates)
    .filter((rings) => rings.length > 0 && !isDegenerate(rings[0]))
    .map((rings) => [rings[0], ...rings.slice(1).filter((ring) => !isDegenerate(ring))]);
  if (parts.length === 0) return null;
  return parts.length === 1 ? { type: 'Polygon', coordinates: parts[0] } : { type: 'MultiPolygon', coordinates: parts };
}

/** A ring with fewer than 4 positions or no area (shoelace sum exactly 0). */
function isDegenerate(ring: Position[]): boolean {
  if (ring.length < 4) return true;
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return sum === 0;
}
