/** The county density legend (from the same d3 scale as the map) and the village point legend. */
import { el } from './dom';
import { t } from './i18n';
import { densityItems, legendList, villageKindItems } from './legend-items';

export function renderLegend(container: HTMLElement): void {
  container.replaceChildren(
    el('h2', { id: 'legend-title' }, t('legendTitle')),
    legendList(densityItems(), { class: 'legend-steps' }),
    legendList(villageKindItems(), { class: 'legend-points' }),
    el('p', { class: 'notice', 'data-testid': 'synthetic-notice' }, t('legendVillages')),
  );
}
