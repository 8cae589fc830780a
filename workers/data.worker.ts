import * as Comlink from 'comlink';
import { fetchProvinceVillages } from '../src/data/fetch-villages';
import type { DataWorkerApi } from '../src/data/worker-api';

const api: DataWorkerApi = {
  async loadVillagePositions(dataUrl, provinceCode) {
    const table = await fetchProvinceVillages(dataUrl, provinceCode);
    const positions = table.positions.slice();
    const rural = table.rural.slice();
    return Comlink.transfer({ provinceCode, count: table.count, positions, rural }, [positions.buffer, rural.buffer]);
  },
};

Comlink.expose(api);
