import { byId } from './dom';
import { formatNumber, t } from './i18n';
import type { CountyFigures } from './county-panel';

/** Shows a county's name and counts next to the pointer, as text. */
export function showCountyTooltip(county: CountyFigures | null, x: number, y: number): void {
  const tip = byId<HTMLElement>('tooltip');
  if (!county) {
    tip.hidden = true;
    return;
  }
  tip.textContent = `${county.name}\n${t('villages')}: ${formatNumber(county.villages)} · ${t('ruralVillages')}: ${formatNumber(county.ruralVillages)}`;
  tip.style.transform = `translate(${x + 12}px, ${y + 12}px)`;
  tip.hidden = false;
}
