/**
 * The government view's side panel: read-only. The area's name, a notice when the link's parameters could not be
 * used, the progress of the recomputation, the area's totals (centers, stations, rural villages covered / all,
 * share, spend) and the same figures year by year, and a Print button. No input of any kind: the only controls of
 * the view are the timeline's slider and Play, and Print.
 */
import type { RolloutArea } from '../core/rollout/rollout-api';
import type { RolloutCountyRow } from '../core/rollout/rollout-types';
import { button } from './controls';
import { el } from './dom';
import { formatNumber, formatPercent, t } from './i18n';
import { formatYuan } from './rollout-format';

/** What the panel shows. */
export interface GovernmentPanelState {
  /** The area's display name (its code until the name is known). */
  areaName: string;
  /** Problems of the link (shown once, in words), or empty. */
  problems: string[];
  /** Share done of the recomputation, or null when done. */
  progress: number | null;
  error: string | null;
  /** The breakdown row of the area (the engine's figures) and its year-by-year figures. */
  row: RolloutCountyRow | null;
  area: RolloutArea | null;
  /** The method sentence of the result, in the page's language (`rolloutMethodText`). */
  method: string;
}

/** Renders the panel into `root`. */
export function renderGovernmentPanel(root: HTMLElement, state: GovernmentPanelState, onPrint: () => void): void {
  const children: Node[] = [
    el('h2', { class: 'gov-title', 'data-testid': 'gov-title' }, t('govTitle', { area: state.areaName })),
    el('p', { class: 'help' }, t('govReadOnly')),
    el('p', { class: 'help' }, t('legendVillages')),
  ];
  if (state.problems.length > 0) {
    children.push(
      el(
        'p',
        { class: 'notice', role: 'alert', 'data-testid': 'gov-problems' },
        t('govBadLink', { problems: state.problems.join('; ') }),
      ),
    );
  }
  if (state.error !== null) {
    children.push(el('p', { class: 'error', role: 'alert' }, t('rFailed', { message: state.error })));
  } else if (state.progress !== null) {
    children.push(
      el('p', {}, t('govComputing')),
      el('progress', {
        max: '1',
        value: String(state.progress),
        'aria-label': t('progress'),
        'data-testid': 'gov-progress',
      }),
    );
  }
  const { area } = state;
  const row = state.row ?? (area === null ? null : areaTotals(area));
  if (row !== null && row.centers === 0) {
    children.push(el('p', { class: 'notice', 'data-testid': 'gov-no-center' }, t('govNoCenter')));
  }
  if (row !== null) {
    const figure = (testId: string, label: string, value: number, text: string) =>
      el('tr', { 'data-testid': testId, 'data-value': String(value) }, el('th', {}, label), el('td', {}, text));
    children.push(
      el('h3', {}, t('govTotals')),
      el(
        'table',
        { class: 'figures gov-totals', 'data-testid': 'gov-totals' },
        figure('gov-centers', t('rColCenters'), row.centers, formatNumber(row.centers)),
        figure('gov-stations', t('rColStations'), row.stations, formatNumber(row.stations)),
        figure(
          'gov-covered',
          t('rTargetVillages'),
          row.villagesCovered,
          `${formatNumber(row.villagesCovered)} / ${formatNumber(row.ruralVillages)}`,
        ),
        figure('gov-share', t('rColShare'), row.share, formatPercent(row.share)),
        figure('gov-spend', t('rColSpend'), row.spendYuan, formatYuan(row.spendYuan)),
      ),
    );
  }
  if (area !== null) {
    children.push(
      el('h3', {}, t('govByYear')),
      el(
        'table',
        { class: 'figures by-year', 'data-testid': 'gov-years' },
        el(
          'tr',
          {},
          el('th', {}, t('rYearAxis')),
          el('th', {}, t('rColCenters')),
          el('th', {}, t('rColStations')),
          el('th', {}, t('rColCovered')),
          el('th', {}, t('rColShare')),
          el('th', {}, t('rColSpend')),
        ),
        ...area.years.map((y) =>
          el(
            'tr',
            { 'data-year': String(y.year) },
            el('td', {}, formatNumber(y.year)),
            el('td', {}, formatNumber(y.centers)),
            el('td', {}, formatNumber(y.stations)),
            el('td', {}, formatNumber(y.ruralVillagesCovered)),
            el('td', {}, formatPercent(area.ruralVillages > 0 ? y.ruralVillagesCovered / area.ruralVillages : 0)),
            el('td', {}, formatYuan(y.spendYuan)),
          ),
        ),
      ),
    );
  }
  if (state.method !== '') children.push(el('p', { class: 'help' }, state.method));
  children.push(el('div', { class: 'row no-print' }, button(t('govPrint'), onPrint, { 'data-testid': 'gov-print' })));
  root.replaceChildren(...children);
}

/** The totals of an area without a breakdown row (no site in it): its last year, read from the area figures. */
function areaTotals(
  area: RolloutArea,
): Pick<RolloutCountyRow, 'centers' | 'stations' | 'villagesCovered' | 'ruralVillages' | 'share' | 'spendYuan'> {
  const last = area.years.at(-1);
  const covered = last?.ruralVillagesCovered ?? 0;
  return {
    centers: last?.centers ?? 0,
    stations: last?.stations ?? 0,
    villagesCovered: covered,
    ruralVillages: area.ruralVillages,
    share: area.ruralVillages > 0 ? covered / area.ruralVillages : 0,
    spendYuan: last?.spendYuan ?? 0,
  };
}
