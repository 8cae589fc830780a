/**
 * The plan card: the model and its parameters, the reach of stations and centers (and of stations by the user's
 * travel matrix when Suggest uses it), which villages are demand and where stations may go (villages or the
 * imported candidate sites), Suggest and Cancel, a progress bar and the quality of the result ("optimal", or "within X % of
 * optimal" from the solution's proven bound). Built once per language; `update` only changes values, so a
 * control never loses focus while the planner uses it.
 */
import type { VillageKind } from '../core/live/coverage-api';
import { centerReachKm, PLANNER_MODELS, type PlanSettings, type SuggestionInfo } from '../app/planner/state';
import { SITE_ROLE } from '../core/plan-types';
import type { AppState } from '../app/store';
import { engineFiguresText, reachText, suggestionReachText } from '../app/user-data/travel-matrix';
import { button, labelled, numberInput, selectOf, showNumber } from './controls';
import { el } from './dom';
import { formatNumber, t, type StringKey } from './i18n';
import { PlanUserDataControls } from './plan-user-data';
import { RoadsPlanControls } from './roads-plan';

/** What the panel asks of the app. */
export interface PlanPanelActions {
  changeSettings(patch: Partial<PlanSettings>): void;
  suggest(): void;
  cancel(): void;
  setCountyColour(colour: AppState['countyColour']): void;
  setVillageColour(colour: AppState['villageColour']): void;
}

/** The quality line of a suggestion, in the current language. */
export function qualityText(info: SuggestionInfo): string {
  if (info.optimal) return t('qualityOptimal');
  if (!Number.isFinite(info.gap)) return t('qualityUnknown');
  // Round the gap up, so "within X %" stays true.
  const pct = Math.ceil(info.gap * 100 * 100) / 100;
  return t('qualityGap', { gap: formatNumber(pct, 2) });
}

/**
 * County options made per main-thread task when a province loads: the national list (2,900 counties) made at once
 * took 80-160 ms of the plan card's first update in headless Chromium here.
 */
const AREA_OPTIONS_PER_TASK = 400;

export class PlanPanel {
  private readonly model: HTMLSelectElement;
  private readonly stations: HTMLInputElement;
  private readonly target: HTMLInputElement;
  private readonly centers: HTMLInputElement;
  private readonly radius: HTMLInputElement;
  private readonly centerRadius: HTMLInputElement;
  private readonly demand: HTMLSelectElement;
  private readonly countyColour: HTMLSelectElement;
  private readonly villageColour: HTMLSelectElement;
  private readonly centerUnit: HTMLSelectElement;
  private readonly centerDuration: HTMLInputElement;
  private readonly circuity: HTMLInputElement;
  private readonly speed: HTMLInputElement;
  private readonly travelHelp: HTMLElement;
  private readonly area: HTMLSelectElement;
  /** The province whose counties the area options list, and the area they show selected. */
  private areaOptionsFor: unknown = undefined;
  private areaShown: readonly string[] = [];
  private readonly userData: PlanUserDataControls;
  private readonly roads: RoadsPlanControls;
  private readonly suggestButton: HTMLButtonElement;
  private readonly cancelButton: HTMLButtonElement;
  private readonly progress: HTMLProgressElement;
  private readonly quality: HTMLElement;
  private readonly fields: Record<
    'stations' | 'target' | 'centers' | 'centerRadius' | 'centerUnit' | 'centerDuration' | 'circuity' | 'speed',
    HTMLElement
  >;

  constructor(container: HTMLElement, state: AppState, actions: PlanPanelActions) {
    const s = state.settings;
    const set = (patch: Partial<PlanSettings>) => actions.changeSettings(patch);
    const kinds = (): [VillageKind, string][] => [
      ['rural', t('kind_rural')],
      ['all', t('kind_all')],
    ];
    this.model = selectOf(
      PLANNER_MODELS.map((m) => [m, t(`model_${m}` as StringKey)]),
      s.model,
    );
    this.model.addEventListener('change', () => set({ model: this.model.value as PlanSettings['model'] }));
    this.stations = numberInput(s.stations, { min: 1, max: 100000, step: 1 }, (v) => set({ stations: Math.round(v) }));
    this.target = numberInput(s.targetSharePct, { min: 1, max: 100, step: 1 }, (v) => set({ targetSharePct: v }));
    this.centers = numberInput(s.centers, { min: 1, max: 3000, step: 1 }, (v) => set({ centers: Math.round(v) }));
    this.radius = numberInput(s.radiusKm, { min: 0.1, max: 200, step: 0.5 }, (v) => set({ radiusKm: v }));
    this.centerRadius = numberInput(s.centerRadiusKm, { min: 1, max: 500, step: 5 }, (v) => set({ centerRadiusKm: v }));
    this.centerUnit = selectOf(
      [
        ['km', t('unit_km')],
        ['min', t('unit_min')],
      ],
      s.centerReachUnit,
    );
    this.centerUnit.addEventListener('change', () =>
      set({ centerReachUnit: this.centerUnit.value as PlanSettings['centerReachUnit'] }),
    );
    this.centerDuration = numberInput(s.centerDurationMin, { min: 1, max: 600, step: 5 }, (v) =>
      set({ centerDurationMin: v }),
    );
    this.circuity = numberInput(s.circuity, { min: 1, max: 3, step: 0.05 }, (v) => set({ circuity: v }));
    this.speed = numberInput(s.speedKmh, { min: 5, max: 120, step: 5 }, (v) => set({ speedKmh: v }));
    this.travelHelp = el('p', { class: 'help', 'data-testid': 'travel-time-help' });
    this.demand = selectOf(kinds(), s.demand);
    this.demand.addEventListener('change', () => set({ demand: this.demand.value as VillageKind }));
    this.userData = new PlanUserDataControls(s, set);
    this.roads = new RoadsPlanControls(s, set);
    this.area = el('select', { multiple: '', size: '5', 'data-testid': 'area' });
    this.area.addEventListener('change', () =>
      set({ area: Array.from(this.area.selectedOptions, (option) => option.value) }),
    );
    const wholeProvince = button(t('wholeProvince'), () => set({ area: [] }));
    this.countyColour = selectOf(
      [
        ['density', t('colour_density')],
        ['coverage', t('colour_coverage')],
      ],
      state.countyColour,
    );
    this.countyColour.addEventListener('change', () =>
      actions.setCountyColour(this.countyColour.value as AppState['countyColour']),
    );
    this.villageColour = selectOf(
      [
        ['coverage', t('villageColour_coverage')],
        ['distance', t('villageColour_distance')],
      ],
      state.villageColour,
    );
    this.villageColour.addEventListener('change', () =>
      actions.setVillageColour(this.villageColour.value as AppState['villageColour']),
    );
    this.suggestButton = button(t('suggest'), () => actions.suggest(), { class: 'primary' });
    this.cancelButton = button(t('cancel'), () => actions.cancel());
    this.progress = el('progress', { max: '1', value: '0', 'aria-label': t('progress'), 'data-testid': 'progress' });
    this.quality = el('p', { class: 'quality', 'data-testid': 'quality', 'aria-live': 'polite' });
    this.fields = {
      stations: labelled(t('stationsN'), this.stations),
      target: labelled(t('targetShare'), this.target),
      centers: labelled(t('centersN'), this.centers),
      centerRadius: labelled(t('centerRadiusKm'), this.centerRadius),
      centerUnit: labelled(t('centerReachUnit'), this.centerUnit),
      centerDuration: labelled(t('centerDurationMin'), this.centerDuration),
      circuity: labelled(t('circuity'), this.circuity),
      speed: labelled(t('speedKmh'), this.speed),
    };
    container.replaceChildren(
      el('h2', {}, t('planTitle')),
      el(
        'div',
        { class: 'controls' },
        labelled(t('model'), this.model),
        this.fields.stations,
        this.fields.target,
        this.fields.centers,
        labelled(t('radiusKm'), this.radius),
        this.userData.tableReachMinField,
        this.userData.tableReachKmField,
        this.roads.useField,
        this.roads.minutesField,
        this.fields.centerUnit,
        this.fields.centerRadius,
        this.fields.centerDuration,
        this.fields.circuity,
        this.fields.speed,
        labelled(t('demandVillages'), this.demand),
        this.userData.candidatesField,
        labelled(t('areaCounties'), this.area),
      ),
      this.travelHelp,
      this.userData.tableNote,
      this.roads.note,
      this.roads.isochrone,
      el('div', { class: 'row' }, el('span', { class: 'help' }, t('areaHelp')), wholeProvince),
      this.userData.userArea,
      el('div', { class: 'row' }, this.suggestButton, this.cancelButton),
      this.progress,
      this.quality,
      el(
        'div',
        { class: 'controls' },
        labelled(t('countyColour'), this.countyColour),
        labelled(t('villageColour'), this.villageColour),
      ),
    );
    this.update(state);
  }

  /** Shows the state's values, the run's progress and the plan's quality. */
  update(state: AppState): void {
    const s = state.settings;
    this.model.value = s.model;
    showNumber(this.stations, s.stations);
    showNumber(this.target, s.targetSharePct);
    showNumber(this.centers, s.centers);
    showNumber(this.radius, s.radiusKm);
    showNumber(this.centerRadius, s.centerRadiusKm);
    showNumber(this.centerDuration, s.centerDurationMin);
    showNumber(this.circuity, s.circuity);
    showNumber(this.speed, s.speedKmh);
    this.centerUnit.value = s.centerReachUnit;
    this.villageColour.value = state.villageColour;
    this.demand.value = s.demand;
    this.userData.update(state);
    this.roads.update(state);
    this.countyColour.value = state.countyColour;
    this.showArea(state);
    this.fields.stations.hidden = s.model === 'lscp';
    this.fields.target.hidden = s.model !== 'lscp';
    this.fields.centers.hidden = s.model !== 'two-tier';
    // Center reach matters to two-tier plans and to any plan with a center marked by hand.
    const centers = s.model === 'two-tier' || state.plan.sites.role.some((r) => r === SITE_ROLE.center);
    const minutes = s.centerReachUnit === 'min';
    this.fields.centerUnit.hidden = !centers;
    this.fields.centerRadius.hidden = !centers || minutes;
    this.fields.centerDuration.hidden = !centers || !minutes;
    this.fields.circuity.hidden = !centers || !minutes;
    this.fields.speed.hidden = !centers || !minutes;
    this.travelHelp.hidden = !centers || !minutes;
    this.travelHelp.textContent = t('travelTimeHelp', {
      circuity: formatNumber(s.circuity, 2),
      speed: formatNumber(s.speedKmh, 0),
      minutes: formatNumber(s.centerDurationMin, 0),
      km: formatNumber(centerReachKm(s), 1),
    });
    const running = state.run.status !== 'idle';
    this.suggestButton.disabled = running || state.province === null;
    this.cancelButton.disabled = state.run.status !== 'running';
    this.progress.value = running ? state.run.share : state.plan.suggestion ? 1 : 0;
    this.progress.dataset.state = running ? 'running' : 'done';
    this.quality.replaceChildren(...this.qualityLines(state));
  }

  /**
   * County options of the loaded province, with the area's counties selected. A new province's options are made in
   * slices of `AREA_OPTIONS_PER_TASK`, each selected as it is made; later the selection is set again only when the
   * area changes (every option was visited at each update before: 2,900 nationally).
   */
  private showArea(state: AppState): void {
    const { area } = state.settings;
    if (this.areaOptionsFor !== state.province?.provinceCode) {
      this.areaOptionsFor = state.province?.provinceCode;
      this.areaShown = area;
      const counties = state.province?.counties ?? [];
      const built = this.areaOptionsFor;
      this.area.replaceChildren();
      const add = (from: number): void => {
        if (this.areaOptionsFor !== built) return; // another province took over
        const chosen = new Set(this.areaShown); // the area may have changed since the last slice
        const to = Math.min(counties.length, from + AREA_OPTIONS_PER_TASK);
        for (let c = from; c < to; c++) {
          const { code, name } = counties[c];
          const selected = chosen.has(code);
          this.area.add(new Option(name === code ? code : `${name} (${code})`, code, selected, selected));
        }
        if (to < counties.length) setTimeout(() => add(to), 0);
      };
      add(0);
      return;
    }
    if (this.areaShown === area) return;
    this.areaShown = area;
    this.selectArea(area);
  }

  /** Marks the options of `area` selected and the others not. */
  private selectArea(area: readonly string[]): void {
    const chosen = new Set(area);
    for (const option of this.area.options) option.selected = chosen.has(option.value);
  }

  private qualityLines(state: AppState): Node[] {
    if (state.run.status !== 'idle') return [document.createTextNode(t('planning'))];
    if (state.run.error !== null) {
      return [el('span', { class: 'error', role: 'alert' }, t('planFailed', { message: state.run.error }))];
    }
    const lines: Node[] = state.run.stopped ? [el('span', { class: 'help' }, t('stoppedNote')), el('br')] : [];
    const info = state.plan.suggestion;
    if (info === null) return lines;
    lines.push(
      el('strong', {}, qualityText(info)),
      el('br'),
      el('span', { class: 'help' }, t('solvedBy', { solver: info.solver, seconds: formatNumber(info.seconds, 1) })),
    );
    const reach = suggestionReachText(info);
    if (reach !== null) lines.push(el('br'), el('span', { 'data-testid': 'suggestion-reach' }, reach));
    if (info.candidatesFile !== undefined) {
      lines.push(el('br'), el('span', { class: 'help' }, t('suggestedAmong', { file: info.candidatesFile })));
    }
    const engine = engineFiguresText(info);
    if (engine !== null) lines.push(el('br'), el('span', { 'data-testid': 'engine-figures' }, engine));
    if (info.reach?.kind === 'table' || info.reach?.kind === 'road') {
      const radiusKm = state.settings.radiusKm;
      lines.push(el('br'), el('span', { class: 'help' }, t('liveIsLine', { reach: reachText(radiusKm, 'km') })));
    }
    if (info.cancelled) lines.push(el('br'), el('span', { class: 'help' }, t('cancelledNote')));
    return lines;
  }
}
