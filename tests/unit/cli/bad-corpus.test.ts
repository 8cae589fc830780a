import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/plan';
import type { Console } from '../../../src/cli/terminal';
import { formatProblem } from '../../../src/io/problems';
import { BAD_DIR, badCorpus } from '../io/bad-corpus';

const tmp = mkdtempSync(join(tmpdir(), 'ruralreach-bad-'));
const good2 = join(tmp, 'good2.csv');
const good3 = join(tmp, 'good3.csv');
writeFileSync(good2, 'id,lon,lat\ng1,120.1,30.2\ng2,120.2,30.3\n');
writeFileSync(good3, 'id,lon,lat\ng1,120.1,30.2\ng2,120.2,30.3\ng3,120.3,30.4\n');
const model = ['--model', 'mclp', '--p', '1', '--radius', '5', '--out', join(tmp, 'plan.geojson')];

describe('npm run plan on the bad-input corpus', () => {
  it.each(badCorpus())('%s', async (name, expected) => {
    const file = `${BAD_DIR}/${name}`;
    let args: string[];
    if (expected.reader === 'osrm') {
      args = ['--demand', expected.options?.rows === 3 ? good3 : good2, '--matrix', file];
      if (expected.options?.field) args.push('--matrix-field', expected.options.field);
    } else if (expected.options?.withStatus) args = ['--demand', good2, '--candidates', file];
    else if (expected.options?.weightField) args = ['--demand', file, '--weight', expected.options.weightField];
    else args = ['--demand', file];
    if (expected.options?.sheet !== undefined) args.push('--sheet', expected.options.sheet);
    if (expected.options?.layer !== undefined) args.push('--layer', expected.options.layer);
    const err: string[] = [];
    const io: Console = { out: () => undefined, err: (line) => err.push(line), isTty: false };
    const code = await main([...args, ...model], io);
    if (expected.error !== undefined) {
      expect(code).toBe(2);
      expect(err[0].startsWith(`plan: ${file}`)).toBe(true);
      expect(err[0]).toContain(expected.error);
      expect(err.join('\n')).not.toMatch(/\n\s+at /);
      return;
    }
    expect(code).toBe(0);
    const lines = (expected.problems ?? []).map((p) => `plan: skipped ${formatProblem({ file, ...p })}`);
    expect(err.slice(0, lines.length)).toEqual(lines);
    for (const warning of expected.warnings ?? []) {
      expect(err).toContain(`plan: warning: ${formatProblem({ file, ...warning })}`);
    }
  });
});
