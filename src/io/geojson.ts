import { asText } from './encoding';
import { parseJsonText } from './json';
import { PointTableBuilder, type PointTable } from './points';
import { firstProblemParams, inputError, problem, WHOLE_FILE, type ReadResult } from './problems';

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
    if (isObject(root)) throw inputError(file, 'wrongRootType', { type: String(JSON.stringify(root.type)) });
    if (Array.isArray(root)) throw inputError(file, 'rootIsArray', {});
    throw inputError(file, 'notFeatureCollection', { got: typeof root });
  }
  if (!Array.isArray(root.features)) throw inputError(file, 'noFeaturesArray', {});
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
  let textCoordinates = 0;
  let firstText = '';
  for (let k = 0; k < features.length; k++) {
    const location = `feature ${k}`;
    const feature = features[k];
    if (!isObject(feature) || feature.type !== 'Feature') {
      builder.skip(problem(file, location, undefined, 'notFeature', {}));
      continue;
    }
    const geometry = feature.geometry;
    if (!isObject(geometry) || geometry.type !== 'Point') {
      builder.skip(
        geometry === null
          ? problem(file, location, 'geometry', 'nullGeometry', {})
          : isObject(geometry)
            ? problem(file, location, 'geometry', 'notPoint', { type: String(JSON.stringify(geometry.type)) })
            : problem(file, location, 'geometry', 'noGeometry', {}),
      );
      continue;
    }
    const coordinates = geometry.coordinates;
    if (!Array.isArray(coordinates) || coordinates.length < 2) {
      builder.skip(problem(file, location, 'coordinates', 'badCoordinates', {}));
      continue;
    }
    const properties = isObject(feature.properties) ? feature.properties : {};
    const hasWeight = Object.prototype.hasOwnProperty.call(properties, weightField);
    if (explicitWeight && !hasWeight) {
      builder.skip(problem(file, location, weightField, 'missingWeight', {}));
      continue;
    }
    const kept = builder.add({
      location,
      fallbackId: String(k),
      id: options.idField !== undefined ? properties[options.idField] : (feature.id ?? properties.id),
      lon: coordinates[0],
      lat: coordinates[1],
      weight: hasWeight ? (properties[weightField] ?? null) : undefined,
      status: properties.status,
    });
    // RFC 7946 positions are numbers; text that reads as a number is accepted, but said.
    if (kept && (typeof coordinates[0] === 'string' || typeof coordinates[1] === 'string')) {
      if (textCoordinates++ === 0) firstText = location;
    }
  }
  if (features.length === 0) throw inputError(file, 'emptyFeatureCollection', {});
  const value = builder.build();
  const problems = builder.problems;
  if (value.count === 0) {
    throw inputError(file, 'noUsableFeatures', firstProblemParams(features.length, problems), problems);
  }
  const warnings =
    textCoordinates === 0
      ? []
      : [
          problem(file, WHOLE_FILE, 'coordinates', 'stringCoordinates', {
            count: String(textCoordinates),
            first: firstText,
          }),
        ];
  return { value, problems, warnings };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
