/**
 * The rollout timeline over the map: a year slider with Play/Pause, the year's figures, and the legend of opening
 * years (the d3 scale the map uses), centers and stations, and villages not yet covered. Built once per language
 * and result size; `update` moves the slider and the caption only.
 */
import type { RolloutArea } from '../core/rollout/rollout-api';
import type { RolloutResult } from '../core/rollout/rollout-types';
import { NOT_YET_COVERED, yearScale } from '../map/layers/rollout-colours';
import { button } from './controls';
import { el } from './dom';
import { formatNumber, formatPercent, t } from './i18n';

/** What the timeline asks of the app. */
export interface TimelineActions {
  setYear(year: number): void;
  togglePlay(): void;
}

const swatch = (colour: string, shape = '') => el('span', { class: `swatch ${shape}`, style: `background:${colour}` });

/** The legend of a result's years (also used by the government view and its print page). */
export function rolloutLegend(years: number): HTMLElement {
  const scale = yearScale(years);
  const [r, g, b, a] = NOT_YET_COVERED;
  return el(
    'div',
    { class: 'rollout-legend', 'data-testid': 'rollout-legend' },
    el('strong', {}, t('rLegendTitle')),
    el(
      'ul',
      { class: 'legend-points' },
      ...scale.domain().map((year) => el('li', {}, swatch(scale(year)), t('rYearN', { n: year }))),
      el('li', {}, swatch(`rgba(${r},${g},${b},${(a / 255).toFixed(2)})`, 'dot'), t('rLegendNotYet')),
      el('li', {}, el('span', { class: 'swatch dot ring' }), t('rLegendCenter')),
      el('li', {}, el('span', { class: 'swatch dot small' }), t('rLegendStation')),
    ),
  );
}

export class RolloutTimeline {
  private readonly slider: HTMLInputElement;
  private readonly playButton: HTMLButtonElement;
  private readonly caption: HTMLElement;
  private years = 0;

  constructor(
    private readonly root: HTMLElement,
    actions: TimelineActions,
  ) {
    this.slider = el('input', {
      type: 'range',
      min: '1',
      max: '1',
      step: '1',
      value: '1',
      'data-testid': 'year-slider',
    });
    this.slider.setAttribute('aria-label', t('rTimeline'));
    this.slider.addEventListener('input', () => actions.setYear(Number(this.slider.value)));
    this.playButton = button(t('rPlay'), () => actions.togglePlay(), { 'data-testid': 'year-play' });
    this.caption = el('p', { class: 'timeline-caption', 'data-testid': 'year-caption', 'aria-live': 'polite' });
    root.hidden = true;
  }

  /**
   * Shows the result's year `year` (hidden without a result).
   * @param area figures of the area in view (the government view) for the caption, instead of the national ones
   */
  update(result: RolloutResult | null, year: number, playing: boolean, area?: RolloutArea | null): void {
    this.root.hidden = result === null;
    if (result === null) return;
    const years = result.params.years;
    if (years !== this.years || !this.root.contains(this.slider)) {
      this.years = years;
      this.slider.max = String(years);
      this.root.replaceChildren(
        el('div', { class: 'row' }, el('label', {}, t('rTimeline'), ' ', this.slider), this.playButton),
        this.caption,
        rolloutLegend(years),
      );
    }
    if (this.slider.value !== String(year)) this.slider.value = String(year);
    this.slider.setAttribute('aria-valuetext', t('rYearN', { n: year }));
    this.playButton.textContent = playing ? t('rPause') : t('rPlay');
    this.playButton.setAttribute('aria-pressed', String(playing));
    const local = area?.years[year - 1];
    const figures =
      local === undefined
        ? result.years[year - 1]
        : { ...local, coverageShare: area!.ruralVillages > 0 ? local.ruralVillagesCovered / area!.ruralVillages : 0 };
    this.caption.textContent =
      figures === undefined
        ? ''
        : t('rYearShown', {
            year,
            centers: formatNumber(figures.centers),
            stations: formatNumber(figures.stations),
            share: formatPercent(figures.coverageShare),
          });
  }
}
