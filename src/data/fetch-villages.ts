/**
 * The browser's one loader of the embedded dataset's files (`public/data`), used by every worker: a fetch that fails
 * with the URL and HTTP status, a province's villages decoded, and every province's in manifest order (the order the
 * map and the national figures use).
 */
import type { VillageTable } from '../core/villages';
import { decodeVillages } from './villages';

/**
 * Fetches `url`; a response other than 2xx is an error naming the URL and status.
 * @throws Error `Could not load <url>: HTTP <status>`
 */
export async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load ${url}: HTTP ${response.status}`);
  return response;
}

/**
 * The decoded embedded villages of one province (`villages/<code>.bin`).
 * @param dataUrl absolute base URL of the embedded dataset, ending in `/`
 * @param provinceCode 2-digit province code
 */
export async function fetchProvinceVillages(dataUrl: string, provinceCode: string): Promise<VillageTable> {
  return decodeVillages(await (await fetchOk(`${dataUrl}villages/${provinceCode}.bin`)).arrayBuffer());
}

/** The decoded villages of every province of the manifest, in manifest order, fetched in parallel. */
export async function fetchAllVillages(dataUrl: string): Promise<VillageTable[]> {
  const manifest = (await (await fetchOk(`${dataUrl}manifest.json`)).json()) as { provinces: { code: string }[] };
  return Promise.all(manifest.provinces.map((p) => fetchProvinceVillages(dataUrl, p.code)));
}
