import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/routes';

const X = join(__dirname, '..', '..', '..', '..', 'shared', 'bench', 'cvrp');

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (l: string) => void out.push(l), err: (l: string) => void err.push(l), isTty: false };
  return { io, out, err };
}

/** Distance of the file's nodes, TSPLIB EUC_2D nint, and capacity/demands, read here independently of src/io. */
function readX(text: string) {
  const lines = text.split(/\r?\n/);
  const capacity = Number(/CAPACITY\s*:\s*(\d+)/.exec(text)![1]);
  const at = (name: string) => lines.findIndex((l) => l.trim().startsWith(name));
  const xy = new Map<number, [number, number]>();
  const demand = new Map<number, number>();
  for (let k = at('NODE_COORD_SECTION') + 1; !/SECTION/.test(lines[k]); k++) {
    const [id, x, y] = lines[k].trim().split(/\s+/).map(Number);
    xy.set(id, [x, y]);
  }
  for (let k = at('DEMAND_SECTION') + 1; !/SECTION/.test(lines[k]); k++) {
    const [id, q] = lines[k].trim().split(/\s+/).map(Number);
    demand.set(id, q);
  }
  const depot = Number(lines[at('DEPOT_SECTION') + 1].trim());
  const d = (a: number, b: number) =>
    Math.floor(Math.hypot(xy.get(a)![0] - xy.get(b)![0], xy.get(a)![1] - xy.get(b)![1]) + 0.5);
  return { capacity, demand, depot, d, ids: [...xy.keys()] };
}

describe('npm run routes --cvrplib', () => {
  it('writes feasible routes of X-n101-k25 whose recomputed cost is within 3 % of the best known 27591', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'routes-'));
    const report = join(dir, 'r.json');
    const c = capture();
    const code = await main(['--cvrplib', join(X, 'X-n101-k25.vrp'), '--seconds', '5', '--report', report], c.io);
    expect(code).toBe(0);
    const r = JSON.parse(readFileSync(report, 'utf8')) as { routes: number[][]; cost: number; vehicles: number };
    const x = readX(readFileSync(join(X, 'X-n101-k25.vrp'), 'utf8'));
    const visited = r.routes.flat().sort((a, b) => a - b);
    expect(visited).toEqual(x.ids.filter((id) => id !== x.depot).sort((a, b) => a - b));
    let cost = 0;
    for (const route of r.routes) {
      expect(route.reduce((s, id) => s + x.demand.get(id)!, 0)).toBeLessThanOrEqual(x.capacity);
      [x.depot, ...route].forEach((id, k, all) => (cost += x.d(id, all[k + 1] ?? x.depot)));
    }
    expect(r.cost).toBe(cost);
    expect(r.vehicles).toBe(r.routes.length);
    expect(cost).toBeLessThanOrEqual(27591 * 1.03);
  });

  it('names the file and line of a broken instance and exits 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'routes-'));
    const file = join(dir, 'bad.vrp');
    writeFileSync(file, 'NAME : bad\nTYPE : CVRP\nDIMENSION : 3\nCAPACITY : 0\nEDGE_WEIGHT_TYPE : EUC_2D\n');
    const c = capture();
    expect(await main(['--cvrplib', file], c.io)).toBe(2);
    expect(c.err.join('\n')).toMatch(/bad\.vrp/);
  });
});
