/**
 * The "Delivery runs" (配送线路) card of the planner: the run parameters (defaults and sources of
 * src/core/route/run-params.ts), "Plan runs" with a progress bar and Cancel, then the figures of the last runs per
 * county (vans, km per day, van-hours, cost per day, cost per parcel) with their totals, the stations left out with
 * their reasons, the export button and the method sentence. Built once per language; `update` only changes values
 * and figures, so a field being edited keeps its focus. Site ids and county names are untrusted text: textContent
 * only.
 */
import type { AppState } from '../app/store';
import type { RoutesSettings } from '../app/routes/state';
import { currentOutcome } from '../app/routes/state';
import { SITE_ROLE } from '../core/plan-types';
import { checkRunParams, RUN_PARAM_SOURCES, type RunParams } from '../core/route/run-params';
import { runsCountyRows, type RunsCountyRow } from '../io/export-runs';
import { runsExportInput } from '../app/routes/request';
import { button, labelled } from './controls';
import { el } from './dom';
import { formatNumber, t, type StringKey } from './i18n';

/** What the card asks of the app. */
export interface RunsPanelActions {
  setSettings(settings: RoutesSettings): void;
  run(): void;
  cancel(): void;
  exportRuns(): void;
}

/** One number field of the card. */
interface Field {
  key: keyof RunParams | 'budgetSec';
  label: StringKey;
}

const FIELDS: Field[] = [
  { key: 'parcelsPerVillage', label: 'routesParcels' },
  { key: 'pickupsPerVillage', label: 'routesPickups' },
  { key: 'vanCapacity', label: 'routesCapacity' },
  { key: 'shiftHours', label: 'routesShift' },
  { key: 'stopMin', label: 'routesStop' },
  { key: 'speedKmh', label: 'routesSpeed' },
  { key: 'circuity', label: 'routesCircuity' },
  { key: 'costPerKmYuan', label: 'routesCostKm' },
  { key: 'costPerVanDayYuan', label: 'routesCostVan' },
  { key: 'budgetSec', label: 'routesBudget' },
];

const valueOf = (s: RoutesSettings, key: Field['key']) => (key === 'budgetSec' ? s.budgetSec : s.params[key]);

/** The settings with one field set, or null when the value is unusable. */
function withValue(s: RoutesSettings, key: Field['key'], value: number): RoutesSettings | null {
  if (key === 'budgetSec') return Number.isFinite(value) && value > 0 ? { ...s, budgetSec: value } : null;
  const params = { ...s.params, [key]: value };
  return checkRunParams(params).length === 0 ? { ...s, params } : null;
}

export class RunsPanel {
  private readonly inputs = new Map<Field, HTMLInputElement>();
  private readonly weighted: HTMLInputElement;
  private readonly message: HTMLElement;
  private readonly runButton: HTMLButtonElement;
  private readonly cancelButton: HTMLButtonElement;
  private readonly exportButton: HTMLButtonElement;
  private readonly progress: HTMLProgressElement;
  private readonly status: HTMLElement;
  private readonly figures: HTMLElement;
  private readonly unrouted: HTMLElement;
  private readonly method: HTMLElement;
  private settings: RoutesSettings;

  constructor(root: HTMLElement, state: AppState, actions: RunsPanelActions) {
    this.settings = state.routes.settings;
    this.message = el('p', { class: 'error', role: 'alert' });
    const row = (field: Field) => {
      const input = el('input', { type: 'number', min: '0', step: 'any', 'data-testid': `routes-${field.key}` });
      if (field.key !== 'budgetSec') input.title = RUN_PARAM_SOURCES[field.key];
      input.addEventListener('change', () => {
        const value = input.value.trim() === '' ? NaN : Number(input.value);
        const next = withValue(this.settings, field.key, value);
        this.message.textContent = next === null ? t('routesInvalid') : '';
        if (next !== null) actions.setSettings(next);
      });
      this.inputs.set(field, input);
      return el('div', { class: 'rollout-field' }, labelled(t(field.label), input));
    };
    this.weighted = el('input', { type: 'checkbox', 'data-testid': 'routes-weighted' });
    this.weighted.addEventListener('change', () =>
      actions.setSettings({ ...this.settings, weighted: this.weighted.checked }),
    );
    this.runButton = button(t('routesRun'), () => actions.run(), { 'data-testid': 'routes-run' });
    this.cancelButton = button(t('routesCancel'), () => actions.cancel(), { 'data-testid': 'routes-cancel' });
    this.exportButton = button(t('routesExport'), () => actions.exportRuns(), { 'data-testid': 'routes-export' });
    this.progress = el('progress', {
      max: '1',
      value: '0',
      'aria-label': t('progress'),
      'data-testid': 'routes-progress',
    });
    this.status = el('p', { class: 'help', 'data-testid': 'routes-status', 'aria-live': 'polite' });
    this.figures = el('div', { class: 'table-scroll' });
    this.unrouted = el('div', { 'data-testid': 'routes-unrouted' });
    this.method = el('p', { class: 'help' }, t('routesMethod'));
    root.replaceChildren(
      el('h2', {}, t('routesTitle')),
      el('p', { class: 'help' }, t('routesIntro')),
      el('div', { class: 'controls' }, ...FIELDS.map(row)),
      el('label', { class: 'control' }, this.weighted, el('span', {}, t('routesWeighted'))),
      this.message,
      el('div', { class: 'row' }, this.runButton, this.cancelButton),
      this.progress,
      this.status,
      this.figures,
      this.unrouted,
      el('div', { class: 'row' }, this.exportButton),
      this.method,
    );
    this.update(state);
  }

  update(state: AppState): void {
    const { routes, plan } = state;
    this.settings = routes.settings;
    for (const [field, input] of this.inputs) {
      if (document.activeElement !== input) input.value = String(valueOf(routes.settings, field.key));
    }
    this.weighted.checked = routes.settings.weighted;
    const running = routes.run.status !== 'idle';
    const hasCenter = plan.sites.role.some((r) => r === SITE_ROLE.center);
    this.runButton.disabled = running || state.province === null || plan.sites.count === 0;
    this.runButton.textContent = running ? t('routesRunning') : t('routesRun');
    this.cancelButton.disabled = routes.run.status !== 'running';
    this.cancelButton.textContent = routes.run.status === 'cancelling' ? t('routesCancelling') : t('routesCancel');
    this.progress.value = running ? routes.run.share : routes.outcome === null ? 0 : 1;
    this.progress.dataset.state = running ? 'running' : 'done';
    const outcome = currentOutcome(state);
    this.exportButton.disabled = outcome === null;
    if (routes.run.error !== null) this.status.textContent = t('routesFailed', { message: routes.run.error });
    else if (running) this.status.textContent = '';
    else if (plan.sites.count === 0) this.status.textContent = t('routesNoPlan');
    else if (!hasCenter) this.status.textContent = t('routesNoCenter');
    else if (routes.outcome !== null && outcome === null) this.status.textContent = t('routesStale');
    else if (outcome !== null) {
      const { result } = outcome.answer;
      this.status.textContent =
        t('routesDone', { vans: result.totals.vans, seconds: formatNumber(outcome.wallSeconds, 1) }) +
        (result.stopped ? ` ${t('routesStopped')}` : '');
    } else this.status.textContent = '';
    if (outcome === null) {
      this.figures.replaceChildren();
      this.unrouted.replaceChildren();
      return;
    }
    const input = runsExportInput(outcome);
    this.figures.replaceChildren(countyTable(runsCountyRows(input), outcome.answer.result.totals));
    const left = outcome.answer.result.unrouted;
    this.unrouted.replaceChildren(
      ...(left.length === 0
        ? []
        : [
            el('p', { class: 'help' }, t('routesUnrouted', { n: left.length })),
            el(
              'ul',
              { class: 'unrouted-list table-scroll' },
              ...left.map((u) => {
                const item = el(
                  'li',
                  { 'data-station': input.sites.id[u.station] },
                  `${input.sites.id[u.station]}: ${t(`routesReason_${u.reason}` as StringKey)}`,
                );
                item.title = u.message;
                return item;
              }),
            ),
          ]),
    );
  }
}

/** Yuan with at most `digits` decimals. */
const yuan = (value: number | null, digits = 0) => (value === null ? '–' : formatNumber(value, digits));

/** The per-county figures and their totals. */
function countyTable(
  rows: readonly RunsCountyRow[],
  totals: { vans: number; kmPerDay: number; hours: number; costPerDayYuan: number; costPerParcelYuan: number },
): HTMLTableElement {
  const cells = (v: {
    vans: number;
    km: number;
    hours: number;
    cost: number;
    parcel: number | null;
  }): HTMLTableCellElement[] => [
    el('td', { 'data-col': 'vans' }, formatNumber(v.vans)),
    el('td', { 'data-col': 'km' }, formatNumber(v.km, 1)),
    el('td', { 'data-col': 'hours' }, formatNumber(v.hours, 1)),
    el('td', { 'data-col': 'cost' }, yuan(v.cost)),
    el('td', { 'data-col': 'parcel' }, yuan(v.parcel, 2)),
  ];
  const num = (v: string | number | null) => (typeof v === 'number' ? v : 0);
  return el(
    'table',
    { class: 'figures', 'data-testid': 'routes-table' },
    el(
      'tr',
      {},
      ...(
        [
          'routesColCounty',
          'routesColVans',
          'routesColKm',
          'routesColHours',
          'routesColCost',
          'routesColParcel',
        ] as const
      ).map((key) => el('th', {}, t(key))),
    ),
    ...rows.map((r) =>
      el(
        'tr',
        { 'data-county': String(r.code) },
        el('th', {}, String(r.name || r.code)),
        ...cells({
          vans: num(r.vans),
          km: num(r.kmPerDay),
          hours: num(r.hours),
          cost: num(r.costPerDayYuan),
          parcel: typeof r.costPerParcelYuan === 'number' ? r.costPerParcelYuan : null,
        }),
      ),
    ),
    el(
      'tr',
      { 'data-county': 'total' },
      el('th', {}, t('routesTotal')),
      ...cells({
        vans: totals.vans,
        km: totals.kmPerDay,
        hours: totals.hours,
        cost: totals.costPerDayYuan,
        parcel: Number.isFinite(totals.costPerParcelYuan) ? totals.costPerParcelYuan : null,
      }),
    ),
  );
}
