/**
 * The generated part of the bad-input corpus (tests/fixtures/hostile.ts): inputs that are not regular files, too
 * big, zip bombs, 200,000 bad rows, plans that cannot place p sites, and SIGTERM during a long read. Each checks
 * the exit code and the one-line message (with its code, see src/io/problem-codes.ts).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/plan';
import type { Console } from '../../../src/cli/terminal';
import { readInputFile } from '../../../src/io/file-guard';
import { InputError } from '../../../src/io/problems';
import { readPointsFile } from '../../../src/io/read-points';
import { lyingZip, manyBadRowsCsv, writeBigCsv, zipBomb } from '../../fixtures/hostile';

const tmp = mkdtempSync(join(tmpdir(), 'ruralreach-hostile-'));
const good2 = join(tmp, 'good2.csv');
writeFileSync(good2, 'id,lon,lat\ng1,120.1,30.2\ng2,120.2,30.3\n');
const model = ['--model', 'mclp', '--p', '1', '--radius', '5', '--out', join(tmp, 'plan.geojson')];

async function run(args: string[]): Promise<{ code: number; err: string[] }> {
  const err: string[] = [];
  const io: Console = { out: () => undefined, err: (line) => err.push(line), isTty: false };
  const code = await main(args, io);
  return { code, err };
}

async function readError(bytes: Uint8Array, file: string): Promise<InputError> {
  const error = await readPointsFile(bytes, { file }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('inputs that are not regular files, or too big, are refused unread', () => {
  const fifo = join(tmp, 'pipe.csv');
  execFileSync('mkfifo', [fifo]);
  it.each([
    ['a FIFO', fifo, 'a FIFO (named pipe)'],
    ['/dev/zero', '/dev/zero', 'a character device'],
    ['a directory', tmp, 'a directory'],
  ])('%s', async (_, path, kind) => {
    const { code, err } = await run(['--demand', path, ...model]);
    expect(code).toBe(2);
    expect(err).toEqual([`plan: ${path}: not a regular file (${kind}); nothing was read`]);
  });

  it('a FIFO as --matrix or --candidates too', async () => {
    for (const option of ['--matrix', '--candidates']) {
      const { code, err } = await run(['--demand', good2, option, fifo, ...model]);
      expect(code).toBe(2);
      expect(err[0]).toContain('not a regular file');
    }
  });

  it('a file over --max-input-mb', async () => {
    const { code, err } = await run(['--demand', good2, '--max-input-mb', '0.00001', ...model]);
    expect(code).toBe(2);
    expect(err[0]).toMatch(
      /^plan: .*good2\.csv: file of 0\.0 MB is over the 0\.00001 MB limit \(raise it with --max-input-mb\)/,
    );
    const error = await readInputFile(good2, 0.00001).catch((e: unknown) => e);
    expect((error as InputError).code).toBe('fileTooLarge');
  });
});

describe('zip entries are checked before inflating', () => {
  it('2 GiB of zeros in 2 MiB: refused from the declared size', async () => {
    const bomb = zipBomb(2048);
    expect(bomb.length).toBeLessThan(3 * 1024 * 1024);
    const error = await readError(bomb, 'bomb.zip');
    expect(error.code).toBe('zipEntryTooLarge');
    expect(error.reason).toBe(
      'zip entry "zeros.dbf" would inflate to 2048.0 MB, over the 512 MB limit; refused before inflating',
    );
  });

  it('256 MiB of zeros (under the size limit): refused by the ratio', async () => {
    const error = await readError(zipBomb(256), 'ratio.zip');
    expect(error.code).toBe('zipRatio');
    expect(error.reason).toMatch(/^zip entry "zeros\.dbf" would inflate \d+ times its size \(limit 250\)/);
  });

  it('an entry that inflates past its declared size is stopped there', async () => {
    const error = await readError(lyingZip(1000, 4 * 1024 * 1024), 'lying.zip');
    expect(error.code).toBe('zipInflatesPast');
    expect(error.reason).toBe('zip entry "p.shp" inflates past its declared 1000 bytes; damaged archive');
  });
});

describe('many bad rows', () => {
  it('200,000 bad rows: no crash, the first 20 listed, the count given, the valid rows planned', async () => {
    const file = join(tmp, 'bad200k.csv');
    writeFileSync(file, manyBadRowsCsv(200_000, 3));
    const { code, err } = await run(['--demand', file, ...model]);
    expect(code).toBe(0);
    const skipped = err.filter((line) => line.startsWith('plan: skipped '));
    expect(skipped).toHaveLength(20);
    expect(skipped[0]).toBe(`plan: skipped ${file} row 2, field "lat": expected a number in degrees, got "north"`);
    expect(err).toContain('plan: ... and 199980 more problems (200000 in all)');
    expect(err).toContain(`plan: ${file}: kept 3 of 200,003 rows; 200,000 problems`);
    expect(err.at(-1)).toMatch(/^plan: mclp: 1 sites, objective 3, coverage 100\.0%/);
  });
});

describe('plans smaller than asked say so', () => {
  it('mclp with p = 1 whose only candidate reaches nothing', async () => {
    const far = join(tmp, 'far.csv');
    writeFileSync(far, 'id,lon,lat\nc1,100.1,30.2\n');
    const { code, err } = await run(['--demand', good2, '--candidates', far, ...model]);
    expect(code).toBe(0);
    expect(err).toContain(
      'plan: warning: placed 0 of p = 1 new sites: no other candidate reaches an uncovered demand point within the reach (5); nothing is covered',
    );
  });

  it('a travel-time table without a single route', async () => {
    const matrix = join(tmp, 'nulls.json');
    writeFileSync(matrix, '{"code":"Ok","durations":[[null,null],[null,null]]}');
    const { code, err } = await run(['--demand', good2, '--matrix', matrix, ...model]);
    expect(code).toBe(2);
    expect(err[0]).toBe(
      `plan: ${matrix}: "durations" has no reachable pair (every cell is null); expected at least one number`,
    );
  });
});

describe('signals', () => {
  it('SIGTERM to `npm run plan` ends it and its children at once, even during a long synchronous read', async () => {
    const big = join(tmp, 'big.csv');
    writeBigCsv(big, 1_500_000);
    const out = join(tmp, 'sig.geojson');
    const child = spawn(
      'npm',
      ['run', '-s', 'plan', '--', '--demand', big, '--model', 'mclp', '--p', '5', '--radius', '3', '--out', out],
      { stdio: 'ignore' },
    );
    const ended = new Promise<{ signal: NodeJS.Signals | null; code: number | null; at: number }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
    );
    // npm and tsx start in one to two seconds; the read and parse of 1.5 million rows then take several more.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const sent = Date.now();
    child.kill('SIGTERM');
    const { code, signal, at } = await ended;
    expect(signal === 'SIGTERM' || code === 143, `exit ${code} ${signal}`).toBe(true);
    expect(at - sent).toBeLessThan(2000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    // No process of this run is left (before \`exec tsx\` in package.json, sh died and left tsx computing).
    const left = (() => {
      try {
        return execFileSync('pgrep', ['-f', out], { encoding: 'utf8' }).trim();
      } catch {
        return '';
      }
    })();
    expect(left).toBe('');
    expect(existsSync(out)).toBe(false);
  });
});
