/**
 * The rollout breakdown card: one row per province (or per county of a chosen province) with centers, stations,
 * villages covered, share, spend and the year its first center opens; sortable by any column (header buttons,
 * `aria-sort`), a province name opens its counties, and the shown table downloads as CSV. Names are text only.
 * A chosen province opens in the planner (its sites phased by year) with one button.
 */
import { BREAKDOWN_KEYS, sortedRows, type BreakdownKey, type RolloutState } from '../app/rollout/state';
import type { RolloutCountyRow, RolloutResult } from '../core/rollout/rollout-types';
import { button } from './controls';
import { el } from './dom';
import { downloadText } from './export-panel';
import { formatNumber, formatPercent, t, type StringKey } from './i18n';
import { breakdownCsv } from '../io/rollout-csv';
import { formatYuan } from './rollout-format';

/** What the card asks of the app. */
export interface BreakdownActions {
  sort(key: BreakdownKey): void;
  /** Shows the counties of a province, or the provinces again (null). */
  openProvince(code: string | null): void;
  /** Opens the rollout's sites of a province (2-digit code) in the planner. */
  openInPlanner(code: string): void;
  /** Province names by 2-digit code (from the manifest), for rows the engine leaves unnamed. */
  provinceNames: ReadonlyMap<string, string>;
}

const LABELS: Record<BreakdownKey, StringKey> = {
  name: 'rColName',
  centers: 'rColCenters',
  stations: 'rColStations',
  villagesCovered: 'rColCovered',
  share: 'rColShare',
  spendYuan: 'rColSpend',
  year: 'rColYear',
};

/** The rows the card shows: provinces, or the counties of `province`. */
export function breakdownRowsOf(result: RolloutResult, province: string | null): RolloutCountyRow[] {
  return province === null ? result.provinceRows : result.countyRows.filter((r) => r.provinceCode === province);
}

function cell(row: RolloutCountyRow, key: BreakdownKey, names: ReadonlyMap<string, string>): string {
  switch (key) {
    case 'share':
      return formatPercent(row.share);
    case 'spendYuan':
      return formatYuan(row.spendYuan);
    case 'year':
      return row.year === 0 ? '–' : formatNumber(row.year);
    case 'name':
      return row.name || names.get(row.code) || row.code;
    default:
      return formatNumber(row[key]);
  }
}

/** Renders the card. */
export function renderBreakdown(container: HTMLElement, state: RolloutState, actions: BreakdownActions): void {
  const result = state.result;
  const province = state.breakdownProvince;
  if (result === null) {
    container.replaceChildren(el('h2', {}, t('rBreakdownTitle')));
    return;
  }
  const names = actions.provinceNames;
  const named = (row: RolloutCountyRow) => (row.name === '' ? { ...row, name: names.get(row.code) ?? '' } : row);
  const rows = sortedRows(breakdownRowsOf(result, province).map(named), state.sort);
  const provinceName = province === null ? '' : (names.get(province) ?? province);
  const title = province === null ? t('rBreakdownTitle') : t('rBreakdownCounties', { province: provinceName });
  const { key, descending } = state.sort;
  const head = el(
    'tr',
    {},
    ...BREAKDOWN_KEYS.map((column) => {
      const arrow = column === key ? (descending ? ' ▼' : ' ▲') : '';
      const sortButton = el(
        'button',
        {
          type: 'button',
          class: 'sort',
          'data-column': column,
          'aria-label': t('sortBy', { column: t(LABELS[column]) }),
        },
        t(LABELS[column]) + arrow,
      );
      sortButton.addEventListener('click', () => actions.sort(column));
      const sort = column === key ? (descending ? 'descending' : 'ascending') : 'none';
      return el('th', { scope: 'col', 'aria-sort': sort }, sortButton);
    }),
  );
  const body = el(
    'tbody',
    {},
    ...rows.map((row) => {
      const name =
        province === null
          ? button(cell(row, 'name', names), () => actions.openProvince(row.code), {
              class: 'link',
              'aria-label': t('rOpenProvince', { name: cell(row, 'name', names) }),
            })
          : cell(row, 'name', names);
      return el(
        'tr',
        { 'data-code': row.code },
        el('td', {}, name),
        ...BREAKDOWN_KEYS.slice(1).map((column) => el('td', {}, cell(row, column, names))),
      );
    }),
  );
  const focused = container.contains(document.activeElement)
    ? (document.activeElement as HTMLElement).dataset.column
    : undefined;
  const exportButton = button(t('rExportCsv'), () =>
    downloadText(
      breakdownCsv(rows),
      province === null ? 'rollout-provinces.csv' : `rollout-counties-${province}.csv`,
      'text/csv;charset=utf-8',
    ),
  );
  const controls = el('div', { class: 'row' }, exportButton);
  if (province !== null) {
    const open = button(t('rOpenInPlanner'), () => actions.openInPlanner(province), {
      'data-testid': 'rollout-open-planner',
      'aria-label': t('rOpenInPlannerLabel', { province: provinceName }),
    });
    controls.prepend(
      button(t('rBackToProvinces'), () => actions.openProvince(null)),
      open,
    );
  }
  container.replaceChildren(
    el('h2', {}, title),
    controls,
    el(
      'div',
      { class: 'table-scroll' },
      el('table', { class: 'counties breakdown', 'data-testid': 'rollout-breakdown' }, el('thead', {}, head), body),
    ),
  );
  if (focused !== undefined) container.querySelector<HTMLElement>(`[data-column="${focused}"]`)?.focus();
}
