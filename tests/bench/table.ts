/**
 * The one table every benchmark section returns (`run(): Promise<BenchRow[]>`), and how `npm run bench` prints
 * it: fixed-width columns, then a summary per model. Figures only: nothing here passes or fails on time.
 */

import type { Solution } from '../../src/core/types';

/** One solved benchmark instance. */
export interface BenchRow {
  /** Instance name, e.g. "pmed1" (OR-Library) or "SJC324". */
  instance: string;
  /** Model and method, e.g. "pmedian heuristic". */
  model: string;
  /** Objective value found. */
  objective: number;
  /** Known optimum (from the literature, cited by the section), when there is one. */
  optimum?: number;
  /** Relative gap to the optimum in percent, |objective - optimum| / |optimum| x 100. */
  gapPct?: number;
  /** Wall-clock seconds of the solve. */
  seconds: number;
  note?: string;
}

/** Per-model summary of a run. */
export interface BenchSummary {
  model: string;
  /** Rows of this model. */
  rows: number;
  /** Rows with a gap (a known optimum). */
  withOptimum: number;
  /** Mean and largest gap in percent over the rows with a gap (NaN when none). */
  meanGapPct: number;
  maxGapPct: number;
  /** Rows whose objective equals the optimum (gap at most 1e-6 %). */
  optimaReached: number;
  /** Total seconds. */
  seconds: number;
}

/** Gap of at most this many percent counts as reaching the optimum (rounding of published optima). */
export const OPTIMUM_TOLERANCE_PCT = 1e-6;

/** Relative gap in percent between an objective and a known optimum (0 when both are 0). */
export function gapPercent(objective: number, optimum: number): number {
  if (objective === optimum) return 0;
  return (100 * Math.abs(objective - optimum)) / Math.max(Math.abs(optimum), 1e-12);
}

/** The gap of a row: its own `gapPct`, else computed from `optimum`, else undefined. */
export function rowGap(row: BenchRow): number | undefined {
  if (row.gapPct !== undefined) return row.gapPct;
  return row.optimum === undefined ? undefined : gapPercent(row.objective, row.optimum);
}

/** Summary per model, in order of first appearance. */
export function summarize(rows: readonly BenchRow[]): BenchSummary[] {
  const byModel = new Map<string, BenchRow[]>();
  for (const row of rows) byModel.set(row.model, [...(byModel.get(row.model) ?? []), row]);
  return [...byModel].map(([model, group]) => {
    const gaps = group.map(rowGap).filter((gap): gap is number => gap !== undefined && Number.isFinite(gap));
    return {
      model,
      rows: group.length,
      withOptimum: gaps.length,
      meanGapPct: gaps.length > 0 ? gaps.reduce((a, b) => a + b, 0) / gaps.length : NaN,
      maxGapPct: gaps.length > 0 ? Math.max(...gaps) : NaN,
      optimaReached: gaps.filter((gap) => gap <= OPTIMUM_TOLERANCE_PCT).length,
      seconds: group.reduce((sum, row) => sum + row.seconds, 0),
    };
  });
}

function formatNumber(value: number | undefined, digits: number): string {
  if (value === undefined || Number.isNaN(value)) return '-';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  return Number.isInteger(value) && digits > 0 && Math.abs(value) >= 1e3 ? String(value) : value.toFixed(digits);
}

/** Left-aligned text columns, right-aligned numbers, one header row and a rule. */
function grid(header: string[], lines: string[][], numeric: boolean[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...lines.map((line) => line[c].length)));
  const render = (cells: string[]): string =>
    cells
      .map((cell, c) => (numeric[c] ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd();
  return [render(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(render)].join('\n');
}

/** The results table: instance, model, objective, known optimum, gap %, seconds, note. */
export function formatTable(rows: readonly BenchRow[]): string {
  const lines = rows.map((row) => [
    row.instance,
    row.model,
    formatNumber(row.objective, 2),
    formatNumber(row.optimum, 2),
    formatNumber(rowGap(row), 3),
    formatNumber(row.seconds, 2),
    row.note ?? '',
  ]);
  const header = ['instance', 'model', 'objective', 'optimum', 'gap %', 'seconds', 'note'];
  return grid(header, lines, [false, false, true, true, true, true, false]);
}

/** The summary table: per model, rows, mean and max gap, optima reached out of rows with a known optimum. */
export function formatSummary(summary: readonly BenchSummary[]): string {
  const lines = summary.map((s) => [
    s.model,
    String(s.rows),
    formatNumber(s.meanGapPct, 3),
    formatNumber(s.maxGapPct, 3),
    `${s.optimaReached}/${s.withOptimum}`,
    formatNumber(s.seconds, 2),
  ]);
  const header = ['model', 'rows', 'mean gap %', 'max gap %', 'optima', 'seconds'];
  return grid(header, lines, [false, true, true, true, true, true]);
}

/** "proven optimal", or the solver's bound and gap with `digits` decimals, or "no bound". */
export function boundNote(s: Solution, digits = 2): string {
  if (s.optimal) return 'proven optimal';
  return Number.isNaN(s.bound) ? 'no bound' : `bound ${s.bound} (within ${(100 * s.gap).toFixed(digits)} %)`;
}

/** How many times the heuristic's time the exact solve took. */
export function ratioNote(exact: Solution, heuristic: Solution): string {
  return `${(exact.seconds / Math.max(heuristic.seconds, 1e-3)).toFixed(1)}x heuristic time`;
}

/** A row for a solution of an instance with a known optimum. */
export function solutionRow(instance: string, model: string, s: Solution, optimum: number, note: string): BenchRow {
  return {
    instance,
    model,
    objective: s.objective,
    optimum,
    gapPct: gapPercent(s.objective, optimum),
    seconds: s.seconds,
    note,
  };
}
