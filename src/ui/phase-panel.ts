/**
 * The "Phase by year" card of the planner: years, total budget and the cost model (defaults of the rollout's
 * `defaultCostModel`; amounts also shown in 亿/万 or billion/million, `formatYuan`), the "Phase the plan" button
 * (one undoable edit setting every site's phase), the cumulative covered villages, share and spend by year of the
 * last phasing, the legend of the sites' year colours and the method sentence. Built once per language; `update`
 * only changes values and the figures, so a field being edited keeps its focus and its text.
 */
import type { PhaseParams } from '../app/phase/state';
import { maxPhase } from '../app/phase/state';
import type { AppState } from '../app/store';
import { MAX_PHASE_YEARS } from '../core/phase/phase-plan';
import type { PhaseYear } from '../core/phase/phase-types';
import type { CostModel } from '../core/rollout/rollout-types';
import { yearScale } from '../map/layers/rollout-colours';
import { button, labelled } from './controls';
import { el } from './dom';
import { formatNumber, formatPercent, t, type StringKey } from './i18n';
import { formatYuan } from './rollout-format';

/** What the card asks of the app. */
export interface PhasePanelActions {
  setParams(params: PhaseParams): void;
  run(): void;
}

type CostKey = Exclude<keyof CostModel, 'provinceFactor'>;

/** One number field: its label, value, how it sets the parameters, and whether it is an amount in yuan. */
interface Field {
  label: StringKey;
  testId: string;
  value: (p: PhaseParams) => number;
  set: (p: PhaseParams, value: number) => PhaseParams;
  valid: (value: number) => boolean;
  yuan: boolean;
}

const amount = (value: number) => Number.isFinite(value) && value >= 0;
const cost = (key: CostKey, label: StringKey): Field => ({
  label,
  testId: `phase-${key}`,
  value: (p) => p.costs[key],
  set: (p, value) => ({ ...p, costs: { ...p.costs, [key]: value } }),
  valid: amount,
  yuan: true,
});

const FIELDS: Field[] = [
  {
    label: 'phaseYearsLabel',
    testId: 'phase-years',
    value: (p) => p.years,
    set: (p, years) => ({ ...p, years }),
    valid: (v) => Number.isInteger(v) && v >= 1 && v <= MAX_PHASE_YEARS,
    yuan: false,
  },
  {
    label: 'phaseBudget',
    testId: 'phase-budget',
    value: (p) => p.budgetYuan,
    set: (p, budgetYuan) => ({ ...p, budgetYuan }),
    valid: amount,
    yuan: true,
  },
  cost('centerSetupYuan', 'rCenterSetup'),
  cost('centerYearlyYuan', 'rCenterYearly'),
  cost('stationSetupYuan', 'rStationSetup'),
  cost('stationYearlyYuan', 'rStationYearly'),
];

export class PhasePanel {
  private readonly inputs = new Map<Field, { input: HTMLInputElement; note: HTMLElement }>();
  private readonly message: HTMLElement;
  private readonly runButton: HTMLButtonElement;
  private readonly status: HTMLElement;
  private readonly figures: HTMLElement;
  private readonly legend: HTMLElement;
  private readonly method: HTMLElement;
  /** The parameters of the last update (the store's), which a field's change edits. */
  private params: PhaseParams;

  constructor(root: HTMLElement, state: AppState, actions: PhasePanelActions) {
    const row = (field: Field) => {
      const input = el('input', { type: 'number', min: '0', step: 'any', 'data-testid': field.testId });
      const note = el('span', { class: 'help field-note' });
      input.addEventListener('change', () => {
        const value = input.value.trim() === '' ? NaN : Number(input.value);
        const ok = field.valid(value);
        this.message.textContent = ok ? '' : t('phaseInvalid');
        if (ok) actions.setParams(field.set(this.params, value));
      });
      this.inputs.set(field, { input, note });
      return el('div', { class: 'rollout-field' }, labelled(t(field.label), input), note);
    };
    this.params = state.phase.params;
    this.message = el('p', { class: 'error', role: 'alert' });
    this.runButton = button(t('phaseRun'), () => actions.run(), { 'data-testid': 'phase-run' });
    this.status = el('p', { class: 'help', 'data-testid': 'phase-status', 'aria-live': 'polite' });
    this.figures = el('div', { class: 'table-scroll' });
    this.legend = el('div', { class: 'phase-legend', 'data-testid': 'phase-legend' });
    this.method = el('p', { class: 'help', 'data-testid': 'phase-method' });
    root.replaceChildren(
      el('h2', {}, t('phaseTitle')),
      el('div', { class: 'controls' }, ...FIELDS.map(row)),
      this.message,
      el('div', { class: 'row' }, this.runButton),
      this.status,
      this.figures,
      this.legend,
      this.method,
    );
    this.update(state);
  }

  update(state: AppState): void {
    const { phase, plan } = state;
    this.params = phase.params;
    for (const [field, { input, note }] of this.inputs) {
      const value = field.value(phase.params);
      if (document.activeElement !== input) input.value = String(value);
      note.textContent = field.yuan ? formatYuan(value) : '';
    }
    const busy = phase.running || state.run.status !== 'idle';
    this.runButton.disabled = busy || plan.sites.count === 0 || state.province === null;
    this.runButton.textContent = phase.running ? t('phaseRunning') : t('phaseRun');
    const outcome = phase.outcome;
    const current = outcome !== null && outcome.sites === plan.sites;
    if (phase.error !== null) this.status.textContent = t('phaseFailed', { message: phase.error });
    else if (plan.sites.count === 0) this.status.textContent = t('phaseNoSites');
    else if (outcome !== null && !current) this.status.textContent = t('phaseStale');
    else if (current) {
      this.status.textContent =
        outcome.unaffordable > 0 ? t('phaseUnaffordable', { n: outcome.unaffordable }) : t('phaseAllBuilt');
    } else this.status.textContent = '';
    this.figures.replaceChildren(...(current ? [yearTable(outcome.years)] : []));
    this.method.textContent = current ? t('phaseMethod', { years: outcome.params.years }) : '';
    this.legend.replaceChildren(...phaseLegend(maxPhase(plan.sites)));
  }
}

/** The cumulative figures by year (year 0: the existing sites). */
function yearTable(years: readonly PhaseYear[]): HTMLTableElement {
  return el(
    'table',
    { class: 'figures by-year', 'data-testid': 'phase-years-table' },
    el(
      'tr',
      {},
      el('th', {}, t('phaseColYear')),
      el('th', {}, t('phaseColSites')),
      el('th', {}, t('phaseColCovered')),
      el('th', {}, t('phaseColShare')),
      el('th', {}, t('phaseColSpend')),
    ),
    ...years.map((y) =>
      el(
        'tr',
        { 'data-year': String(y.year) },
        el('th', {}, y.year === 0 ? t('phaseYearNow') : t('phaseYear', { year: y.year })),
        el('td', {}, `${formatNumber(y.centers)}/${formatNumber(y.stations)}`),
        el('td', { 'data-testid': 'phase-covered' }, formatNumber(y.coveredVillages)),
        el('td', {}, formatPercent(y.share)),
        el('td', { 'data-testid': 'phase-spend', 'data-yuan': String(y.spendYuan) }, formatYuan(y.spendYuan)),
      ),
    ),
  );
}

/** Swatches of the year colours the map uses for a plan with phases up to `years` (none without phases). */
export function phaseLegend(years: number): HTMLElement[] {
  if (years === 0) return [];
  const scale = yearScale(years);
  const item = (colour: string, text: string) =>
    el('li', {}, el('span', { class: 'swatch dot', style: `background:${colour}` }), text);
  return [
    el('p', { class: 'help' }, t('phaseLegend')),
    el(
      'ul',
      { class: 'legend-points' },
      ...Array.from({ length: years }, (_, k) => item(scale(k + 1), t('phaseYear', { year: k + 1 }))),
      item('rgb(150, 150, 150)', t('phaseLegendNone')),
    ),
  ];
}
