import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Comlink from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { PlannerService } from '../../../workers/planner-service';
import { requestBuffers, type PlannerApi } from '../../../src/core/planner-api';
import type { PlanParams, PlanRequest } from '../../../src/core/plan-types';
import type { Progress } from '../../../src/core/types';
import { assemblePlanInputs } from '../../../src/io/plan-inputs';
import type { PlanReport } from '../../../src/io/plan-output';

const fixtures = 'tests/fixtures/plan';
const text = (file: string): string => readFileSync(`${fixtures}/${file}`, 'utf8');

/** A fresh request on the fixtures (fresh arrays each time: transferring detaches them). */
function request(params: PlanParams): PlanRequest {
  const inputs = assemblePlanInputs({
    demand: { file: 'villages.csv', text: text('villages.csv') },
    weightField: 'pop',
    candidates: { file: 'sites.csv', text: text('sites.csv') },
  });
  return { demand: inputs.demand, candidates: inputs.candidates, params };
}

const ports: MessagePort[] = [];
/** The service behind comlink over a MessageChannel: structured clone, transfer and proxies as in a Worker. */
function remoteService(): Comlink.Remote<PlannerApi> {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  Comlink.expose(new PlannerService(), port2);
  return Comlink.wrap<PlannerApi>(port1);
}
afterEach(() => {
  for (const port of ports.splice(0)) port.close();
});

function runCli(args: string[]): Promise<number> {
  return new Promise((resolve) => {
    execFile('node_modules/.bin/tsx', ['src/cli/plan.ts', ...args], { timeout: 60_000 }, (error) =>
      resolve(error === null ? 0 : Number(error.code)),
    );
  });
}

describe('planner worker API', () => {
  it('gives the same plan as the CLI for the same inputs and seed', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'ruralreach-worker-'));
    const remote = remoteService();
    const runs: [PlanParams, string[]][] = [
      [{ model: 'mclp', p: 4, radius: 6, seed: 5 }, ['--model', 'mclp', '--p', '4', '--radius', '6', '--seed', '5']],
      [{ model: 'pmedian', p: 3, seed: 5 }, ['--model', 'pmedian', '--p', '3', '--seed', '5']],
    ];
    for (const [params, flags] of runs) {
      const report = join(tmp, `${params.model}.json`);
      const args = ['--demand', `${fixtures}/villages.csv`, '--weight', 'pop', '--candidates', `${fixtures}/sites.csv`];
      expect(await runCli([...args, ...flags, '--out', join(tmp, 'plan.geojson'), '--report', report])).toBe(0);
      const cli = JSON.parse(readFileSync(report, 'utf8')) as PlanReport;
      const req = request(params);
      const result = await remote.plan(Comlink.transfer(req, requestBuffers(req)));
      expect(Array.from(result.solution.selected), params.model).toEqual(cli.selected);
      expect(result.solution.objective, params.model).toBe(cli.objective);
      expect(result.metrics.coveredWeight, params.model).toBe(cli.coveredWeight);
    }
  });

  it('transfers the request buffers and returns typed arrays', async () => {
    const req = request({ model: 'mclp', p: 2, radius: 5 });
    const result = await remoteService().plan(Comlink.transfer(req, requestBuffers(req)));
    expect(req.demand.lon.length).toBe(0); // detached on the caller's side
    expect(result.solution.selected).toBeInstanceOf(Uint32Array);
    expect(result.metrics.siteCoveredWeight).toBeInstanceOf(Float64Array);
  });

  it('reports progress through a Comlink.proxy callback', async () => {
    const seen: Progress[] = [];
    await remoteService().plan(
      request({ model: 'mclp', p: 3, radius: 8 }),
      Comlink.proxy((progress: Progress) => seen.push(progress)),
    );
    await new Promise((resolve) => setTimeout(resolve, 20)); // progress messages may land after the result
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[0].share).toBeGreaterThanOrEqual(0);
    expect(typeof seen[0].objective).toBe('number');
  });

  it('rejects with the error message when the plan fails', async () => {
    await expect(remoteService().plan(request({ model: 'mclp', p: 2 }))).rejects.toThrow('model mclp needs radius');
  });

  it('stops at a set stop flag and still returns a plan; cancel when idle is harmless', async () => {
    const service = new PlannerService();
    service.cancel();
    const flag = new Int32Array(new SharedArrayBuffer(4));
    Atomics.store(flag, 0, 1);
    const result = await service.plan(request({ model: 'mclp', p: 3, radius: 8 }), undefined, flag);
    expect(result.solution.selected.length).toBeGreaterThan(0);
    expect(service.busy()).toBe(false);
  });

  it('runs one plan at a time', async () => {
    const service = new PlannerService();
    const first = service.plan(request({ model: 'pmedian', p: 3, exact: true }));
    await expect(service.plan(request({ model: 'pmedian', p: 3 }))).rejects.toThrow('a plan is already running');
    await first;
  });
});
