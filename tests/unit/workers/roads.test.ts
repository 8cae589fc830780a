import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Comlink from 'comlink';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRoads } from '../../../src/cli/reach-network';
import type { RoadLoadProgress, RoadsApi } from '../../../workers/roads-api';
import { RoadsService } from '../../../workers/roads-service';
import {
  generateNetwork,
  osmiumToPbf,
  randomPointsCsv,
  writeOsmXmlFile,
  type GeneratedNetwork,
} from '../../fixtures/roads/generate';
import { referenceRule, referenceTable } from '../cli/reach-reference';

const tmp = mkdtempSync(join(tmpdir(), 'ruralreach-roads-worker-'));
const MAX_MINUTES = 12;

function points(csv: string): [number, number][] {
  return csv
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .map((cells) => [Number(cells[1]), Number(cells[2])]);
}

const ports: MessagePort[] = [];
/** The service behind comlink over a MessageChannel: structured clone, transfer and proxies as in a Worker. */
function remoteService(): Comlink.Remote<RoadsApi> {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  Comlink.expose(new RoadsService(), port2);
  return Comlink.wrap<RoadsApi>(port1);
}
afterAll(() => {
  for (const port of ports.splice(0)) port.close();
});

const within = (got: number, want: number): boolean => Math.abs(got - want) <= Math.max(2, 0.005 * want);

describe('road worker service (comlink over a MessageChannel, a generated .osm.pbf)', () => {
  let network: GeneratedNetwork;
  let pbf: Blob;
  const villages = (): [number, number][] => points(randomPointsCsv(21, 30, network.bbox, 'v'));
  const sites = (): [number, number][] => points(randomPointsCsv(22, 9, network.bbox, 's'));
  const lonOf = (p: [number, number][]): Float64Array => Float64Array.from(p, (x) => x[0]);
  const latOf = (p: [number, number][]): Float64Array => Float64Array.from(p, (x) => x[1]);

  beforeAll(async () => {
    network = generateNetwork({ seed: 31, side: 9, shapeNodes: 2 });
    await writeOsmXmlFile(network, join(tmp, 'roads.osm'));
    osmiumToPbf(join(tmp, 'roads.osm'), join(tmp, 'roads.osm.pbf'));
    pbf = new Blob([readFileSync(join(tmp, 'roads.osm.pbf'))]);
  });

  it('loads with byte progress, then answers table, isochrone reach and moved-site coverage like a reference', async () => {
    const remote = remoteService();
    const seen: RoadLoadProgress[] = [];
    const summary = await remote.load(
      pbf,
      'roads.osm.pbf',
      undefined,
      Comlink.proxy((p: RoadLoadProgress) => void seen.push(p)),
    );
    expect(summary.format).toBe('pbf');
    // The CLI's loader (Node file handle, zlib) builds the same network.
    const cli = await loadRoads(join(tmp, 'roads.osm.pbf'));
    expect(summary.nodes).toBe(cli.network.graph.nodeCount);
    expect(summary.edges).toBe(cli.network.graph.offsets[summary.nodes]);
    expect(summary.components).toBe(cli.network.components.count);
    expect(summary.nodes).toBeGreaterThan(40);
    expect(summary.edges).toBeGreaterThan(summary.nodes);
    expect(summary.km).toBeGreaterThan(50);
    expect(summary.largestComponentShare).toBeGreaterThan(0.5);
    expect(summary.largestComponentShare).toBeLessThanOrEqual(1);
    expect(summary.drivableWays).toBeLessThan(summary.ways);
    const reads = seen.filter((p) => p.phase === 'read');
    expect(reads.some((p) => p.phase === 'read' && p.bytesRead === p.bytesTotal && p.bytesTotal === pbf.size)).toBe(
      true,
    );
    expect(seen.at(-1)?.phase).toBe('build');

    const v = villages();
    const s = sites();
    expect(await remote.setVillages(lonOf(v), latOf(v))).toBe(30);
    const shares: number[] = [];
    const table = await remote.table(
      lonOf(s),
      latOf(s),
      MAX_MINUTES,
      'to-site',
      Comlink.proxy((share: number) => void shares.push(share)),
    );
    expect(shares.at(-1)).toBe(1);
    expect(table.offsets.length).toBe(10);
    const reference = referenceTable(network, v, s); // rows villages drive to columns sites
    const limit = MAX_MINUTES * 60;
    let inside = 0;
    for (let j = 0; j < 9; j++) {
      const got = new Map<number, number>();
      for (let k = table.offsets[j]; k < table.offsets[j + 1]; k++) got.set(table.villages[k], table.seconds[k]);
      for (let i = 0; i < 30; i++) {
        const want = reference[i][j];
        const time = got.get(i);
        if (time !== undefined) {
          expect(within(time, want), `village ${i} -> site ${j}: ${time} vs ${want}`).toBe(true);
          expect(time).toBeLessThanOrEqual(limit);
          inside++;
        } else {
          expect(want, `village ${i} -> site ${j} is inside the limit`).toBeGreaterThan(
            limit - Math.max(2, 0.005 * want),
          );
        }
      }
      // Moving site j to where it already is gives its table column.
      const moved = await remote.siteCoverage(s[j][0], s[j][1], MAX_MINUTES);
      expect([...moved.villages]).toEqual([...got.keys()]);
    }
    expect(inside).toBeGreaterThan(20);
    expect(inside).toBeLessThan(30 * 9 - 20);

    // Isochrone: every node reached from site 0 within the limit, at the reference time of driving to it.
    const reach = await remote.reachFrom(s[0][0], s[0][1], MAX_MINUTES, 'from-site');
    expect(reach.nodes.length).toBeGreaterThan(5);
    const sample = Array.from({ length: Math.min(40, reach.nodes.length) }, (_, k) =>
      Math.floor((k * reach.nodes.length) / 40),
    );
    const toNodes = referenceTable(
      network,
      [s[0]],
      sample.map((k) => [reach.lon[k], reach.lat[k]]),
    )[0];
    sample.forEach((k, q) => {
      expect(reach.seconds[k]).toBeLessThanOrEqual(limit);
      expect(within(reach.seconds[k], toNodes[q]), `node ${reach.nodes[k]}: ${reach.seconds[k]} vs ${toNodes[q]}`).toBe(
        true,
      );
    });
  });

  it('hands the map every drivable segment once, with its speed, and nothing else', async () => {
    const remote = remoteService();
    const empty = await remote.lines();
    expect(empty.count).toBe(0);
    await remote.load(pbf, 'roads.osm.pbf');
    const lines = await remote.lines();
    expect(lines.positions.length).toBe(4 * lines.count);
    // Keyed by the float32 coordinates the map gets (under a metre from the file's).
    const key = (x0: number, y0: number, x1: number, y1: number): string => {
      const a = `${Math.fround(x0)},${Math.fround(y0)}`;
      const b = `${Math.fround(x1)},${Math.fround(y1)}`;
      return a < b ? `${a} ${b}` : `${b} ${a}`;
    };
    const want = new Map<string, Set<number>>(); // segment -> speeds of the drivable ways along it
    for (const way of network.ways) {
      const rule = referenceRule(way.tags);
      if (rule === undefined) continue;
      for (let k = 0; k + 1 < way.nodes.length; k++) {
        const [a, b] = [way.nodes[k], way.nodes[k + 1]];
        const id = key(network.lon[a], network.lat[a], network.lon[b], network.lat[b]);
        want.set(id, (want.get(id) ?? new Set()).add(Math.round(rule.kmh)));
      }
    }
    const got = new Set<string>();
    for (let s = 0; s < lines.count; s++) {
      const p = lines.positions.subarray(4 * s, 4 * s + 4);
      const id = key(p[0], p[1], p[2], p[3]);
      expect(want.get(id), `segment ${id} is drivable`).toBeDefined();
      expect(want.get(id)!.has(lines.kmh[s]), `segment ${id} at ${lines.kmh[s]} km/h`).toBe(true);
      got.add(id);
    }
    expect(got.size).toBe(want.size);
    expect(lines.count).toBeGreaterThanOrEqual(want.size);
  });

  it('stops a load when the shared stop flag is set and keeps no network', async () => {
    const remote = remoteService();
    const flag = new Int32Array(new SharedArrayBuffer(4));
    Atomics.store(flag, 0, 1);
    await expect(remote.load(pbf, 'roads.osm.pbf', undefined, undefined, flag)).rejects.toThrow('road load cancelled');
    expect(await remote.summary()).toBeUndefined();
    expect(await remote.busy()).toBe(false);
    await expect(remote.setVillages(new Float64Array(1), new Float64Array(1))).rejects.toThrow('no road network');
  });

  it('rejects a broken file with a located message', async () => {
    const remote = remoteService();
    const broken = new Blob([new Uint8Array([0, 0, 0, 9, 1, 2, 3])]);
    await expect(remote.load(broken, 'broken.osm.pbf')).rejects.toThrow('broken.osm.pbf');
  });
});
