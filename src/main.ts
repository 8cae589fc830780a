import * as Comlink from 'comlink';
import { MapboxOverlay } from '@deck.gl/mapbox';
import type { MapGeoJSONFeature, MapMouseEvent } from 'maplibre-gl';
import { switchProvince } from './app/plan-actions';
import { startPlanner } from './app/planner';
import { DEFAULT_PROVINCE, Store, initialState } from './app/store';
import type { Manifest } from './data/manifest';
import type { DataWorkerApi } from './data/worker-api';
import { createBasemap } from './map/basemap';
import type { VillagePoints } from './map/layers/villages';
import { renderAbout, readTileUrl } from './ui/about';
import { countyFromProperties, renderCountyPanel } from './ui/county-panel';
import { byId, el } from './ui/dom';
import { getLocale, setLocale, t, translateStatic } from './ui/i18n';
import { renderLegend } from './ui/legend';
import { showCountyTooltip } from './ui/tooltip';
import './ui/styles.css';

const DATA_URL = new URL('data/', document.baseURI).href;
const COUNTY_LAYERS = ['county-fill', 'county-fill-simplified'];

/** Test hooks read by the browser tests (tests/e2e): readiness flags only, no behaviour. */
interface TestHooks {
  __mapIdle?: boolean;
  __villagesShown?: number;
}
const hooks = window as unknown as TestHooks;

async function main(): Promise<void> {
  setLocale(getLocale());
  translateStatic();
  const manifest = (await (await fetch(`${DATA_URL}manifest.json`)).json()) as Manifest;
  const store = new Store(initialState(initialProvince(manifest)));
  const province = () => manifest.provinces.find((p) => p.code === store.get().provinceCode)!;

  const map = createBasemap(byId('map'), { dataUrl: DATA_URL, tileUrl: readTileUrl() }, province().bbox);
  const overlay = new MapboxOverlay({ interleaved: false, layers: [] });
  map.addControl(overlay);
  map.on('idle', () => (hooks.__mapIdle = true));
  map.on('movestart', () => (hooks.__mapIdle = false));

  const dataWorker = Comlink.wrap<DataWorkerApi>(
    new Worker(new URL('../workers/data.worker.ts', import.meta.url), { type: 'module' }),
  );
  const villages = new Map<string, VillagePoints>();
  const shownVillages = () => store.get().loadedProvinces.map((code) => villages.get(code)!);
  // The interactive planner: its panels, workers and map layers (villages included) are views of the store.
  const planner = startPlanner({
    store,
    map,
    overlay,
    dataUrl: DATA_URL,
    villagePoints: shownVillages,
    zoomTo: (bbox) => map.fitBounds(bbox, { padding: 24, maxZoom: 11 }),
  });
  const drawVillages = () => {
    planner.redraw();
    hooks.__villagesShown = map.getZoom() >= 6 ? shownVillages().reduce((n, p) => n + p.count, 0) : 0;
  };
  map.on('zoomend', drawVillages);

  const status = byId('status');
  async function showProvince(code: string): Promise<void> {
    if (!villages.has(code)) {
      status.textContent = t('loadingVillages');
      villages.set(code, await dataWorker.loadVillagePoints(DATA_URL, code));
    }
    const info = manifest.provinces.find((p) => p.code === code)!;
    status.textContent = t('villagesLoaded', { n: villages.get(code)!.count, province: info.name });
    store.set({ loadedProvinces: [code] });
  }

  // Province selector.
  const select = byId<HTMLSelectElement>('province-select');
  select.replaceChildren(...manifest.provinces.map((p) => el('option', { value: p.code }, `${p.name} (${p.code})`)));
  select.value = store.get().provinceCode;
  select.addEventListener('change', () => store.set(switchProvince(store.get(), select.value)));

  // Views of the state.
  store.subscribe((state, previous) => {
    if (state.provinceCode !== previous.provinceCode) {
      map.fitBounds(province().bbox, { padding: 24 });
      void showProvince(state.provinceCode);
      const url = new URL(location.href);
      url.searchParams.set('province', state.provinceCode);
      history.replaceState(null, '', url);
    }
    if (state.loadedProvinces !== previous.loadedProvinces) drawVillages();
    if (state.selectedCounty !== previous.selectedCounty) {
      map.setFilter('county-selected', ['==', ['get', 'code'], state.selectedCounty ?? '']);
    }
  });

  // Hover and click on counties: names and counts shown as text only.
  const countyAt = (e: MapMouseEvent): MapGeoJSONFeature | undefined =>
    map.queryRenderedFeatures(e.point, { layers: COUNTY_LAYERS.filter((id) => map.getLayer(id)) })[0];
  map.on('mousemove', (e) => {
    const feature = countyAt(e);
    showCountyTooltip(feature ? countyFromProperties(feature.properties) : null, e.point.x, e.point.y);
    map.getCanvas().style.cursor = feature ? 'pointer' : '';
  });
  map.on('mouseout', () => showCountyTooltip(null, 0, 0));
  map.on('click', (e) => {
    if (planner.handleClick(e)) return;
    const feature = countyAt(e);
    const county = feature ? countyFromProperties(feature.properties) : null;
    store.set({ selectedCounty: county?.code ?? null });
    renderCountyPanel(county, () => store.set({ selectedCounty: null }));
  });

  // Panels.
  const renderPanels = () => {
    translateStatic();
    renderLegend(byId('legend'));
    renderAbout(manifest);
    byId('lang-button').textContent = getLocale() === 'zh-CN' ? 'English' : '中文';
    planner.refreshText();
  };
  renderPanels();
  byId('about-button').addEventListener('click', () => byId<HTMLDialogElement>('about-dialog').showModal());
  byId('lang-button').addEventListener('click', () => {
    setLocale(getLocale() === 'zh-CN' ? 'en' : 'zh-CN');
    renderPanels();
  });

  await showProvince(store.get().provinceCode);
}

/** The province named in the URL (`?province=33`) when it exists, else Zhejiang. */
function initialProvince(manifest: Manifest): string {
  const wanted = new URLSearchParams(location.search).get('province');
  return manifest.provinces.some((p) => p.code === wanted) ? wanted! : DEFAULT_PROVINCE;
}

main().catch((error: unknown) => {
  console.error(error);
  byId('status').textContent = `Error: ${error instanceof Error ? error.message : String(error)}`;
});
