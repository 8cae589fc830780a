import { asText } from './encoding';
import { parseJsonText } from './json';
import { PointTableBuilder, type PointTable } from './points';
import { InputError, type ReadResult } from './problems';

/** Options of {@link parsePointsGeoJson}. */
export interface PointsGeoJsonOptions {
  /** File name for messages (default "input.geojson"). */
  file?: string;
  /** Property holding the weight. Default: `weight` when a feature has it, else 1. When named, every feature needs it. */
  weightField?: string;
  /** Read a `status` property (existing, locked, proposed, excluded). Default false. */
  withStatus?: boolean;
  /** Swap lon and lat of points outside China that fall inside it when swapped (see src/io/region.ts). */
  swapAxes?: boolean;
  /** Property holding the id. Default: the feature's `id`, else its `id` property, else its index. */
  idField?: string;
}

/**
 * Reads points from GeoJSON text: a FeatureCollection of Point features (RFC 7946, WGS 84 [lon, lat] degrees).
 * The id is the feature's `id`, else its `properties.id`, else its index. Features are numbered from 0 in
 * messages ("feature 3"). A feature that is not a Point (null geometry, LineString, MultiPoint...) or has bad
 * coordinates is skipped and listed in `problems`.
 *
 * @throws InputError on bad JSON (with line and column), when the root is not a FeatureCollection, or when
 *   no feature is usable
 * @example
 * const text = '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[120.1,30.2]},"properties":{}}]}';
 * parsePointsGeoJson(text).value.count; // 1
 */
export function parsePointsGeoJson(
  input: string | Uint8Array,
  options: PointsGeoJsonOptions = {},
): ReadResult<PointTable> {
  const file = options.file ?? 'input.geojson';
  const root = parseJsonText(asText(input), file);
  return pointsFromFeatureCollection(root, file, options);
}

/**
 * Points of a parsed GeoJSON FeatureCollection (e.g. from a Shapefile); see {@link parsePointsGeoJson}.
 * @throws InputError when the root is not a FeatureCollection or no feature is usable
 */
export function pointsFromFeatureCollection(
  root: unknown,
  file: string,
  options: PointsGeoJsonOptions = {},
): ReadResult<PointTable> {
  if (!isObject(root) || root.type !== 'FeatureCollection') {
    const got = isObject(root) ? `type ${JSON.stringify(root.type)}` : Array.isArray(root) ? 'an array' : typeof root;
    throw new InputError(file, `expected a GeoJSON FeatureCollection, got ${got}`);
  }
  if (!Array.isArray(root.features)) throw new InputError(file, 'expected a "features" array in the FeatureCollection');
  const features: unknown[] = root.features;
  const explicitWeight = options.weightField !== undefined;
  const weightField = options.weightField ?? 'weight';
  const builder = new PointTableBuilder(
    file,
    {
      lon: 'coordinates[0]',
      lat: 'coordinates[1]',
      weight: weightField,
      id: options.idField ?? 'id',
      status: 'status',
    },
    options.withStatus === true,
    options.swapAxes === true,
  );
  for (let k = 0; k < features.length; k++) {
    const location = `feature ${k}`;
    const feature = features[k];
    if (!isObject(feature) || feature.type !== 'Feature') {
      builder.skip({ file, location, message: 'expected an object with "type": "Feature"' });
      continue;
    }
    const geometry = feature.geometry;
    if (!isObject(geometry) || geometry.type !== 'Point') {
      const got = geometry === null ? 'null geometry' : isObject(geometry) ? JSON.stringify(geometry.type) : 'none';
      builder.skip({ file, location, field: 'geometry', message: `not a Point (got ${got})` });
      continue;
    }
    const coordinates = geometry.coordinates;
    if (!Array.isArray(coordinates) || coordinates.length < 2) {
      builder.skip({
        file,
        location,
        field: 'coordinates',
        message: 'expected an array [lon, lat] of two numbers',
      });
      continue;
    }
    const properties = isObject(feature.properties) ? feature.properties : {};
    const hasWeight = Object.prototype.hasOwnProperty.call(properties, weightField);
    if (explicitWeight && !hasWeight) {
      builder.skip({ file, location, field: weightField, message: 'missing weight property' });
      continue;
    }
    builder.add({
      location,
      fallbackId: String(k),
      id: options.idField !== undefined ? properties[options.idField] : (feature.id ?? properties.id),
      lon: coordinates[0],
      lat: coordinates[1],
      weight: hasWeight ? (properties[weightField] ?? null) : undefined,
      status: properties.status,
    });
  }
  if (features.length === 0)
    throw new InputError(file, 'empty FeatureCollection (no features); expected Point features');
  const value = builder.build();
  const problems = builder.problems;
  if (value.count === 0) {
    const first = problems.length > 0 ? `; first problem: ${problems[0].location}: ${problems[0].message}` : '';
    throw new InputError(file, `no usable Point features (${features.length} features)${first}`, problems);
  }
  return { value, problems };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
