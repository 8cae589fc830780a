// @vitest-environment happy-dom
/**
 * The county table in a happy-dom document: a new count updates the kept rows in place (same elements, new
 * figures, new order), a county without villages loses its row, a new province starts a new table, a large table
 * is placed in slices and marked busy until the last, and county names are text, never markup.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { initialState, type AppState } from '../../../src/app/store';
import type { LiveMetrics } from '../../../src/core/live/coverage-api';
import type { CountyInfo } from '../../../src/core/live/counties';
import { renderCountyTable } from '../../../src/ui/county-table';
import { setLocale } from '../../../src/ui/i18n';

const HOSTILE = '<img src=x onerror=alert(1)>';

function counties(names: string[]): CountyInfo[] {
  return names.map((name, c) => ({ code: String(330100 + c), name, bbox: [0, 0, 1, 1] }));
}

function metrics(covered: number[], total: number[]): LiveMetrics {
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  return {
    stations: 1,
    centers: 0,
    coveringStations: 1,
    coveredWeight: sum(covered),
    totalWeight: sum(total),
    coverage: sum(covered) / sum(total),
    coveredVillages: sum(covered),
    demandVillages: sum(total),
    countyCovered: Float64Array.from(covered),
    countyTotal: Float64Array.from(total),
    villageState: new Uint8Array(0),
  };
}

function stateOf(list: CountyInfo[], covered: number[], total: number[]): AppState {
  const province = { provinceCode: '33', villageCount: 0, demandCount: 0, area: [], parts: [], counties: list };
  return { ...initialState(), province: province as AppState['province'], metrics: metrics(covered, total) };
}

/** The table's rows as [code, name, villages, covered, share]. */
function shown(root: HTMLElement): string[][] {
  return [...root.querySelectorAll('tbody tr')].map((row) => [
    (row as HTMLElement).dataset.county ?? '',
    ...[...row.querySelectorAll('td')].map((cell) => cell.textContent ?? ''),
  ]);
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => setLocale('en'));

describe('the county table', () => {
  it('updates its rows in place: same elements, new figures and order, a county without villages dropped', () => {
    setLocale('en');
    const list = counties(['B县', 'A县', HOSTILE]);
    const root = document.createElement('section');
    const zoomed: string[] = [];
    // Default sort: share ascending.
    renderCountyTable(
      root,
      stateOf(list, [1, 3, 0], [4, 4, 2]),
      () => undefined,
      (c) => zoomed.push(c.code),
    );
    expect(shown(root)).toEqual([
      ['330102', HOSTILE, '2', '0', '0.0%'],
      ['330100', 'B县', '4', '1', '25.0%'],
      ['330101', 'A县', '4', '3', '75.0%'],
    ]);
    expect(root.querySelector('img')).toBeNull();
    const before = new Map(
      [...root.querySelectorAll('tbody tr')].map((row) => [(row as HTMLElement).dataset.county, row]),
    );
    renderCountyTable(
      root,
      stateOf(list, [4, 0, 1], [4, 4, 2]),
      () => undefined,
      (c) => zoomed.push(c.code),
    );
    expect(shown(root)).toEqual([
      ['330101', 'A县', '4', '0', '0.0%'],
      ['330102', HOSTILE, '2', '1', '50.0%'],
      ['330100', 'B县', '4', '4', '100.0%'],
    ]);
    for (const row of root.querySelectorAll('tbody tr'))
      expect(before.get((row as HTMLElement).dataset.county)).toBe(row);
    expect(root.querySelector('tbody')?.hasAttribute('aria-busy')).toBe(false);
    // A county whose villages are gone loses its row; the name buttons zoom to their county.
    renderCountyTable(
      root,
      stateOf(list, [4, 0, 0], [4, 4, 0]),
      () => undefined,
      (c) => zoomed.push(c.code),
    );
    expect(shown(root).map((row) => row[0])).toEqual(['330101', '330100']);
    root.querySelector<HTMLButtonElement>('tbody tr button')?.click();
    expect(zoomed).toEqual(['330101']);
    // A new province starts a new table.
    const other = counties(['C县']);
    renderCountyTable(
      root,
      stateOf(other, [1], [2]),
      () => undefined,
      () => undefined,
    );
    expect(shown(root)).toEqual([['330100', 'C县', '2', '1', '50.0%']]);
    expect(before.get('330100')?.isConnected).toBe(false);
  });

  it('places a large table in slices, busy until the last, and a newer count takes over a pass under way', async () => {
    setLocale('en');
    const n = 1000;
    const list = counties(Array.from({ length: n }, (_, c) => `县${c}`));
    const total = new Array<number>(n).fill(10);
    const root = document.createElement('section');
    renderCountyTable(
      root,
      stateOf(list, new Array<number>(n).fill(0), total),
      () => undefined,
      () => undefined,
    );
    const body = root.querySelector('tbody')!;
    expect(body.querySelectorAll('tr').length).toBeGreaterThan(0);
    expect(body.querySelectorAll('tr').length).toBeLessThan(n);
    expect(body.getAttribute('aria-busy')).toBe('true');
    // A new count before the pass ends: the newer pass alone finishes, in its order with its figures.
    const covered = Array.from({ length: n }, (_, c) => (c * 7) % 11);
    renderCountyTable(
      root,
      stateOf(list, covered, total),
      () => undefined,
      () => undefined,
    );
    for (let k = 0; k < 20 && body.hasAttribute('aria-busy'); k++) await settle();
    expect(body.hasAttribute('aria-busy')).toBe(false);
    const rows = shown(root);
    expect(rows).toHaveLength(n);
    const figures = rows.map((row) => Number(row[3]));
    expect(figures.reduce((a, b) => a + b, 0)).toBe(covered.reduce((a, b) => a + b, 0));
    for (let r = 1; r < n; r++) expect(figures[r]).toBeGreaterThanOrEqual(figures[r - 1]);
  });
});
