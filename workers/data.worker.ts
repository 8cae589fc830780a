import * as Comlink from 'comlink';
import { decodeVillages } from '../src/data/villages';
import type { DataWorkerApi } from '../src/data/worker-api';

const api: DataWorkerApi = {
  async loadVillagePositions(dataUrl, provinceCode) {
    const url = `${dataUrl}villages/${provinceCode}.bin`;
    const response = await fetch(url);
    if (!response.ok) throw new Error(`Could not load ${url}: HTTP ${response.status}`);
    const table = decodeVillages(await response.arrayBuffer());
    const positions = table.positions.slice();
    const rural = table.rural.slice();
    return Comlink.transfer({ provinceCode, count: table.count, positions, rural }, [positions.buffer, rural.buffer]);
  },
};

Comlink.expose(api);
