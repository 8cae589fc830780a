/**
 * Reading the embedded dataset from disk in Node (the CLI, tests). The browser fetches the same files; the
 * decoding is shared (villages.ts, village-names.ts, manifest.ts).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseManifest, type Manifest } from './manifest';
import { decodeVillageNames, type VillageNames } from './village-names';
import type { VillageTable } from '../core/villages';
import { decodeVillages } from './villages';

/** The project's public/data folder. */
export const DEFAULT_DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'public', 'data');

/**
 * Reads and checks `manifest.json`.
 * @param dir dataset folder (default public/data)
 */
export function readManifest(dir: string = DEFAULT_DATA_DIR): Manifest {
  return parseManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
}

/**
 * Reads the villages of one province (`villages/<code>.bin`).
 * @param code 2-digit province code, e.g. "33"
 * @param dir dataset folder (default public/data)
 */
export function readProvinceVillages(code: string, dir: string = DEFAULT_DATA_DIR): VillageTable {
  const bytes = readFileSync(join(dir, 'villages', `${code}.bin`));
  // Copy into an ArrayBuffer of its own: a Buffer may sit at any offset of a shared pool.
  return decodeVillages(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
}

/**
 * Reads the county, township and village names of one province (`villages/<code>.names.json`).
 * @param code 2-digit province code
 * @param dir dataset folder (default public/data)
 */
export function readVillageNames(code: string, dir: string = DEFAULT_DATA_DIR): VillageNames {
  return decodeVillageNames(readFileSync(join(dir, 'villages', `${code}.names.json`), 'utf8'));
}
