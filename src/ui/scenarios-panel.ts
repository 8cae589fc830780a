/**
 * The scenarios card: save the current plan under a name, then for each saved scenario rename it (its name field),
 * open, duplicate or delete it; choose two and compare them side by side: a table of their figures and the
 * difference, while the map shows the villages gained and lost.
 */
import { openCounts } from '../core/live/sites';
import type { LiveMetrics } from '../core/live/coverage-api';
import type { AppState } from '../app/store';
import { button, labelled, selectOf } from './controls';
import { el } from './dom';
import { formatNumber, formatPercent, t } from './i18n';

/** What the panel asks of the app. */
export interface ScenarioActions {
  save(name: string): void;
  rename(id: string, name: string): void;
  open(id: string): void;
  duplicate(id: string): void;
  remove(id: string): void;
  compare(a: string, b: string): void;
  closeComparison(): void;
}

/** A signed number with its sign ("+12", "−3", "0"), per locale. */
function signed(value: number, format: (v: number) => string): string {
  if (value === 0) return format(0);
  return `${value > 0 ? '+' : '−'}${format(Math.abs(value))}`;
}

/** Rows of the comparison table: figure, A, B, B − A. */
export function comparisonRows(a: LiveMetrics, b: LiveMetrics, gained: number, lost: number): string[][] {
  const pct = (v: number) => formatPercent(v);
  return [
    [
      t('villagesCovered'),
      formatNumber(a.coveredVillages),
      formatNumber(b.coveredVillages),
      signed(b.coveredVillages - a.coveredVillages, formatNumber),
    ],
    [t('coverageShare'), pct(a.coverage), pct(b.coverage), signed(b.coverage - a.coverage, pct)],
    [t('stations'), formatNumber(a.stations), formatNumber(b.stations), signed(b.stations - a.stations, formatNumber)],
    [t('centers'), formatNumber(a.centers), formatNumber(b.centers), signed(b.centers - a.centers, formatNumber)],
    [t('gained'), '', '', formatNumber(gained)],
    [t('lost'), '', '', formatNumber(lost)],
  ];
}

export function renderScenarios(container: HTMLElement, state: AppState, actions: ScenarioActions): void {
  const scenarios = state.scenarios.filter((s) => s.provinceCode === state.provinceCode);
  const name = el('input', { type: 'text', placeholder: t('scenarioDefault', { n: scenarios.length + 1 }) });
  const save = button(t('saveScenario'), () => actions.save(name.value));
  name.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') actions.save(name.value);
  });
  const list = el(
    'ul',
    { class: 'scenarios', 'data-testid': 'scenario-list' },
    ...scenarios.map((scenario) => {
      const field = el('input', {
        type: 'text',
        value: scenario.name,
        'aria-label': t('renameScenario', { name: scenario.name }),
      });
      field.addEventListener('change', () => actions.rename(scenario.id, field.value));
      const { stations } = openCounts(scenario.plan.sites);
      return el(
        'li',
        { 'data-scenario': scenario.id },
        field,
        el('span', { class: 'help' }, `${t('stations')}: ${formatNumber(stations)}`),
        el(
          'div',
          { class: 'row' },
          button(t('openScenario'), () => actions.open(scenario.id)),
          button(t('duplicate'), () => actions.duplicate(scenario.id)),
          button(t('deleteScenario'), () => actions.remove(scenario.id)),
        ),
      );
    }),
  );
  const children: Node[] = [
    el('h2', {}, t('scenariosTitle')),
    el('div', { class: 'row' }, labelled(t('scenarioName'), name), save),
    scenarios.length === 0 ? el('p', { class: 'help' }, t('noScenarios')) : list,
  ];
  if (scenarios.length >= 2) {
    const options = scenarios.map((s) => [s.id, s.name] as const);
    const current = state.comparison;
    const a = selectOf(options, current?.a ?? scenarios[scenarios.length - 2].id);
    const b = selectOf(options, current?.b ?? scenarios[scenarios.length - 1].id);
    children.push(
      el('div', { class: 'controls' }, labelled(t('compareA'), a), labelled(t('compareB'), b)),
      el(
        'div',
        { class: 'row' },
        button(t('compare'), () => actions.compare(a.value, b.value)),
        ...(current ? [button(t('closeCompare'), () => actions.closeComparison())] : []),
      ),
    );
  }
  const comparison = state.comparison;
  if (comparison !== null) {
    const nameOf = (id: string) => state.scenarios.find((s) => s.id === id)?.name ?? id;
    const { a, b, gained, lost } = comparison.result;
    const rows = comparisonRows(a, b, gained, lost);
    children.push(
      el(
        'table',
        { class: 'figures compare', 'data-testid': 'comparison' },
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            el('th', {}, t('figure')),
            el('th', {}, nameOf(comparison.a)),
            el('th', {}, nameOf(comparison.b)),
            el('th', {}, t('differenceBA')),
          ),
        ),
        el(
          'tbody',
          {},
          ...rows.map(([label, ...cells]) => el('tr', {}, el('th', {}, label), ...cells.map((c) => el('td', {}, c)))),
        ),
      ),
    );
  }
  container.replaceChildren(...children);
}
