import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOsrmTable } from '../../../src/io/osrm';
import { InputError } from '../../../src/io/problems';
import { readPointsFile } from '../../../src/io/read-points';
import { BAD_DIR, badBytes, badCorpus } from './bad-corpus';

const corpus = badCorpus();

describe('bad-input corpus (tests/fixtures/bad)', () => {
  it('has at least 30 files, each with an expectation', () => {
    const files = readdirSync(BAD_DIR).filter((name) => !/^(expected\.json|make\.sh)$/.test(name));
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(corpus.map(([name]) => name).sort()).toEqual(files.sort());
  });

  it.each(corpus)('%s', async (name, expected) => {
    const bytes = badBytes(name);
    const read = async (): Promise<unknown> =>
      expected.reader === 'osrm'
        ? parseOsrmTable(new TextDecoder().decode(bytes), { file: name, ...expected.options })
        : readPointsFile(bytes, { file: name, ...expected.options });
    if (expected.error !== undefined) {
      const error = await read().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, 'an InputError').toBeInstanceOf(InputError);
      expect((error as InputError).file.startsWith(name)).toBe(true);
      expect((error as InputError).reason).toContain(expected.error);
      return;
    }
    const result = (await read()) as Awaited<ReturnType<typeof readPointsFile>>;
    expect(result.value.count).toBe(expected.kept);
    // The four fields of the expectation; code and params are checked by tests/unit/io/problem-codes.test.ts.
    const shown = result.problems.map(({ file, location, field, message }) => ({ file, location, field, message }));
    expect(shown).toEqual((expected.problems ?? []).map((p) => ({ file: name, ...p })));
    const warned = result.warnings.map(({ file, location, field, message }) => ({ file, location, field, message }));
    expect(warned).toEqual((expected.warnings ?? []).map((p) => ({ file: name, ...p })));
  });
});
