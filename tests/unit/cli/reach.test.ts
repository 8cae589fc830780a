import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main as planMain } from '../../../src/cli/plan';
import { main } from '../../../src/cli/reach';
import type { Console } from '../../../src/cli/terminal';
import {
  generateNetwork,
  osmiumToPbf,
  randomPointsCsv,
  toGeoJson,
  writeOsmXmlFile,
  type GeneratedNetwork,
} from '../../fixtures/roads/generate';
import { referenceRule, referenceTable } from './reach-reference';

const tmp = mkdtempSync(join(tmpdir(), 'ruralreach-reach-'));
const MAX_MINUTES = 15;

function runCli(args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile('node_modules/.bin/tsx', ['src/cli/reach.ts', ...args], { timeout: 60_000 }, (error, _out, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stderr });
    });
  });
}

async function runMain(args: string[]): Promise<{ code: number; err: string[] }> {
  const err: string[] = [];
  const io: Console = { out: () => undefined, err: (l) => err.push(l), isTty: false };
  return { code: await main(args, io), err };
}

function parseCsv(text: string): [number, number][] {
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .filter((cells) => Number.isFinite(Number(cells[1])))
    .map((cells) => [Number(cells[1]), Number(cells[2])]);
}

describe('npm run reach on generated OSM networks (osmium-tool .osm -> .osm.pbf)', () => {
  let network: GeneratedNetwork;
  const paths = {
    osm: join(tmp, 'roads.osm'),
    pbf: join(tmp, 'roads.osm.pbf'),
    geojson: join(tmp, 'roads.geojson'),
    villages: join(tmp, 'villages.csv'),
    sites: join(tmp, 'sites.csv'),
  };

  beforeAll(async () => {
    network = generateNetwork({ seed: 13, side: 10, shapeNodes: 2 });
    await writeOsmXmlFile(network, paths.osm);
    osmiumToPbf(paths.osm, paths.pbf);
    writeFileSync(paths.geojson, JSON.stringify(toGeoJson(network)));
    // One bad row in the middle: the table keeps its (all-null) row so it lines up with the file's records.
    const villages = randomPointsCsv(3, 36, network.bbox, 'v').replace('\nv5,', '\nv5bad,x');
    writeFileSync(paths.villages, villages);
    writeFileSync(paths.sites, randomPointsCsv(4, 12, network.bbox, 's'));
  });

  it('generates every class, oneway form, maxspeed kind, non-car way, private access and a roundabout', () => {
    const has = (key: string, value: string): boolean => network.ways.some((w) => w.tags[key] === value);
    for (const highway of ['motorway', 'trunk_link', 'living_street', 'service', 'track', 'footway', 'steps']) {
      expect(has('highway', highway), highway).toBe(true);
    }
    for (const oneway of ['yes', '1', 'true', '-1', 'no']) expect(has('oneway', oneway), oneway).toBe(true);
    for (const maxspeed of ['35', '50 mph', 'CN:urban']) expect(has('maxspeed', maxspeed), maxspeed).toBe(true);
    expect(has('access', 'private') && has('access', 'no') && has('junction', 'roundabout')).toBe(true);
    expect(network.ways.some((w) => w.tags.access === 'private' && referenceRule(w.tags) !== undefined)).toBe(true);
  });

  it('writes the OSRM table that an independent raw-segment Dijkstra gives, within max(2 s, 0.5 %)', async () => {
    const out = join(tmp, 'table-pbf.json');
    const run = await runCli([
      '--roads',
      paths.pbf,
      '--from',
      paths.villages,
      '--to',
      paths.sites,
      '--max-minutes',
      String(MAX_MINUTES),
      '--out',
      out,
    ]);
    expect(run.stderr).toContain('pairs within');
    expect(run.code).toBe(0);
    const table = JSON.parse(readFileSync(out, 'utf8')) as { code: string; durations: (number | null)[][] };
    expect(table.code).toBe('Ok');
    expect(table.durations.length).toBe(36);
    expect(table.durations[5].every((v) => v === null)).toBe(true);
    const villageRows = readFileSync(paths.villages, 'utf8').trim().split('\n').slice(1);
    const goodRows = villageRows
      .map((row, r) => (Number.isFinite(Number(row.split(',')[1])) ? r : -1))
      .filter((r) => r >= 0);
    const reference = referenceTable(
      network,
      parseCsv(readFileSync(paths.villages, 'utf8')),
      parseCsv(readFileSync(paths.sites, 'utf8')),
    );
    const limit = MAX_MINUTES * 60;
    let inside = 0;
    goodRows.forEach((row, i) => {
      for (let j = 0; j < 12; j++) {
        const want = reference[i][j];
        const got = table.durations[row][j];
        const tolerance = Math.max(2, 0.005 * want);
        if (got !== null) {
          expect(Math.abs(got - want), `village row ${row} -> site ${j}`).toBeLessThanOrEqual(tolerance);
          expect(got).toBeLessThanOrEqual(limit);
        } else if (want < limit - tolerance) {
          throw new Error(`village row ${row} -> site ${j}: reference ${want} s is inside the limit, table says null`);
        }
        if (want <= limit) inside++;
      }
    });
    // The instance is not trivial: many pairs inside the limit, many outside.
    expect(inside).toBeGreaterThan(60);
    expect(inside).toBeLessThan(35 * 12 - 60);
  });

  it('gives the same table from the .osm XML and the GeoJSON lines as from the .osm.pbf', async () => {
    const tables: string[] = [];
    for (const roads of [paths.pbf, paths.osm, paths.geojson]) {
      const out = join(tmp, `table-${tables.length}.json`);
      const args = [
        '--roads',
        roads,
        '--from',
        paths.villages,
        '--to',
        paths.sites,
        '--max-minutes',
        '9',
        '--out',
        out,
      ];
      const run = await runMain(args);
      expect(run.code, run.err.join('\n')).toBe(0);
      tables.push(readFileSync(out, 'utf8'));
    }
    expect(tables[1]).toBe(tables[0]);
    expect(tables[2]).toBe(tables[0]);
  });

  it('plans on road reach directly (plan --roads) as on the reach table (plan --matrix), and says so', async () => {
    const table = join(tmp, 'table-plan.json');
    const reach = await runMain([
      '--roads',
      paths.pbf,
      '--from',
      paths.villages,
      '--to',
      paths.sites,
      '--max-minutes',
      '15',
      '--out',
      table,
    ]);
    expect(reach.code).toBe(0);
    const io = (err: string[]): Console => ({ out: () => undefined, err: (l) => err.push(l), isTty: false });
    const common = ['--demand', paths.villages, '--candidates', paths.sites, '--model', 'mclp', '--p', '3'];
    const errRoads: string[] = [];
    const byRoads = await planMain(
      [
        ...common,
        '--roads',
        paths.pbf,
        '--reach-minutes',
        '15',
        '--out',
        join(tmp, 'p1.geojson'),
        '--report',
        join(tmp, 'r1.json'),
      ],
      io(errRoads),
    );
    expect(byRoads, errRoads.join('\n')).toBe(0);
    const errMatrix: string[] = [];
    const byMatrix = await planMain(
      [
        ...common,
        '--matrix',
        table,
        '--radius',
        '900',
        '--out',
        join(tmp, 'p2.geojson'),
        '--report',
        join(tmp, 'r2.json'),
      ],
      io(errMatrix),
    );
    expect(byMatrix, errMatrix.join('\n')).toBe(0);
    const r1 = JSON.parse(readFileSync(join(tmp, 'r1.json'), 'utf8'));
    const r2 = JSON.parse(readFileSync(join(tmp, 'r2.json'), 'utf8'));
    expect(r1.selected).toEqual(r2.selected);
    expect(r1.coveredWeight).toBe(r2.coveredWeight);
    expect(r1.coveredWeight).toBeGreaterThan(0);
    expect(r1.reach).toMatchObject({ kind: 'road', minutes: 15, direction: 'village-to-site' });
    expect(r2.reach).toMatchObject({ kind: 'matrix', unit: 's', radius: 900 });
    expect(errRoads.at(-1)).toContain('reach: by road, 15 min');
    const bad: string[] = [];
    expect(await planMain([...common, '--roads', paths.pbf, '--out', join(tmp, 'p3.geojson')], io(bad))).toBe(2);
    expect(bad).toEqual(['plan: --roads needs --reach-minutes M (station reach by road)']);
  });

  it('plans two tiers with the center reach by road (plan --center-minutes), as enumeration on the tables does', async () => {
    const [stationMin, centerMin] = [15, 6];
    const tableOf = async (from: string, minutes: number, name: string): Promise<(number | null)[][]> => {
      const out = join(tmp, name);
      const args = ['--roads', paths.pbf, '--from', from, '--to', paths.sites, '--max-minutes', String(minutes)];
      expect((await runMain([...args, '--out', out])).code).toBe(0);
      return (JSON.parse(readFileSync(out, 'utf8')) as { durations: (number | null)[][] }).durations;
    };
    const villageTable = (await tableOf(paths.villages, stationMin, 'tt-v.json')).filter((_, r) => r !== 5);
    const centerTable = await tableOf(paths.sites, centerMin, 'tt-c.json'); // row = center, column = station
    const within = (v: number | null, minutes: number): boolean => v !== null && v <= minutes * 60;
    const coveredBy = (stations: number[]): number =>
      villageTable.filter((row) => stations.some((j) => within(row[j], stationMin))).length;
    let best = 0;
    for (let c = 0; c < 12; c++) {
      const reachable = [...Array(12).keys()].filter((j) => within(centerTable[c][j], centerMin));
      for (let a = 0; a < reachable.length; a++)
        for (let b = a; b < reachable.length; b++)
          for (let d = b; d < reachable.length; d++)
            best = Math.max(best, coveredBy([reachable[a], reachable[b], reachable[d]]));
    }
    const err: string[] = [];
    const io: Console = { out: () => undefined, err: (l) => err.push(l), isTty: false };
    const report = join(tmp, 'two-tier-road.json');
    const code = await planMain(
      [
        ...['--demand', paths.villages, '--candidates', paths.sites, '--model', 'two-tier', '--p', '3'],
        ...['--centers', '1', '--roads', paths.pbf, '--reach-minutes', String(stationMin)],
        ...['--center-minutes', String(centerMin), '--exact', '--out', join(tmp, 'tt.geojson'), '--report', report],
      ],
      io,
    );
    expect(code, err.join('\n')).toBe(0);
    const r = JSON.parse(readFileSync(report, 'utf8'));
    expect(best).toBeGreaterThan(0);
    expect(r.objective).toBe(best);
    expect(r.coveredWeight).toBe(best);
    expect(r.reach).toMatchObject({ kind: 'road', minutes: stationMin, centerMinutes: centerMin });
    expect(r.params.centerRadius).toBe(centerMin * 60);
    expect(err.at(-1)).toContain(`by road, ${stationMin} min, centers ${centerMin} min`);
    // The straight line would not have done: with every center reaching every station the plan covers more.
    const wide = await planMain(
      [
        ...['--demand', paths.villages, '--candidates', paths.sites, '--model', 'two-tier', '--p', '3'],
        ...['--centers', '1', '--roads', paths.pbf, '--reach-minutes', String(stationMin)],
        ...['--center-radius', '1000', '--exact', '--out', join(tmp, 'tt2.geojson'), '--report', report],
      ],
      io,
    );
    expect(wide).toBe(0);
    expect(JSON.parse(readFileSync(report, 'utf8')).objective).toBeGreaterThan(best);
    const bad: string[] = [];
    const mclp = ['--demand', paths.villages, '--model', 'mclp', '--p', '2', '--out', join(tmp, 'x.geojson')];
    const badIo: Console = { out: () => undefined, err: (l) => bad.push(l), isTty: false };
    expect(
      await planMain([...mclp, '--roads', paths.pbf, '--reach-minutes', '9', '--center-minutes', '5'], badIo),
    ).toBe(2);
    expect(bad).toEqual(['plan: --center-minutes does not apply to --model mclp']);
  });

  it('fails with one located line and exit 2 on a broken road file or a bad option', async () => {
    const bytes = readFileSync(paths.pbf);
    const cut = join(tmp, 'cut.osm.pbf');
    writeFileSync(cut, bytes.subarray(0, bytes.length - 100));
    const args = (roads: string): string[] => [
      '--roads',
      roads,
      '--from',
      paths.villages,
      '--to',
      paths.sites,
      '--max-minutes',
      '9',
      '--out',
      join(tmp, 'x.json'),
    ];
    const broken = await runMain(args(cut));
    expect(broken.code).toBe(2);
    expect(broken.err.at(-1)).toMatch(/cut\.osm\.pbf: blob \d+ at byte \d+: .*truncated/);
    const missing = await runMain(args(join(tmp, 'none.osm.pbf')));
    expect(missing.code).toBe(2);
    expect(missing.err.at(-1)).toMatch(/none\.osm\.pbf: cannot read: no such file/);
    const usage = await runMain(['--roads', paths.pbf]);
    expect(usage.code).toBe(2);
    expect(usage.err).toEqual(['reach: missing --from (see --help)']);
  });
});
