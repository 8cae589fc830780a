import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/rollout';
import type { Console } from '../../../src/cli/terminal';
import { readProvinceVillages } from '../../../src/data/node-files';
import { generateNetwork, osmiumToPbf, writeOsmXmlFile, type GeneratedNetwork } from '../../fixtures/roads/generate';
import { requireDataset } from '../data/dataset';
import { referenceTable } from './reach-reference';

interface SiteFeature {
  properties: { role: string; countyCode: string };
  geometry: { coordinates: [number, number] };
}

const STATION_MINUTES = 6;
const CENTER_MINUTES = 20;
/** The table's tolerance of the reach test: max(2 s, 0.5 %). */
const tolerance = (seconds: number): number => Math.max(2, 0.005 * seconds);

describe('npm run rollout -- --roads: reach by road over a generated network in Zhejiang', () => {
  requireDataset();
  const dir = mkdtempSync(join(tmpdir(), 'ruralreach-rollout-roads-'));
  const out = join(dir, 'rollout.geojson');
  const reportFile = join(dir, 'rollout.json');
  const outLines: string[] = [];
  const io: Console = { out: (l) => outLines.push(l), err: (l) => outLines.push(l), isTty: false };
  let network: GeneratedNetwork;
  let code = -1;

  beforeAll(async () => {
    // 0.14 deg x 0.14 deg of roads (about 14 km) around the center position (seat stand-in) of a county of
    // Jinhua; the rest of the province is off the network.
    network = generateNetwork({ seed: 21, side: 15, shapeNodes: 1, spacingDeg: 0.01, origin: [119.77, 29.05] });
    await writeOsmXmlFile(network, join(dir, 'roads.osm'));
    osmiumToPbf(join(dir, 'roads.osm'), join(dir, 'roads.osm.pbf'));
    code = await main(
      [
        ...['--provinces', '33', '--roads', join(dir, 'roads.osm.pbf')],
        ...['--reach-minutes', String(STATION_MINUTES), '--center-minutes', String(CENTER_MINUTES)],
        ...['--centers', '3', '--stations', '12', '--years', '3', '--budget', '1000000000'],
        ...['--out', out, '--report', reportFile],
      ],
      io,
    );
  }, 120_000);

  it('exits 0, says which reach it used and warns about the villages off the road file', () => {
    expect(code, outLines.join('\n')).toBe(0);
    const report = JSON.parse(readFileSync(reportFile, 'utf8'));
    expect(report.reach).toMatchObject({
      kind: 'road',
      stationMinutes: STATION_MINUTES,
      centerMinutes: CENTER_MINUTES,
      direction: 'village-to-station',
      ruralVillages: report.ruralVillages,
    });
    expect(report.reach.farFromRoad).toBeGreaterThan(report.ruralVillages / 2);
    expect(report.method).toContain(`within ${STATION_MINUTES} min by road per yuan`);
    expect(report.method).toContain(`within ${CENTER_MINUTES} min by road of its county's center`);
    expect(outLines.join('\n')).toMatch(/reach by road: stations 6 min .*centers 20 min/);
    expect(outLines.join('\n')).toMatch(/warning: \d+ of \d+ rural villages are over 1 km from any road/);
  });

  it('covers the villages an independent Dijkstra puts within the reach of its stations, each station within its center reach', () => {
    const report = JSON.parse(readFileSync(reportFile, 'utf8'));
    const sites = (JSON.parse(readFileSync(out, 'utf8')) as { features: SiteFeature[] }).features;
    const stations = sites.filter((f) => f.properties.role === 'station');
    expect(stations.length).toBeGreaterThan(0);
    // Villages over 2 km off the network are over 12 min away by the walk to it alone.
    const [west, south, east, north] = network.bbox;
    const table = readProvinceVillages('33');
    const near: [number, number][] = [];
    for (let i = 0; i < table.count; i++) {
      const [x, y] = [table.positions[2 * i], table.positions[2 * i + 1]];
      if (table.rural[i] && x > west - 0.02 && x < east + 0.02 && y > south - 0.02 && y < north + 0.02)
        near.push([x, y]);
    }
    const times = referenceTable(
      network,
      near,
      stations.map((f) => f.geometry.coordinates),
    );
    const limit = STATION_MINUTES * 60;
    const best = times.map((row) => Math.min(...row));
    const surely = best.filter((s) => s <= limit - tolerance(s)).length;
    const maybe = best.filter((s) => s <= limit + tolerance(s)).length;
    const covered = report.years.at(-1).ruralVillagesCovered;
    expect(covered).toBeGreaterThan(0);
    expect(covered).toBeGreaterThanOrEqual(surely);
    expect(covered).toBeLessThanOrEqual(maybe);
    // Each station is within the center reach by road of its own county's center.
    const centers = sites.filter((f) => f.properties.role === 'center');
    const fromCenters = referenceTable(
      network,
      centers.map((f) => f.geometry.coordinates),
      stations.map((f) => f.geometry.coordinates),
    );
    stations.forEach((station, s) => {
      const c = centers.findIndex((f) => f.properties.countyCode === station.properties.countyCode);
      expect(c, station.properties.countyCode).toBeGreaterThanOrEqual(0);
      const seconds = fromCenters[c][s];
      expect(seconds).toBeLessThanOrEqual(CENTER_MINUTES * 60 + tolerance(seconds));
    });
  });

  it('refuses road options without --roads, and --roads without --reach-minutes', async () => {
    const quiet: Console = { out: () => undefined, err: () => undefined, isTty: false };
    expect(await main(['--reach-minutes', '5', '--out', out], quiet)).toBe(2);
    expect(await main(['--roads', join(dir, 'roads.osm.pbf'), '--out', out], quiet)).toBe(2);
    expect(await main(['--provinces', '99', '--out', out], quiet)).toBe(2);
  });
});
