/**
 * The per-county table: name, demand villages, villages covered and coverage share for every county of the
 * province, sortable by any column (header buttons; `aria-sort` tells which), and a click on a county's name
 * zooms the map to it. Names come from the data and are set as text only.
 */
import type { CountyInfo } from '../core/live/counties';
import type { CountySortKey } from '../app/planner/state';
import type { AppState } from '../app/store';
import { el } from './dom';
import { formatNumber, formatPercent, getLocale, t, type StringKey } from './i18n';

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
 * Rows placed per main-thread task: the national table (2,800 counties) built in one task took 375 ms of script
 * after a national Suggest (CPU profile of the production build in headless Chromium). A slice of 200 rows, each
 * with its figures set and moved, took 36 ms of script here after a national Suggest of 10,000 stations (the
 * workers busy on the two cores); 100 keep a slice near 20 ms.
 */
const ROWS_PER_TASK = 100;

/** One county's row, kept between renders with the figures its cells show. */
interface RowView {
  row: HTMLTableRowElement;
  villages: HTMLTableCellElement;
  covered: HTMLTableCellElement;
  share: HTMLTableCellElement;
  /** The figures the cells show (NaN before the first fill). */
  shown: [number, number];
}

/** The table a container shows, kept so that a new count updates it in place. */
interface TableView {
  /** The county list the rows belong to (a province's `counties`). */
  counties: readonly CountyInfo[];
  /** The language of the texts (a switch rebuilds the table). */
  locale: string;
  /** The latest render's zoom action (the rows' buttons call it). */
  onZoom: (county: CountyInfo) => void;
  head: HTMLTableSectionElement;
  body: HTMLTableSectionElement;
  rows: Map<CountyInfo, RowView>;
  /** Counter of renders: a slice left over from an earlier render is dropped. */
  render: number;
}

const views = new WeakMap<HTMLElement, TableView>();

/**
 * Renders the table; `onSort` gets the clicked column, `onZoom` the clicked county.
 *
 * The rows are kept between renders: a new count for the same counties sets only the figures that changed, and
 * moves a row only when the order changed (after a national Suggest, replacing the 2,800 rows took 50 ms of main
 * thread, 30 of them removing the old ones). A new province or language starts an empty table. Either way the pass
 * runs in slices of `ROWS_PER_TASK` rows, one per main-thread task (in a connected table each change costs 10-40
 * us here): the first slice is done on return, and the body is `aria-busy` until the last.
 */
export function renderCountyTable(
  container: HTMLElement,
  state: AppState,
  onSort: (key: CountySortKey) => void,
  onZoom: (county: CountyInfo) => void,
): void {
  const { key, descending } = state.countySort;
  const rows = countyRows(state, key, descending);
  const counties = state.province?.counties ?? [];
  const focused = container.contains(document.activeElement)
    ? (document.activeElement as HTMLElement).dataset.column
    : undefined;
  let view = views.get(container);
  const render = (view?.render ?? 0) + 1;
  if (view === undefined || view.counties !== counties || view.locale !== getLocale()) {
    view = newView(container, counties);
    views.set(container, view);
  }
  const target = view;
  target.render = render;
  target.onZoom = onZoom;
  target.head.replaceChildren(headRow(key, descending, onSort));
  const { body, rows: known } = target;
  body.setAttribute('aria-busy', 'true');
  // One pass over the sorted rows, in slices: each row's changed figures are set, and the row is moved to its place
  // unless it is there already. The rows left after the last one are counties without villages now.
  let at = body.firstElementChild;
  const step = (from: number): void => {
    if (target.render !== render || views.get(container) !== target) return; // a newer render took over
    const to = Math.min(rows.length, from + ROWS_PER_TASK);
    for (let r = from; r < to; r++) {
      const row = rowView(known, rows[r], target).row;
      if (row === at) at = at.nextElementSibling;
      else body.insertBefore(row, at);
    }
    if (to < rows.length) {
      setTimeout(() => step(to), 0);
      return;
    }
    while (at !== null) {
      const next = at.nextElementSibling;
      known.delete(countyOf.get(at)!);
      at.remove();
      at = next;
    }
    body.removeAttribute('aria-busy');
  };
  step(0);
  // Keep the keyboard focus on the header button that was pressed.
  if (focused !== undefined) view.head.querySelector<HTMLElement>(`[data-column="${focused}"]`)?.focus();
}

/** An empty table for `counties` in `container` (its heading, scroll box, head and body). */
function newView(container: HTMLElement, counties: readonly CountyInfo[]): TableView {
  const head = el('thead', {});
  const body = el('tbody', {});
  container.replaceChildren(
    el('h2', {}, t('countiesTitle')),
    el('div', { class: 'table-scroll' }, el('table', { class: 'counties', 'data-testid': 'county-table' }, head, body)),
  );
  return { counties, locale: getLocale(), onZoom: () => undefined, head, body, rows: new Map(), render: 0 };
}

/** The county of each row element (to drop the rows of counties that no longer have villages). */
const countyOf = new WeakMap<Element, CountyInfo>();

/** The kept row of a county (made on first use) with its figures set where they changed. */
function rowView(known: Map<CountyInfo, RowView>, row: CountyRow, view: TableView): RowView {
  let kept = known.get(row.county);
  if (kept === undefined) {
    kept = rowElement(row.county, view);
    known.set(row.county, kept);
    countyOf.set(kept.row, row.county);
  }
  const [villages, covered] = kept.shown;
  if (villages !== row.villages) setText(kept.villages, formatNumber(row.villages));
  if (covered !== row.covered || villages !== row.villages) {
    setText(kept.covered, formatNumber(row.covered));
    setText(kept.share, formatPercent(row.share));
  }
  kept.shown = [row.villages, row.covered];
  return kept;
}

/** Sets a cell's text by changing its one text node (cheaper in a connected table than replacing the node). */
function setText(cell: HTMLTableCellElement, text: string): void {
  const node = cell.firstChild;
  if (node instanceof Text) node.data = text;
  else cell.textContent = text;
}

/** The header row: one sort button per column, the sorted one marked (`aria-sort`, arrow). */
function headRow(key: CountySortKey, descending: boolean, onSort: (key: CountySortKey) => void): HTMLElement {
  return el(
    'tr',
    {},
    ...COLUMNS.map(([column, label]) => {
      const sort = column === key ? (descending ? 'descending' : 'ascending') : 'none';
      const arrow = column === key ? (descending ? ' ▼' : ' ▲') : '';
      const headerButton = el(
        'button',
        { type: 'button', class: 'sort', 'data-column': column, 'aria-label': t('sortBy', { column: t(label) }) },
        t(label) + arrow,
      );
      headerButton.addEventListener('click', () => onSort(column));
      return el('th', { scope: 'col', 'aria-sort': sort }, headerButton);
    }),
  );
}

/** A county's row with empty figure cells (filled by the caller); a click on the name zooms to the county. */
function rowElement(county: CountyInfo, view: TableView): RowView {
  const zoom = el(
    'button',
    { type: 'button', class: 'link', 'aria-label': t('zoomTo', { name: county.name }) },
    county.name,
  );
  zoom.addEventListener('click', () => view.onZoom(county));
  const villages = el('td', {});
  const covered = el('td', {});
  const share = el('td', {});
  const row = el('tr', { 'data-county': county.code }, el('td', {}, zoom), villages, covered, share);
  return { row, villages, covered, share, shown: [NaN, NaN] };
}
