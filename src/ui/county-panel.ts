import { byId, el, figuresTable } from './dom';
import { formatNumber, t } from './i18n';

/** The figures of a county as carried by the county boundary feature. */
export interface CountyFigures {
  code: string;
  name: string;
  provinceCode: string;
  villages: number;
  ruralVillages: number;
  areaKm2: number;
}

/** Reads county figures from untrusted feature properties, coercing every value. */
export function countyFromProperties(props: Record<string, unknown>): CountyFigures {
  return {
    code: String(props.code ?? ''),
    name: String(props.name ?? ''),
    provinceCode: String(props.provinceCode ?? ''),
    villages: Number(props.villages ?? 0),
    ruralVillages: Number(props.ruralVillages ?? 0),
    areaKm2: Number(props.areaKm2 ?? 0),
  };
}

/** Shows the panel of the selected county (text only), or hides it. */
export function renderCountyPanel(county: CountyFigures | null, onClose: () => void): void {
  const panel = byId<HTMLElement>('county-panel');
  if (!county) {
    panel.hidden = true;
    panel.replaceChildren();
    return;
  }
  const close = el('button', { type: 'button', class: 'close', 'aria-label': t('close') }, '×');
  close.addEventListener('click', onClose);
  const density = county.areaKm2 > 0 ? (100 * county.villages) / county.areaKm2 : NaN;
  panel.replaceChildren(
    el('div', { class: 'panel-head' }, el('h2', {}, county.name), close),
    figuresTable([
      [t('code'), county.code],
      [t('villages'), formatNumber(county.villages)],
      [t('ruralVillages'), formatNumber(county.ruralVillages)],
      [t('areaKm2'), formatNumber(county.areaKm2)],
      [t('density'), formatNumber(density, 1)],
    ]),
  );
  panel.hidden = false;
}
