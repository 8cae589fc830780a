/**
 * The rollout's inputs card: every parameter editable (defaults from `defaultRolloutParams`), the message of
 * `checkRolloutParams` next to the field it is about, Run (disabled while any parameter is invalid) and Cancel, a
 * progress bar, and the method sentence and compute time of the last result. Built once per language; `update`
 * only changes values, so a field being edited keeps its focus and its text.
 */
import { checkRolloutParams } from '../core/rollout/defaults';
import type { CostModel, CountyScore, RolloutParams } from '../core/rollout/rollout-types';
import type { RolloutState } from '../app/rollout/state';
import { button, labelled, selectOf } from './controls';
import { el } from './dom';
import { formatNumber, t, type StringKey } from './i18n';
import {
  formatCaps,
  formatFactors,
  formatYuan,
  parseCaps,
  parseCodes,
  parseFactors,
  rolloutMethodText,
} from './rollout-format';

/** What the card asks of the app. */
export interface RolloutInputActions {
  setParams(params: RolloutParams): void;
  run(): void;
  cancel(): void;
}

/** One field: the prefix of `checkRolloutParams` messages about it, its label, and how it reads and writes. */
interface Field {
  problemKey: string;
  label: StringKey;
  text: (p: RolloutParams) => string;
  /** The parameters with the field's text; throws when the text does not parse. */
  parse: (p: RolloutParams, text: string) => RolloutParams;
  kind: 'number' | 'text';
  /** Extra line under the field (e.g. an amount in 亿 / billion). */
  note?: (p: RolloutParams) => string;
}

const number = (text: string) => (text.trim() === '' ? NaN : Number(text));
const top = (
  key: 'centers' | 'stations' | 'years' | 'budgetYuan' | 'stationRadiusKm' | 'centerRadiusKm',
  label: StringKey,
  note?: Field['note'],
): Field => ({
  problemKey: key,
  label,
  kind: 'number',
  text: (p) => String(p[key]),
  parse: (p, text) => ({ ...p, [key]: number(text) }),
  note,
});
const cost = (key: Exclude<keyof CostModel, 'provinceFactor'>, label: StringKey): Field => ({
  problemKey: `costs.${key}`,
  label,
  kind: 'number',
  text: (p) => String(p.costs[key]),
  parse: (p, text) => ({ ...p, costs: { ...p.costs, [key]: number(text) } }),
  note: (p) => formatYuan(p.costs[key]),
});
const caps = (key: 'centers' | 'stations' | 'spendYuan', label: StringKey): Field => ({
  problemKey: `yearCaps.${key}`,
  label,
  kind: 'text',
  text: (p) => formatCaps(p.yearCaps?.[key]),
  parse: (p, text) => {
    const list = parseCaps(text);
    const yearCaps = { ...p.yearCaps };
    if (list === undefined) delete yearCaps[key];
    else yearCaps[key] = list;
    return { ...p, yearCaps };
  },
});

/** The fields in the order shown: programme, costs, geography; per-year caps in their own group. */
const MAIN_FIELDS: Field[] = [
  top('centers', 'rCenters'),
  top('stations', 'rStations'),
  top('years', 'rYears'),
  top('budgetYuan', 'rBudget', (p) => formatYuan(p.budgetYuan)),
  cost('centerSetupYuan', 'rCenterSetup'),
  cost('centerYearlyYuan', 'rCenterYearly'),
  cost('stationSetupYuan', 'rStationSetup'),
  cost('stationYearlyYuan', 'rStationYearly'),
  {
    problemKey: 'costs.provinceFactor',
    label: 'rProvinceFactor',
    kind: 'text',
    text: (p) => formatFactors(p.costs.provinceFactor),
    parse: (p, text) => ({ ...p, costs: { ...p.costs, provinceFactor: parseFactors(text) } }),
  },
  {
    problemKey: 'provinceOrder',
    label: 'rProvinceOrder',
    kind: 'text',
    text: (p) => p.provinceOrder.join(', '),
    parse: (p, text) => ({ ...p, provinceOrder: parseCodes(text) }),
  },
  top('stationRadiusKm', 'rStationRadius'),
  top('centerRadiusKm', 'rCenterRadius'),
  {
    problemKey: 'transport',
    label: 'rTransportDays',
    kind: 'number',
    text: (p) => String(p.transport?.daysPerYear ?? 0),
    parse: (p, text) => {
      const days = number(text);
      const { transport: _, ...rest } = p;
      return days === 0 ? rest : { ...rest, transport: { ...p.transport, daysPerYear: days } };
    },
  },
];
const CAP_FIELDS: Field[] = [
  caps('centers', 'rCapCenters'),
  caps('stations', 'rCapStations'),
  caps('spendYuan', 'rCapSpend'),
];
const SCORES: CountyScore[] = ['villages-per-yuan', 'uncovered-share', 'user-weight'];

/** The messages about a field: those that start with its key followed by a space, '[', '.' or ':'. */
export function problemsOf(problems: readonly string[], key: string): string[] {
  return problems.filter((p) => p.startsWith(key) && /^[\s[.:]/.test(p.slice(key.length)));
}

export class RolloutInputs {
  private readonly inputs = new Map<Field, { input: HTMLInputElement; message: HTMLElement; note: HTMLElement }>();
  private readonly score: HTMLSelectElement;
  private readonly scoreMessage: HTMLElement;
  private readonly otherMessages: HTMLElement;
  private readonly runButton: HTMLButtonElement;
  private readonly cancelButton: HTMLButtonElement;
  private readonly progress: HTMLProgressElement;
  private readonly status: HTMLElement;
  /** Parse errors of text fields not yet in the parameters (the field keeps the user's text). */
  private readonly parseErrors = new Map<Field, string>();
  private params: RolloutParams;

  constructor(container: HTMLElement, state: RolloutState, actions: RolloutInputActions) {
    this.params = state.params;
    const row = (field: Field) => {
      const input = el('input', {
        type: field.kind === 'number' ? 'number' : 'text',
        'data-field': field.problemKey,
        ...(field.kind === 'number' ? { step: 'any', min: '0' } : {}),
      });
      const message = el('span', { class: 'error field-message', role: 'alert' });
      const note = el('span', { class: 'help field-note' });
      input.value = field.text(state.params);
      input.addEventListener('change', () => {
        try {
          const next = field.parse(this.params, input.value);
          this.parseErrors.delete(field);
          actions.setParams(next);
        } catch (error) {
          this.parseErrors.set(field, error instanceof Error ? error.message : String(error));
          this.showProblems();
        }
      });
      this.inputs.set(field, { input, message, note });
      return el('div', { class: 'rollout-field' }, labelled(t(field.label), input), note, message);
    };
    this.score = selectOf(
      SCORES.map((s) => [s, t(`score_${s}` as StringKey)]),
      state.params.countyScore,
    );
    this.score.addEventListener('change', () =>
      actions.setParams({ ...this.params, countyScore: this.score.value as CountyScore }),
    );
    this.scoreMessage = el('span', { class: 'error field-message', role: 'alert' });
    this.otherMessages = el('p', { class: 'error', role: 'alert' });
    this.runButton = button(t('rRun'), () => actions.run(), { class: 'primary', 'data-testid': 'rollout-run' });
    this.cancelButton = button(t('cancel'), () => actions.cancel(), { 'data-testid': 'rollout-cancel' });
    this.progress = el('progress', {
      max: '1',
      value: '0',
      'aria-label': t('progress'),
      'data-testid': 'rollout-progress',
    });
    this.status = el('p', { class: 'quality', 'data-testid': 'rollout-status', 'aria-live': 'polite' });
    container.replaceChildren(
      el('h2', {}, t('rInputsTitle')),
      el(
        'div',
        { class: 'controls' },
        ...MAIN_FIELDS.map(row),
        el('div', { class: 'rollout-field' }, labelled(t('rScore'), this.score), this.scoreMessage),
      ),
      el(
        'details',
        {},
        el('summary', {}, t('rCapsTitle')),
        el('p', { class: 'help' }, t('rCapsHelp')),
        el('div', { class: 'controls' }, ...CAP_FIELDS.map(row)),
      ),
      this.otherMessages,
      el('div', { class: 'row' }, this.runButton, this.cancelButton),
      this.progress,
      this.status,
    );
    this.update(state);
  }

  /** Shows the state's parameters, their problems, the run's progress and the last result's method. */
  update(state: RolloutState): void {
    this.params = state.params;
    for (const [field, { input, note }] of this.inputs) {
      if (document.activeElement !== input && !this.parseErrors.has(field)) input.value = field.text(state.params);
      note.textContent = field.note?.(state.params) ?? '';
    }
    this.score.value = state.params.countyScore;
    const problems = this.showProblems();
    const running = state.run.status !== 'idle';
    this.runButton.disabled = running || problems > 0;
    this.cancelButton.disabled = state.run.status !== 'running';
    this.progress.value = running ? state.run.share : state.result !== null ? 1 : 0;
    this.progress.dataset.state = running ? 'running' : 'done';
    this.status.replaceChildren(...this.statusLines(state));
  }

  /** Puts each problem next to its field (the rest under the fields); returns how many there are. */
  private showProblems(): number {
    const problems = checkRolloutParams(this.params);
    const placed = new Set<string>();
    for (const [field, { message }] of this.inputs) {
      const mine = problemsOf(problems, field.problemKey);
      mine.forEach((p) => placed.add(p));
      const parse = this.parseErrors.get(field);
      message.textContent = [...(parse === undefined ? [] : [parse]), ...mine].join('; ');
    }
    const score = problemsOf(problems, 'countyScore');
    score.forEach((p) => placed.add(p));
    this.scoreMessage.textContent = score.join('; ');
    this.otherMessages.textContent = problems.filter((p) => !placed.has(p)).join('; ');
    return problems.length + this.parseErrors.size;
  }

  private statusLines(state: RolloutState): Node[] {
    if (state.run.status !== 'idle') return [document.createTextNode(t('rRunning'))];
    if (state.run.error !== null) {
      return [el('span', { class: 'error', role: 'alert' }, t('rFailed', { message: state.run.error }))];
    }
    const result = state.result;
    if (result === null) return [el('span', { class: 'help' }, t('rNoResult'))];
    const lines: Node[] = [
      el('span', { 'data-testid': 'rollout-method' }, rolloutMethodText(result.params)),
      el('br'),
      el(
        'span',
        { class: 'help', 'data-testid': 'rollout-seconds' },
        t('rComputed', {
          seconds: formatNumber(result.seconds, 1),
          wall: formatNumber(state.wallSeconds ?? result.seconds, 1),
        }),
      ),
    ];
    if (result.stopped) lines.push(el('br'), el('span', { class: 'help' }, t('rStopped')));
    return lines;
  }
}
