/**
 * The Zhejiang-sized road network of the `roads` bench: generated once by the seeded test generator
 * (tests/fixtures/roads/generate.ts), written as `.osm` then converted to `.osm.pbf` with osmium-tool, and kept in
 * the system temp folder (never in the repository) so that later runs reuse it.
 *
 * Size: 800 x 800 junctions 0.005 deg apart (about 0.5 km; 4 deg x 4 deg, Zhejiang's extent from 118 E, 27 N)
 * with one shape node between two junctions: about 1.92 million OSM nodes on drivable and non-car ways, about
 * 640,000 graph nodes (junctions and way ends).
 */
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateNetwork, osmiumToPbf, writeOsmXmlFile, type GenerateOptions } from '../fixtures/roads/generate';

/** Generator options of the bench network. */
export const ZHEJIANG_NETWORK: GenerateOptions = {
  seed: 2026,
  side: 800,
  shapeNodes: 1,
  spacingDeg: 0.005,
  origin: [118.0, 27.0],
};

/** Bounding box of the bench network's junctions [west, south, east, north]. */
export const ZHEJIANG_BBOX: [number, number, number, number] = [118.0, 27.0, 122.0, 31.0];

/** Folder of cached bench files (`RURALREACH_BENCH_CACHE` or the system temp folder). */
export function benchCacheDir(): string {
  const dir = process.env.RURALREACH_BENCH_CACHE ?? join(tmpdir(), 'ruralreach-bench');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * The path of the bench `.osm.pbf`, generated when it is not there yet.
 * @returns the path and the seconds spent generating (0 when reused)
 */
export async function zhejiangPbf(log: (line: string) => void = () => undefined): Promise<{
  path: string;
  generatedSeconds: number;
}> {
  const dir = benchCacheDir();
  const { seed, side, shapeNodes } = ZHEJIANG_NETWORK;
  const path = join(dir, `roads-zhejiang-${seed}-${side}-${shapeNodes}.osm.pbf`);
  if (existsSync(path) && statSync(path).size > 0) return { path, generatedSeconds: 0 };
  const started = performance.now();
  log(`bench roads: generating ${path} (once; about a minute)`);
  const osm = join(dir, `roads-zhejiang-${process.pid}.osm`);
  const partial = `${path}.${process.pid}.part.osm.pbf`;
  try {
    await writeOsmXmlFile(generateNetwork(ZHEJIANG_NETWORK), osm);
    osmiumToPbf(osm, partial);
    renameSync(partial, path);
  } finally {
    rmSync(osm, { force: true });
    rmSync(partial, { force: true });
  }
  return { path, generatedSeconds: (performance.now() - started) / 1000 };
}
