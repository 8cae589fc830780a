/**
 * The Node side of road reach, shared by `npm run reach` and `npm run plan -- --roads`: a road file as a
 * streamed byte source (a file handle, read in windows), Node's zlib for the PBF blobs, the profile file, and the
 * network build, with timings for the summary line.
 */
import { open } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';
import { buildRoadNetwork, type IndexedRoadNetwork } from '../core/road/graph';
import { defaultCarProfile, parseProfileJson, type CarProfile } from '../core/road/profile';
import { InputError } from '../io/problems';
import { readRoads, type RoadsRead } from '../io/roads';
import type { ByteSource, RoadReadProgress } from '../io/roads-source';
import { readText } from './plan-inputs';

/** A file as a byte source; `close` releases the handle. */
export async function fileSource(file: string): Promise<ByteSource & { close: () => Promise<void> }> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(file, `cannot read: ${code === 'ENOENT' ? 'no such file' : String(code ?? error)}`);
  }
  const { size } = await handle.stat();
  const fh = handle;
  return {
    size,
    read: async (offset, length) => {
      const bytes = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
      let done = 0;
      while (done < bytes.length) {
        const { bytesRead } = await fh.read(bytes, done, bytes.length - done, offset + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return bytes.subarray(0, done);
    },
    close: () => fh.close(),
  };
}

/** A loaded road network and what it took. */
export interface LoadedRoads {
  network: IndexedRoadNetwork;
  read: RoadsRead;
  profile: CarProfile;
  /** File size in bytes. */
  bytes: number;
  readSeconds: number;
  buildSeconds: number;
}

/**
 * Reads a road file and builds its network.
 * @param profileFile JSON profile overriding the default car profile (see src/core/road/profile.ts)
 * @throws InputError for a missing or broken file
 */
export async function loadRoads(
  file: string,
  profileFile?: string,
  onProgress?: (progress: RoadReadProgress) => void,
): Promise<LoadedRoads> {
  let profile = defaultCarProfile();
  if (profileFile !== undefined) {
    try {
      profile = parseProfileJson(await readText(profileFile));
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw new InputError(profileFile, (error as Error).message);
    }
  }
  const source = await fileSource(file);
  const started = performance.now();
  let read: RoadsRead;
  try {
    read = await readRoads(source, { file, profile, inflate: (data) => inflateSync(data), onProgress });
  } finally {
    await source.close();
  }
  const readSeconds = (performance.now() - started) / 1000;
  const built = performance.now();
  const network = buildRoadNetwork(read.ways, { accessSpeedKmh: profile.accessSpeedKmh });
  return {
    network,
    read,
    profile,
    bytes: source.size,
    readSeconds,
    buildSeconds: (performance.now() - built) / 1000,
  };
}

/** One line about a loaded network, e.g. `roads.osm.pbf: 12,345 drivable ways of 50,000, 8,000 graph nodes ...`. */
export function roadsSummary(file: string, roads: LoadedRoads): string {
  const n = (x: number): string => x.toLocaleString('en-US');
  const { stats } = roads.read;
  const { graph, components } = roads.network;
  const largest = graph.nodeCount > 0 ? (100 * components.sizes[0]) / graph.nodeCount : 0;
  const missing = stats.missingNodes > 0 ? `, ${n(stats.missingNodes)} referenced nodes missing from the file` : '';
  return (
    `${file}: ${n(stats.drivableWays)} drivable ways of ${n(stats.ways)}, ${n(graph.nodeCount)} graph nodes, ` +
    `${n(graph.offsets[graph.nodeCount])} edges, ${n(components.count)} strongly connected components ` +
    `(largest ${largest.toFixed(1)}% of nodes)${missing}; read ${roads.readSeconds.toFixed(2)} s, ` +
    `build ${roads.buildSeconds.toFixed(2)} s`
  );
}
