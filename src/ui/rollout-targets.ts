/**
 * The rollout's target check and charts: counties with a center against one third of all counties, rural villages
 * covered against one sixth, spend against the budget, each a clear pass or miss with its numbers (a word and a
 * sign, not colour alone); then cumulative coverage and spend by year against those lines.
 */
import type { RolloutResult } from '../core/rollout/rollout-types';
import { yearChart } from './charts/year-chart';
import { el } from './dom';
import { formatNumber, formatPercent, t } from './i18n';
import { formatYuan, formatYuanShort } from './rollout-format';

/** Pass or miss of each target at the end of the rollout. */
export interface TargetCheck {
  counties: boolean;
  villages: boolean;
  spend: boolean;
}

/** Which targets a result meets: strictly more than the target shares, and spend within the budget. */
export function checkTargets(result: RolloutResult): TargetCheck {
  const { targets } = result;
  return {
    counties: targets.countyShare > targets.countyTarget,
    villages: targets.villageShare > targets.villageTarget,
    spend: result.totalSpendYuan <= result.params.budgetYuan,
  };
}

const fraction = (target: number) =>
  Math.abs(target - 1 / 3) < 1e-9 ? '1/3' : Math.abs(target - 1 / 6) < 1e-9 ? '1/6' : formatPercent(target);

function verdict(pass: boolean): HTMLElement {
  return el(
    'strong',
    { class: pass ? 'pass' : 'miss', 'data-pass': String(pass) },
    pass ? `✓ ${t('rPass')}` : `✗ ${t('rMiss')}`,
  );
}

/** Renders the targets card (an invitation to run when there is no result). */
export function renderTargets(container: HTMLElement, result: RolloutResult | null): void {
  const title = el('h2', {}, t('rTargetsTitle'));
  if (result === null) {
    container.replaceChildren(title, el('p', { class: 'help' }, t('rNoResult')));
    return;
  }
  const check = checkTargets(result);
  const last = result.years[result.years.length - 1];
  const counties = last?.countiesWithCenter ?? 0;
  const covered = last?.ruralVillagesCovered ?? 0;
  const line = (testId: string, label: string, value: number, text: string, pass: boolean) =>
    el(
      'tr',
      { 'data-testid': testId, 'data-value': String(value) },
      el('th', {}, label),
      el('td', {}, text),
      el('td', {}, verdict(pass)),
    );
  const rows = [
    line(
      'target-counties',
      t('rTargetCounties'),
      counties,
      t('rTargetLine', {
        n: formatNumber(counties),
        total: formatNumber(result.counties),
        share: formatPercent(result.targets.countyShare),
        target: fraction(result.targets.countyTarget),
      }),
      check.counties,
    ),
    line(
      'target-villages',
      t('rTargetVillages'),
      covered,
      t('rTargetLine', {
        n: formatNumber(covered),
        total: formatNumber(result.ruralVillages),
        share: formatPercent(result.targets.villageShare),
        target: fraction(result.targets.villageTarget),
      }),
      check.villages,
    ),
    line(
      'target-spend',
      t('rTargetSpend'),
      result.totalSpendYuan,
      t('rSpendLine', { spend: formatYuan(result.totalSpendYuan), budget: formatYuan(result.params.budgetYuan) }),
      check.spend,
    ),
  ];
  const met = result.targets.met;
  const children: Node[] = [
    title,
    el('table', { class: 'figures targets' }, ...rows),
    el(
      'p',
      { 'data-testid': 'targets-met', 'data-pass': String(met) },
      verdict(met),
      ' ',
      t(met ? 'rAllMet' : 'rNotMet'),
    ),
  ];
  const transport = result.transport;
  if (transport !== undefined) {
    children.push(
      el(
        'div',
        { 'data-testid': 'targets-transport', 'data-value': String(transport.totalYuan) },
        el(
          'p',
          {},
          t('rTransportLine', { days: formatNumber(transport.daysPerYear), total: formatYuan(transport.totalYuan) }),
        ),
        el(
          'ul',
          { class: 'help' },
          ...transport.years.map((y) =>
            el(
              'li',
              { 'data-year': String(y.year), 'data-value': String(y.yearYuan) },
              t('rTransportYear', {
                year: String(y.year),
                yuan: formatYuan(y.yearYuan),
                vans: formatNumber(y.vans),
                km: formatNumber(Math.round(y.kmPerDay)),
              }),
            ),
          ),
        ),
      ),
    );
  }
  const unbuilt = result.unbuilt;
  if (unbuilt !== undefined && unbuilt.centers + unbuilt.stations > 0) {
    children.push(
      el(
        'p',
        { class: 'notice' },
        t('rUnbuilt', { centers: formatNumber(unbuilt.centers), stations: formatNumber(unbuilt.stations) }),
      ),
    );
  }
  const placed = result.years.at(-1)?.stations ?? 0;
  if (result.stationLimit === 'coverage') {
    children.push(
      el(
        'p',
        { class: 'help', 'data-testid': 'stations-saturated' },
        t('rSaturated', { placed: formatNumber(placed), allowed: formatNumber(result.params.stations) }),
      ),
    );
  }
  container.replaceChildren(...children);
}

/** Renders the charts card: coverage share and cumulative spend by year. */
export function renderRolloutCharts(container: HTMLElement, result: RolloutResult | null): void {
  const title = el('h2', {}, t('rChartsTitle'));
  if (result === null) {
    container.replaceChildren(title);
    return;
  }
  const yearTick = (year: number) => formatNumber(year);
  const coverage = yearChart({
    title: t('rChartCoverage'),
    testId: 'chart-coverage',
    values: result.years.map((y) => y.coverageShare),
    target: result.targets.villageTarget,
    targetLabel: t('rTargetLabel', { target: fraction(result.targets.villageTarget) }),
    xTitle: t('rYearAxis'),
    yTitle: t('rChartCoverage'),
    formatY: (v) => formatPercent(v, 0),
    formatX: yearTick,
  });
  const spend = yearChart({
    title: t('rChartSpend'),
    testId: 'chart-spend',
    values: result.years.map((y) => y.spendYuan),
    target: result.params.budgetYuan,
    targetLabel: t('rBudgetLabel', { budget: formatYuan(result.params.budgetYuan) }),
    xTitle: t('rYearAxis'),
    yTitle: t('rChartSpend'),
    formatY: formatYuanShort,
    formatX: yearTick,
  });
  const table = el(
    'table',
    { class: 'figures by-year', 'data-testid': 'rollout-years' },
    el(
      'tr',
      {},
      el('th', {}, t('rYearAxis')),
      el('th', {}, t('rColCenters')),
      el('th', {}, t('rColStations')),
      el('th', {}, t('rColShare')),
      el('th', {}, t('rYearSpend')),
    ),
    ...result.years.map((y) =>
      el(
        'tr',
        {},
        el('td', {}, formatNumber(y.year)),
        el('td', {}, formatNumber(y.centers)),
        el('td', {}, formatNumber(y.stations)),
        el('td', {}, formatPercent(y.coverageShare)),
        el('td', {}, formatYuan(y.yearSpendYuan)),
      ),
    ),
  );
  container.replaceChildren(title, coverage, spend, table);
}
