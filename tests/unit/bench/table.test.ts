import { describe, expect, it } from 'vitest';
import { formatSummary, formatTable, gapPercent, summarize, type BenchRow } from '../../bench/table';

const rows: BenchRow[] = [
  { instance: 'pmed1', model: 'pmedian', objective: 5819, optimum: 5819, seconds: 0.5 },
  { instance: 'pmed2', model: 'pmedian', objective: 4105, optimum: 4093, seconds: 1.5 },
  { instance: 'SJC1', model: 'mclp', objective: 17288.99, gapPct: 0.25, seconds: 2, note: 'bound' },
  { instance: 'zj', model: 'mclp', objective: 100, seconds: 1 },
];

describe('bench table', () => {
  it('computes gaps and per-model summaries', () => {
    expect(gapPercent(4105, 4093)).toBeCloseTo((100 * 12) / 4093, 12);
    expect(gapPercent(0, 0)).toBe(0);
    const [pmedian, mclp] = summarize(rows);
    expect(pmedian).toMatchObject({ model: 'pmedian', rows: 2, withOptimum: 2, optimaReached: 1, seconds: 2 });
    expect(pmedian.meanGapPct).toBeCloseTo((100 * 12) / 4093 / 2, 12);
    expect(pmedian.maxGapPct).toBeCloseTo((100 * 12) / 4093, 12);
    expect(mclp).toMatchObject({ rows: 2, withOptimum: 1, optimaReached: 0, meanGapPct: 0.25, maxGapPct: 0.25 });
  });

  it('prints aligned columns with - for unknown values', () => {
    const lines = formatTable(rows).split('\n');
    expect(lines[0]).toMatch(/^instance\s+model\s+objective\s+optimum\s+gap %\s+seconds\s+note$/);
    expect(lines).toHaveLength(6);
    expect(lines[2]).toMatch(/^pmed1\s+pmedian\s+5819\s+5819\s+0\.000\s+0\.50$/);
    expect(lines[5]).toMatch(/^zj\s+mclp\s+100\.00\s+-\s+-\s+1\.00$/);
    expect(formatSummary(summarize(rows)).split('\n')[2]).toMatch(/^pmedian\s+2\s+0\.147\s+0\.293\s+1\/2\s+2\.00$/);
  });
});
