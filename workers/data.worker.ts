import * as Comlink from 'comlink';
import { decodeVillages } from '../src/data/villages';
import type { DataWorkerApi } from '../src/data/worker-api';
import { villageColours } from '../src/map/village-colours';

const api: DataWorkerApi = {
  async loadVillagePoints(dataUrl, provinceCode) {
    const url = `${dataUrl}villages/${provinceCode}.bin`;
    const response = await fetch(url);
    if (!response.ok) throw new Error(`Could not load ${url}: HTTP ${response.status}`);
    const table = decodeVillages(await response.arrayBuffer());
    const positions = table.positions.slice();
    const colours = villageColours(table.rural);
    return Comlink.transfer({ provinceCode, count: table.count, positions, colours }, [
      positions.buffer,
      colours.buffer,
    ]);
  },
};

Comlink.expose(api);
