import type { Manifest } from '../data/manifest';
import { byId, el, figuresTable } from './dom';
import { formatNumber, t } from './i18n';

export const TILE_URL_KEY = 'ruralreach.tileUrl';

/** The configured online tile URL, or null (the default: fully offline). */
export function readTileUrl(): string | null {
  try {
    const url = localStorage.getItem(TILE_URL_KEY)?.trim();
    return url ? url : null;
  } catch {
    return null;
  }
}

/**
 * The "About data" dialog: sources with versions and licences, counts, the synthetic-position notice, and the
 * optional online basemap setting (saved in localStorage; applied on the next load).
 */
export function renderAbout(manifest: Manifest): void {
  const dialog = byId<HTMLDialogElement>('about-dialog');
  const sources = el(
    'ul',
    {},
    ...manifest.sources.map((s) =>
      el('li', {}, el('strong', {}, `${s.package} ${s.version}`), ` (${s.licence}): ${s.what}`),
    ),
  );
  const c = manifest.counts;
  const input = el('input', {
    id: 'tile-url',
    type: 'url',
    value: readTileUrl() ?? '',
    'aria-describedby': 'tile-help',
  });
  const save = el('button', { type: 'button' }, t('save'));
  save.addEventListener('click', () => {
    const value = input.value.trim();
    if (value) localStorage.setItem(TILE_URL_KEY, value);
    else localStorage.removeItem(TILE_URL_KEY);
    location.reload();
  });
  const close = el('button', { type: 'button', class: 'close', 'aria-label': t('close') }, '×');
  close.addEventListener('click', () => dialog.close());
  dialog.replaceChildren(
    el('div', { class: 'panel-head' }, el('h2', { id: 'about-title' }, t('aboutTitle')), close),
    el('p', {}, t('aboutIntro')),
    el('p', { class: 'notice', 'data-testid': 'about-synthetic' }, t('synthetic')),
    el('h3', {}, t('sources')),
    sources,
    el('p', {}, `dataVersion ${manifest.dataVersion}`),
    el('h3', {}, t('counts')),
    figuresTable([
      [t('provinces'), formatNumber(c.provinces)],
      [t('counties'), formatNumber(c.counties)],
      [t('countiesWithBoundary'), formatNumber(c.countiesWithBoundary)],
      [t('townships'), formatNumber(c.townships)],
      [t('villages'), formatNumber(c.villages)],
      [t('ruralVillages'), formatNumber(c.ruralVillages)],
    ]),
    el('label', { for: 'tile-url' }, t('tileUrl')),
    el('div', { class: 'row' }, input, save),
    el('p', { id: 'tile-help', class: 'help' }, t('tileHelp')),
  );
}
