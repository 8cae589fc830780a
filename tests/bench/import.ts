/**
 * Import speed: a seeded 500,000-row villages CSV (id, name, lon, lat, weight; 0.1 % bad rows) generated in memory,
 * read by `readPointsFile` as UTF-8 bytes, as GBK bytes (decoding included) and with GCJ-02 conversion; plus the
 * same points as GeoJSON; and the CSV as the app's import worker reads it, from a Blob in slices. Prints rows per second in the note; `objective` is the number of rows kept.
 * Run alone with `npm run bench -- --only import`.
 */
import { fileURLToPath } from 'node:url';
import { createRandom } from '../../src/core/random';
import { readCsvStream } from '../../src/io/csv-stream';
import { readPointsFile } from '../../src/io/read-points';
import type { BenchRow } from './table';

/** Rows of the generated file. */
export const IMPORT_ROWS = 500_000;

/** A seeded villages CSV inside Zhejiang's bounding box, one bad row in 1,000. */
export function villagesCsv(rows: number, seed = 1): string {
  const random = createRandom(seed);
  const lines = ['id,name,lon,lat,weight'];
  for (let i = 0; i < rows; i++) {
    const lon = (118.0 + 4.0 * random()).toFixed(6);
    const lat = (27.0 + 4.2 * random()).toFixed(6);
    const bad = i % 1000 === 999;
    lines.push(`${330100000000 + i},村${i},${bad ? 'x' : lon},${lat},${1 + Math.floor(random() * 500)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Runs one read and returns its row. */
async function timed(instance: string, bytes: Uint8Array | string, options: Parameters<typeof readPointsFile>[1]) {
  const started = performance.now();
  const read = await readPointsFile(bytes, options);
  const seconds = (performance.now() - started) / 1000;
  const rate = Math.round(read.value.recordCount / seconds).toLocaleString('en-US');
  return {
    instance,
    model: 'import',
    objective: read.value.count,
    seconds,
    note: `${rate} rows/s; ${read.summary}`,
  } satisfies BenchRow;
}

/** The app's path: the file read from a Blob in 8 MiB slices (src/io/csv-stream.ts), as the worker does. */
async function streamed(instance: string, bytes: Uint8Array): Promise<BenchRow> {
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>]);
  const started = performance.now();
  const read = await readCsvStream(blob, { file: 'villages.csv', crs: 'wgs84', weightField: 'weight' });
  const seconds = (performance.now() - started) / 1000;
  const rate = Math.round(read.value.recordCount / seconds).toLocaleString('en-US');
  return { instance, model: 'import', objective: read.value.count, seconds, note: `${rate} rows/s; ${read.summary}` };
}

export async function run(): Promise<BenchRow[]> {
  const text = villagesCsv(IMPORT_ROWS);
  const utf8 = new TextEncoder().encode(text);
  const gbk = gbkBytes(text);
  const rows: BenchRow[] = [];
  rows.push(await timed('csv 500k utf-8', utf8, { file: 'villages.csv', weightField: 'weight' }));
  if (gbk) rows.push(await timed('csv 500k gbk', gbk, { file: 'villages.csv', weightField: 'weight' }));
  rows.push(await timed('csv 500k gcj02', utf8, { file: 'villages.csv', crs: 'gcj02' }));
  rows.push(await streamed('csv 500k utf-8 streamed', utf8));
  const read = await readPointsFile(utf8, { file: 'villages.csv' });
  const features = Array.from({ length: read.value.count }, (_, i) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [read.value.lon[i], read.value.lat[i]] },
    properties: { id: read.value.ids[i], weight: read.value.weight[i] },
  }));
  const geojson = new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features }));
  rows.push(await timed('geojson 500k', geojson, { file: 'villages.geojson' }));
  return rows;
}

/** GBK bytes of the text (Node's TextDecoder reads GB18030 but there is no encoder: only ASCII and 村 occur). */
function gbkBytes(text: string): Uint8Array | undefined {
  const out = new Uint8Array(text.length * 2);
  let n = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c < 0x80) out[n++] = c;
    else if (text[k] === '村') {
      out[n++] = 0xb4;
      out[n++] = 0xe5;
    } else return undefined;
  }
  return out.subarray(0, n);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const row of await run()) console.log(`${row.instance.padEnd(18)} ${row.seconds.toFixed(2)} s  ${row.note}`);
}
