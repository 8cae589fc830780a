import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsvStream } from '../../../src/io/csv-stream';
import { readPointsFile, type PointsFileResult } from '../../../src/io/read-points';

const FIXTURES = join(__dirname, '..', '..', 'fixtures');
const csvFiles = [
  ...readdirSync(join(FIXTURES, 'bad'))
    .filter((f) => f.endsWith('.csv'))
    .map((f) => join('bad', f)),
  ...readdirSync(join(FIXTURES, 'plan'))
    .filter((f) => f.endsWith('.csv'))
    .map((f) => join('plan', f)),
  join('import', 'villages-gcj02.csv'),
  join('import', 'swapped.csv'),
];

type Outcome = { error: string } | { result: PointsFileResult };

async function outcome(read: () => Promise<PointsFileResult>): Promise<Outcome> {
  try {
    return { result: await read() };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** The comparable parts of a read: everything, with problems in row order (pieces list them piece by piece). */
function comparable(o: Outcome) {
  if ('error' in o) return o;
  const { value, problems, summary, swapOffer } = o.result;
  const row = (p: { location: string }) => Number(/^row (\d+)/.exec(p.location)?.[1] ?? 0);
  return {
    summary,
    swapOffer,
    problems: [...problems].sort((a, b) => row(a) - row(b)),
    ids: value.ids,
    hasIds: value.hasIds,
    lon: Array.from(value.lon),
    lat: Array.from(value.lat),
    weight: Array.from(value.weight),
    status: value.status && Array.from(value.status),
    source: Array.from(value.source),
    recordCount: value.recordCount,
  };
}

async function same(bytes: Uint8Array, file: string, sliceBytes: number, extra: { withStatus?: boolean } = {}) {
  const options = { file, crs: 'gcj02' as const, ...extra };
  const whole = await outcome(() => readPointsFile(bytes, options));
  const streamed = await outcome(() =>
    readCsvStream(new Blob([bytes as Uint8Array<ArrayBuffer>]), { ...options, sliceBytes }),
  );
  expect(comparable(streamed)).toEqual(comparable(whole));
}

describe('readCsvStream', () => {
  it.each(csvFiles)('reads %s as readPointsFile does, in slices of 7, 64 and 4096 bytes', async (path) => {
    const bytes = new Uint8Array(readFileSync(join(FIXTURES, path)));
    for (const slice of [7, 64, 4096]) await same(bytes, path.split('/').pop()!, slice, { withStatus: true });
  });

  it('restarts as GBK when UTF-8 breaks after the first slices', async () => {
    const text = `id,名称,lon,lat\n${Array.from({ length: 200 }, (_, i) => `${i},村${i},120.${i},30.1`).join('\n')}\n`;
    const bytes = new Uint8Array(new TextEncoder().encode(text));
    // Replace the last village name by GBK bytes (村 = B4 E5): invalid UTF-8, far from the start.
    const at = bytes.lastIndexOf(0xe6); // first byte of 村 in UTF-8 (E6 9D 91)
    const gbk = Uint8Array.of(...bytes.subarray(0, at), 0xb4, 0xe5, ...bytes.subarray(at + 3));
    await same(gbk, 'mixed.csv', 256);
    const streamed = await readCsvStream(new Blob([gbk as Uint8Array<ArrayBuffer>]), {
      file: 'mixed.csv',
      crs: 'wgs84',
      sliceBytes: 256,
    });
    expect(streamed.value.count).toBe(200);
  });

  it('gives the same points, ids and problems as the whole-file reader on random files', async () => {
    const cell = fc.oneof(
      fc.constantFrom('120.5', '30.25', '', 'x', '"a,b"', '"q""q"', '"multi\nline"', '95', '1e2', '-3', ' 7 '),
      fc.integer({ min: 0, max: 20 }).map(String),
    );
    const row = fc.array(cell, { minLength: 0, maxLength: 5 }).map((cells) => cells.join(','));
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { maxLength: 40 }),
        fc.constantFrom('\n', '\r\n'),
        fc.integer({ min: 1, max: 50 }),
        async (rows, newline, slice) => {
          const text = ['id,lon,lat,weight,status', ...rows].join(newline) + newline;
          await same(new TextEncoder().encode(text), 'random.csv', slice, { withStatus: true });
        },
      ),
      { numRuns: 200 },
    );
  });
});
