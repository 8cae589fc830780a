/**
 * The per-county table: name, demand villages, villages covered and coverage share for every county of the
 * province, sortable by any column (header buttons; `aria-sort` tells which), and a click on a county's name
 * zooms the map to it. Names come from the data and are set as text only.
 */
import type { CountyInfo } from '../core/live/counties';
import type { CountySortKey } from '../app/planner/state';
import type { AppState } from '../app/store';
import { el } from './dom';
import { formatNumber, formatPercent, t, type StringKey } from './i18n';

/** One row of the table. */
export interface CountyRow {
  county: CountyInfo;
  villages: number;
  covered: number;
  /** covered / villages, or NaN without villages. */
  share: number;
}

/** Chinese collation of county names, made once (`localeCompare` with a locale builds a collator per call). */
const NAME_ORDER = new Intl.Collator('zh-CN');

/** Per list of counties, the rank of each county's name in Chinese collation (computed once per list). */
const nameRanks = new WeakMap<readonly CountyInfo[], Map<CountyInfo, number>>();

/**
 * The rank of each county's name (`NAME_ORDER`): sorting the 2,800 national rows with the collator in every
 * comparison took 40 ms of main thread at each render.
 */
function nameRank(counties: readonly CountyInfo[]): Map<CountyInfo, number> {
  let ranks = nameRanks.get(counties);
  if (ranks === undefined) {
    const sorted = [...counties].sort((a, b) => NAME_ORDER.compare(a.name, b.name));
    ranks = new Map(sorted.map((county, r) => [county, r]));
    nameRanks.set(counties, ranks);
  }
  return ranks;
}

/** The rows of the counties that have demand villages, sorted by `key` (ties by name, NaN last). */
export function countyRows(state: AppState, key: CountySortKey, descending: boolean): CountyRow[] {
  const { province, metrics } = state;
  if (province === null || metrics === null) return [];
  const rows: CountyRow[] = [];
  province.counties.forEach((county, c) => {
    const villages = metrics.countyTotal[c];
    if (villages > 0)
      rows.push({ county, villages, covered: metrics.countyCovered[c], share: metrics.countyCovered[c] / villages });
  });
  const sign = descending ? -1 : 1;
  const rank = nameRank(province.counties);
  const byName = (a: CountyRow, b: CountyRow) => rank.get(a.county)! - rank.get(b.county)!;
  return rows.sort((a, b) => {
    const order = key === 'name' ? byName(a, b) : a[key] - b[key];
    return sign * order || byName(a, b);
  });
}

const COLUMNS: [CountySortKey, StringKey][] = [
  ['name', 'colName'],
  ['villages', 'colVillages'],
  ['covered', 'colCovered'],
  ['share', 'colShare'],
];

/**
 * Rows added to the table per main-thread task: the national table (2,800 counties) built in one task took 375 ms
 * of script after a national Suggest (CPU profile of the production build in headless Chromium); in slices of 200
 * each task stays near 25 ms.
 */
const ROWS_PER_TASK = 200;

/** The latest render of each container: a slice left over from an earlier render is dropped. */
const renders = new WeakMap<HTMLElement, number>();

/**
 * Renders the table; `onSort` gets the clicked column, `onZoom` the clicked county. The first `ROWS_PER_TASK` rows
 * are there on return, the others follow in later tasks.
 */
export function renderCountyTable(
  container: HTMLElement,
  state: AppState,
  onSort: (key: CountySortKey) => void,
  onZoom: (county: CountyInfo) => void,
): void {
  const { key, descending } = state.countySort;
  const head = el(
    'tr',
    {},
    ...COLUMNS.map(([column, label]) => {
      const sort = column === key ? (descending ? 'descending' : 'ascending') : 'none';
      const arrow = column === key ? (descending ? ' ▼' : ' ▲') : '';
      const headerButton = el(
        'button',
        { type: 'button', class: 'sort', 'aria-label': t('sortBy', { column: t(label) }) },
        t(label) + arrow,
      );
      headerButton.addEventListener('click', () => onSort(column));
      return el('th', { scope: 'col', 'aria-sort': sort }, headerButton);
    }),
  );
  const rowElement = (row: CountyRow): HTMLElement => {
    const zoom = el(
      'button',
      { type: 'button', class: 'link', 'aria-label': t('zoomTo', { name: row.county.name }) },
      row.county.name,
    );
    zoom.addEventListener('click', () => onZoom(row.county));
    return el(
      'tr',
      { 'data-county': row.county.code },
      el('td', {}, zoom),
      el('td', {}, formatNumber(row.villages)),
      el('td', {}, formatNumber(row.covered)),
      el('td', {}, formatPercent(row.share)),
    );
  };
  const rows = countyRows(state, key, descending);
  const body = el('tbody', {});
  const render = (renders.get(container) ?? 0) + 1;
  renders.set(container, render);
  const append = (from: number): void => {
    if (renders.get(container) !== render) return; // a newer render has replaced this table
    const to = Math.min(rows.length, from + ROWS_PER_TASK);
    body.append(...rows.slice(from, to).map(rowElement));
    if (to < rows.length) setTimeout(() => append(to), 0);
  };
  append(0);
  const focused = container.contains(document.activeElement)
    ? (document.activeElement as HTMLElement).dataset.column
    : undefined;
  container.replaceChildren(
    el('h2', {}, t('countiesTitle')),
    el(
      'div',
      { class: 'table-scroll' },
      el('table', { class: 'counties', 'data-testid': 'county-table' }, el('thead', {}, head), body),
    ),
  );
  // Keep the keyboard focus on the header button that was pressed.
  if (focused !== undefined) container.querySelector<HTMLElement>(`[data-column="${focused}"]`)?.focus();
}
