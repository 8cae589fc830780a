/**
 * The totals card: villages covered (of the demand villages), coverage share, open stations and centers, from the
 * coverage worker's figures for the current plan (or the plan being dragged). The share and the station count
 * carry `data-testid`s that the acceptance checks read.
 */
import type { AppState } from '../app/store';
import { el, figuresTable } from './dom';
import { formatNumber, formatPercent, t } from './i18n';

/** Rows of the totals table: label, value, test id. */
export function totalsRows(state: AppState): [string, string, string][] {
  const m = state.metrics;
  if (m === null) {
    return [
      [t('villagesCovered'), '…', 'villages-covered'],
      [t('coverageShare'), '…', 'coverage-share'],
      [t('stations'), '…', 'station-count'],
      [t('centers'), '…', 'center-count'],
    ];
  }
  return [
    [
      t('villagesCovered'),
      t('coveredOf', { covered: formatNumber(m.coveredVillages), total: formatNumber(m.demandVillages) }),
      'villages-covered',
    ],
    [t('coverageShare'), formatPercent(m.coverage), 'coverage-share'],
    [t('stations'), formatNumber(m.stations), 'station-count'],
    [t('centers'), formatNumber(m.centers), 'center-count'],
  ];
}

/** Renders the totals into `container` (cheap: four rows). */
export function renderTotals(container: HTMLElement, state: AppState): void {
  const rows = totalsRows(state);
  const table = figuresTable(rows.map(([label, value]) => [label, value]));
  table.querySelectorAll('td').forEach((cell, k) => cell.setAttribute('data-testid', rows[k][2]));
  container.replaceChildren(el('h2', {}, t('totalsTitle')), table);
}
