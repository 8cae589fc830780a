import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/io/problems';
import { readPointsFile, type PointFileFormat } from '../../../src/io/read-points';

/** Either a result whose problems are located, or an InputError naming the file; never another error. */
async function checkRead(bytes: Uint8Array, format: PointFileFormat, file: string): Promise<void> {
  try {
    const result = await readPointsFile(bytes, { file, format, withStatus: true });
    expect(result.value.count).toBeGreaterThan(0);
    for (const problem of result.problems) expect(problem.location).toMatch(/^(sheet \d+, row \d+|feature \d+)$/);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    expect(error.message.startsWith(file)).toBe(true);
  }
}

/** A valid file with a few bytes overwritten (a workbook's zip directory, a GeoPackage's pages). */
function overwritten(base: Uint8Array): fc.Arbitrary<Uint8Array> {
  const edit = fc.record({
    at: fc.nat({ max: base.length - 1 }),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
  });
  return fc.array(edit, { minLength: 1, maxLength: 6 }).map((edits) => {
    const out = base.slice();
    for (const { at, bytes } of edits) out.set(bytes.subarray(0, out.length - at), at);
    return out;
  });
}

describe('fuzzing the Excel and GeoPackage readers (fast-check)', () => {
  it.each([
    ['excel', 'tests/fixtures/in/villages.xlsx', 'fuzz.xlsx'],
    ['geopackage', 'tests/fixtures/in/villages.gpkg', 'fuzz.gpkg'],
  ] as const)('overwritten valid %s: a result or an InputError', async (format, path, file) => {
    const base = new Uint8Array(readFileSync(path));
    await fc.assert(
      fc.asyncProperty(overwritten(base), (bytes) => checkRead(bytes, format, file)),
      { numRuns: 100, seed: 6 },
    );
  });
});
