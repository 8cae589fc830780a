import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOsrmTable } from '../../../src/io/osrm';
import { readPlanFile } from '../../../src/io/plan-file';
import { InputError } from '../../../src/io/problems';
import { readPointsFile, type PointFileFormat } from '../../../src/io/read-points';

/** Either a result whose problems are all located, or an InputError naming the file; nothing else. */
async function checkRead(bytes: Uint8Array, format: PointFileFormat): Promise<void> {
  const file = `fuzz.${format}`;
  try {
    const result = await readPointsFile(bytes, { file, format, withStatus: true });
    expect(result.value.count).toBeGreaterThan(0);
    expect(result.value.count + result.problems.length).toBeGreaterThanOrEqual(result.value.recordCount);
    for (const problem of result.problems) {
      expect(problem.file).toBe(file);
      expect(problem.location).toMatch(/^(row|feature) \d+$/);
    }
    for (let i = 0; i < result.value.count; i++) {
      expect(Math.abs(result.value.lon[i])).toBeLessThanOrEqual(180);
      expect(Math.abs(result.value.lat[i])).toBeLessThanOrEqual(90);
    }
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    expect(error.message.startsWith(file)).toBe(true);
  }
}

const VALID = {
  csv: readFileSync('tests/fixtures/plan/villages.csv'),
  geojson: readFileSync('tests/fixtures/plan/villages.geojson'),
  shapefile: readFileSync('tests/fixtures/in/villages-shp.zip'),
};

/** A valid file with a few random edits: bytes deleted, overwritten or inserted. */
function mutated(base: Uint8Array): fc.Arbitrary<Uint8Array> {
  const edit = fc.record({
    at: fc.nat({ max: base.length }),
    remove: fc.nat({ max: 8 }),
    insert: fc.uint8Array({ maxLength: 8 }),
  });
  return fc.array(edit, { minLength: 1, maxLength: 6 }).map((edits) => {
    let bytes = Array.from(base);
    for (const { at, remove, insert } of edits) bytes.splice(Math.min(at, bytes.length), remove, ...insert);
    bytes = bytes.slice(0, 4096);
    return Uint8Array.from(bytes);
  });
}

const FORMATS: (PointFileFormat & keyof typeof VALID)[] = ['csv', 'geojson', 'shapefile'];

describe('fuzzing the point readers (fast-check)', () => {
  it.each(FORMATS)('random bytes as %s: a result or an InputError', async (format) => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), (bytes) => checkRead(bytes, format)),
      { numRuns: 150, seed: 6 },
    );
  });

  it.each(FORMATS)('mutated valid %s: a result or an InputError', async (format) => {
    await fc.assert(
      fc.asyncProperty(mutated(new Uint8Array(VALID[format])), (bytes) => checkRead(bytes, format)),
      { numRuns: 200, seed: 6 },
    );
  });

  it('random CSV-like text: a result or an InputError', async () => {
    const cell = fc.oneof(
      fc.double(),
      fc.constantFrom('', 'NaN', 'x', '"', '经度', 'lon', 'lat', '1e999'),
      fc.string(),
    );
    const row = fc.array(cell, { maxLength: 5 }).map((cells) => cells.join(','));
    const text = fc.array(row, { maxLength: 20 }).map((rows) => ['id,lon,lat', ...rows].join('\n'));
    await fc.assert(
      fc.asyncProperty(text, (t) => checkRead(new TextEncoder().encode(t), 'csv')),
      { numRuns: 200, seed: 6 },
    );
  });

  it('OSRM tables: a matrix or an InputError', () => {
    const cell = fc.oneof(fc.double(), fc.constant(null), fc.string(), fc.nat());
    const table = fc.record({
      code: fc.constantFrom('Ok', 'NoRoute', undefined),
      durations: fc.oneof(fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 4 }), cell),
    });
    fc.assert(
      fc.property(table, fc.nat({ max: 4 }), (value, rows) => {
        try {
          const read = parseOsrmTable(JSON.stringify(value), { file: 't.json', rows });
          expect(read.matrix.values.length).toBe(read.matrix.rows * read.matrix.cols);
          expect(read.matrix.rows).toBe(rows);
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
        }
      }),
      { numRuns: 300, seed: 6 },
    );
  });

  it('plan files: mutated v1 fixture and random JSON give a plan or an InputError', () => {
    const v1 = readFileSync('tests/fixtures/plan-v1.json');
    const check = (text: string): void => {
      try {
        const plan = readPlanFile(text, 'p.json');
        expect(plan.format).toBe('ruralreach-plan');
        for (const site of plan.plan.sites) expect(Math.abs(site.lat)).toBeLessThanOrEqual(90);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        expect(error.message.startsWith('p.json: ')).toBe(true);
      }
    };
    fc.assert(
      fc.property(mutated(new Uint8Array(v1)), (bytes) => check(new TextDecoder().decode(bytes))),
      { numRuns: 300, seed: 6 },
    );
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => check(JSON.stringify(value))),
      { numRuns: 300, seed: 6 },
    );
  });
});
