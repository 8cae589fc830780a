/**
 * Benchmark section `roads` (`npm run bench -- --only roads`): a Zhejiang-sized generated road network
 * (./roads-network.ts, cached in the temp folder) read and built as `npm run reach` does, in a child process
 * (./roads-measure.ts) so that its peak RSS is the road work's alone: read MB/s, build s, memory, one-to-many
 * Dijkstra per site at 30 min, and the 20,000 villages x 2,000 sites reach at 30 min. Figures only.
 * Then the same file imported in the app in Chromium, read and built in the roads worker (./roads-browser.ts):
 * file-to-summary seconds, Chromium's peak memory, the main thread's longest task meanwhile.
 */
import { execFileSync } from 'node:child_process';
import type { RoadsMeasure } from './roads-measure';
import { browserRoadRows } from './roads-browser';
import { zhejiangPbf } from './roads-network';
import type { BenchRow } from './table';

export async function run(): Promise<BenchRow[]> {
  const { path, generatedSeconds } = await zhejiangPbf((line) => process.stderr.write(`${line}\n`));
  const out = execFileSync('node_modules/.bin/tsx', ['tests/bench/roads-measure.ts', path], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  const m = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as RoadsMeasure;
  const mb = m.bytes / 2 ** 20;
  const n = (x: number): string => Math.round(x).toLocaleString('en-US');
  const gen = generatedSeconds > 0 ? `, generated in ${generatedSeconds.toFixed(0)} s` : '';
  return [
    {
      instance: 'zhejiang-size roads',
      model: 'roads read (node)',
      objective: m.osmNodes,
      seconds: m.readSeconds,
      note: `${(mb / m.readSeconds).toFixed(1)} MB/s of ${mb.toFixed(1)} MB .osm.pbf, ${n(m.osmNodes)} OSM nodes${gen}`,
    },
    {
      instance: 'zhejiang-size roads',
      model: 'roads build (node)',
      objective: m.graphNodes,
      seconds: m.buildSeconds,
      note:
        `${n(m.graphNodes)} graph nodes, ${n(m.edges)} edges, ${n(m.components)} SCCs (largest ` +
        `${(100 * m.largestShare).toFixed(1)}%); heap ${m.heapMB.toFixed(0)} MB, array buffers ` +
        `${m.arrayBuffersMB.toFixed(0)} MB, max RSS ${m.maxRssMB.toFixed(0)} MB`,
    },
    {
      instance: 'zhejiang-size roads',
      model: 'roads one-to-many 30 min',
      objective: m.oneToManySettled,
      seconds: m.oneToManyMs / 1000,
      note: `${m.oneToManyMs.toFixed(2)} ms per site, ${n(m.oneToManySettled)} nodes settled per run`,
    },
    {
      instance: 'zhejiang-size roads',
      model: 'roads table 20k x 2k 30 min',
      objective: m.tablePairs,
      seconds: m.tableSeconds,
      note: `${n(m.tablePairs)} pairs within 30 min, ${m.tableMB.toFixed(1)} MB sparse; snapping ${m.snapSeconds.toFixed(2)} s`,
    },
    ...(await browserRoadRows(path)),
  ];
}
