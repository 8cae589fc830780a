import { densityScale } from '../map/county-scale';
import { VILLAGE_COLOURS } from '../map/village-colours';
import { el } from './dom';
import { formatNumber, t } from './i18n';

function swatch(colour: string): HTMLSpanElement {
  const node = el('span', { class: 'swatch' });
  node.style.background = colour;
  return node;
}

const rgba = (c: readonly number[]) => `rgba(${c[0]}, ${c[1]}, ${c[2]}, ${c[3] / 255})`;

/** The county density legend (from the same d3 scale as the map) and the village point legend. */
export function renderLegend(container: HTMLElement): void {
  const scale = densityScale();
  const thresholds = scale.domain();
  const colours = scale.range();
  const rows = colours.map((colour, i) => {
    const low = i === 0 ? null : thresholds[i - 1];
    const high = i < thresholds.length ? thresholds[i] : null;
    const label =
      low === null
        ? `< ${formatNumber(high!)}`
        : high === null
          ? `≥ ${formatNumber(low)}`
          : `${formatNumber(low)}–${formatNumber(high)}`;
    return el('li', {}, swatch(colour), label);
  });
  container.replaceChildren(
    el('h2', { id: 'legend-title' }, t('legendTitle')),
    el('ul', { class: 'legend-steps' }, ...rows),
    el(
      'ul',
      { class: 'legend-points' },
      el('li', {}, swatch(rgba(VILLAGE_COLOURS.rural)), t('ruralVillage')),
      el('li', {}, swatch(rgba(VILLAGE_COLOURS.urban)), t('urbanVillage')),
    ),
    el('p', { class: 'notice', 'data-testid': 'synthetic-notice' }, t('legendVillages')),
  );
}
