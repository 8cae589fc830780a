import { readFileSync } from 'node:fs';
import * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import { PlannerClient } from '../../../../src/app/planner/client';
import { PlannerService } from '../../../../workers/planner-service';
import { assemblePlanInputs } from '../../../../src/io/plan-inputs';
import type { PlanRequest } from '../../../../src/core/plan-types';

const text = (file: string): string => readFileSync(`tests/fixtures/plan/${file}`, 'utf8');
const request = (): PlanRequest => {
  const inputs = assemblePlanInputs({ demand: { file: 'villages.csv', text: text('villages.csv') } });
  return { demand: inputs.demand, candidates: inputs.candidates, params: { model: 'mclp', p: 2, radius: 5 } };
};

/** A stand-in for a module Worker: a MessagePort with a planner service (or nothing) on the other end. */
class FakeWorker extends EventTarget {
  readonly port: MessagePort;
  terminated = false;
  constructor(serve: boolean) {
    super();
    const { port1, port2 } = new MessageChannel();
    if (serve) Comlink.expose(new PlannerService(), port2);
    this.port = port1;
  }
  postMessage(message: unknown, transfer: Transferable[] = []): void {
    this.port.postMessage(message, transfer);
  }
  override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null): void {
    if (type === 'message') {
      this.port.addEventListener(type, listener as EventListener);
      this.port.start();
    } else super.addEventListener(type, listener);
  }
  override removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null): void {
    if (type === 'message') this.port.removeEventListener(type, listener as EventListener);
    else super.removeEventListener(type, listener);
  }
  terminate(): void {
    this.terminated = true;
    this.port.close();
  }
  crash(message: string): void {
    const event = new Event('error', { cancelable: true }) as Event & { message: string };
    event.message = message;
    this.dispatchEvent(event);
  }
}

describe('PlannerClient', () => {
  it('plans through the worker', async () => {
    const client = new PlannerClient(() => new FakeWorker(true) as unknown as Worker);
    const result = await client.plan(request());
    expect(result.solution.selected).toHaveLength(2);
    client.dispose();
  });

  it('rejects pending plans when the worker crashes, then starts a new worker', async () => {
    const workers: FakeWorker[] = [];
    const client = new PlannerClient(() => {
      const worker = new FakeWorker(workers.length > 0); // the first one never answers
      workers.push(worker);
      return worker as unknown as Worker;
    });
    const pending = client.plan(request());
    workers[0].crash('out of memory');
    await expect(pending).rejects.toThrow('planner worker crashed: out of memory');
    expect(workers[0].terminated).toBe(true);
    const result = await client.plan(request());
    expect(workers).toHaveLength(2);
    expect(result.solution.selected).toHaveLength(2);
    client.dispose();
  });

  it('restart rejects what is pending with the reason', async () => {
    const client = new PlannerClient(() => new FakeWorker(false) as unknown as Worker);
    const pending = client.plan(request());
    client.restart('cancelled by the user');
    await expect(pending).rejects.toThrow('cancelled by the user');
  });
});
