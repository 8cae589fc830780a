import * as Comlink from 'comlink';
import { MapboxOverlay } from '@deck.gl/mapbox';
import type { MapGeoJSONFeature, MapMouseEvent } from 'maplibre-gl';
import { switchProvince } from './app/planner/actions';
import { startGovernmentView } from './app/government';
import { startPlanner } from './app/planner/planner';
import { startRollout } from './app/rollout/rollout';
import { isGovernmentView } from './app/rollout/link';
import { gatedOverlay } from './app/rollout/overlay';
import { NATIONAL_CODE } from './core/live/national';
import { DEFAULT_PROVINCE, Store, initialState } from './app/store';
import { parseCountyInfo, type CountyInfoEntry } from './data/county-info';
import type { Manifest } from './data/manifest';
import type { DataWorkerApi } from './data/worker-api';
import { createBasemap } from './map/basemap';
import { registerGlyphs } from './app/glyphs';
import { BOUNDARY_SOURCE } from './map/boundary-source';
import { showCountyDensity } from './map/county-scale';
import type { VillagePoints } from './map/layers/villages';
import { villagePoints } from './map/village-colours';
import { renderAbout, readTileUrl } from './ui/about';
import { countyFromProperties, renderCountyPanel } from './ui/county-panel';
import { byId, el } from './ui/dom';
import { getLocale, setLocale, t, translateStatic } from './ui/i18n';
import { renderLegend } from './ui/legend';
import { showCountyTooltip } from './ui/tooltip';
import './ui/styles.css';

const DATA_URL = new URL('data/', document.baseURI).href;
const COUNTY_LAYERS = ['county-fill'];

/** Test hooks read by the browser tests (tests/e2e): readiness flags only, no behaviour. */
interface TestHooks {
  __mapIdle?: boolean;
  __villagesShown?: number;
  /** First code point of each label glyph range the glyph worker answered. */
  __glyphRanges?: number[];
}
const hooks = window as unknown as TestHooks;

async function main(): Promise<void> {
  setLocale(getLocale());
  translateStatic();
  // Names, counts and boxes of the counties (the boundary tiles carry only codes), fetched beside the manifest.
  const countyInfo = fetch(`${DATA_URL}county-info.json`)
    .then(async (r) => parseCountyInfo(await r.json()).counties)
    .catch((error: unknown) => {
      console.error(error);
      return [] as CountyInfoEntry[];
    });
  const manifest = (await (await fetch(`${DATA_URL}manifest.json`)).json()) as Manifest;
  const store = new Store(initialState(initialProvince(manifest)));
  // The national area ("all provinces") is every province file at once, framed by their joint box.
  const national = { code: NATIONAL_CODE, name: t('nationalArea'), bbox: jointBox(manifest) };
  const province = () => manifest.provinces.find((p) => p.code === store.get().provinceCode) ?? national;
  const filesOf = (code: string) => (code === NATIONAL_CODE ? manifest.provinces.map((p) => p.code) : [code]);

  const dataWorker = Comlink.wrap<DataWorkerApi>(
    new Worker(new URL('../workers/data.worker.ts', import.meta.url), { type: 'module' }),
  );
  const villages = new Map<string, VillagePoints>();
  const fetching = new Map<string, Promise<VillagePoints>>();
  const shownVillages = () => store.get().loadedProvinces.map((code) => villages.get(code)!);
  // Village points of some provinces, each fetched once (one at a time: the data worker answers in order).
  const loadPoints = async (codes: string[]): Promise<VillagePoints[]> => {
    for (const c of codes) {
      if (!fetching.has(c)) {
        const points = dataWorker.loadVillagePositions(DATA_URL, c).then(villagePoints);
        points.catch(() => fetching.delete(c)); // a failed fetch is tried again on the next call
        fetching.set(c, points);
      }
      if (!villages.has(c)) villages.set(c, await fetching.get(c)!);
    }
    return codes.map((c) => villages.get(c)!);
  };
  // The planner's first villages are fetched while the map starts, not after.
  // (A failure shows later, where showProvince awaits the same fetch.)
  if (!isGovernmentView(location.search)) loadPoints(filesOf(store.get().provinceCode)).catch(() => undefined);

  registerGlyphs(DATA_URL, (start) => (hooks.__glyphRanges ??= []).push(start));
  const map = createBasemap(byId('map'), { dataUrl: DATA_URL, tileUrl: readTileUrl() }, province().bbox);
  const overlay = new MapboxOverlay({ interleaved: false, layers: [] });
  map.addControl(overlay);
  map.on('idle', () => (hooks.__mapIdle = true));
  map.on('movestart', () => (hooks.__mapIdle = false));
  const countyByCode = new Map<string, CountyInfoEntry>();
  void countyInfo.then((counties) => {
    for (const c of counties) countyByCode.set(c.code, c);
    if (map.getSource(BOUNDARY_SOURCE)) showCountyDensity(map, counties);
    else map.once('style.load', () => showCountyDensity(map, counties));
  });

  // A government link opens the read-only view: no planner, no editing (src/app/government.ts).
  if (isGovernmentView(location.search)) {
    const refresh = startGovernmentView({
      map,
      overlay,
      dataUrl: DATA_URL,
      manifest,
      search: location.search,
      villagePoints: loadPoints,
    });
    // Read-only: the About dialog (which edits the basemap setting) is left out too.
    byId('about-button').remove();
    byId('about-dialog').remove();
    const renderText = () => {
      translateStatic();
      byId('lang-button').textContent = getLocale() === 'zh-CN' ? 'English' : '中文';
      refresh();
    };
    renderText();
    byId('lang-button').addEventListener('click', () => {
      setLocale(getLocale() === 'zh-CN' ? 'en' : 'zh-CN');
      renderText();
    });
    return;
  }
  // The planner draws on the overlay only in planner mode; the rollout mode draws its own layers.
  const plannerOverlay = gatedOverlay(overlay, () => store.get().rollout.mode === 'planner');
  // The interactive planner: its panels, workers and map layers (villages included) are views of the store.
  const planner = startPlanner({
    store,
    map,
    overlay: plannerOverlay.overlay,
    dataUrl: DATA_URL,
    villagePoints: shownVillages,
    zoomTo: (bbox) => map.fitBounds(bbox, { padding: 24, maxZoom: 11 }),
  });
  const drawVillages = () => {
    planner.redraw();
    hooks.__villagesShown = map.getZoom() >= 6 ? shownVillages().reduce((n, p) => n + p.count, 0) : 0;
  };
  map.on('zoomend', drawVillages);
  // The national rollout mode (top-bar switch): its cards, worker, timeline and map layers.
  const rollout = startRollout({
    store,
    map,
    overlay,
    dataUrl: DATA_URL,
    manifest,
    nationalBox: national.bbox,
    villagePoints: loadPoints,
    redrawPlanner: () => {
      map.fitBounds(province().bbox, { padding: 24 });
      drawVillages();
    },
  });

  const status = byId('status');
  async function showProvince(code: string): Promise<void> {
    const codes = filesOf(code);
    const missing = codes.filter((c) => !villages.has(c));
    if (missing.length > 0) {
      status.textContent = t(code === NATIONAL_CODE ? 'loadingNational' : 'loadingVillages');
      await loadPoints(missing);
    }
    if (store.get().provinceCode !== code) return;
    const name = code === NATIONAL_CODE ? t('nationalArea') : manifest.provinces.find((p) => p.code === code)!.name;
    const n = codes.reduce((sum, c) => sum + villages.get(c)!.count, 0);
    status.textContent = t('villagesLoaded', { n, province: name });
    store.set({ loadedProvinces: codes });
  }

  // Province selector.
  const select = byId<HTMLSelectElement>('province-select');
  const nationalOption = el('option', { value: NATIONAL_CODE }, t('nationalArea'));
  select.replaceChildren(
    ...manifest.provinces.map((p) => el('option', { value: p.code }, `${p.name} (${p.code})`)),
    nationalOption,
  );
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
  // The tiles carry only the code: the figures come from county-info.json.
  const countyAt = (e: MapMouseEvent) => {
    const feature: MapGeoJSONFeature | undefined = map.queryRenderedFeatures(e.point, {
      layers: COUNTY_LAYERS.filter((id) => map.getLayer(id)),
    })[0];
    if (!feature) return null;
    const code = String(feature.properties.code ?? '');
    return countyFromProperties({ ...(countyByCode.get(code) ?? feature.properties) });
  };
  map.on('mousemove', (e) => {
    const county = countyAt(e);
    showCountyTooltip(county, e.point.x, e.point.y);
    map.getCanvas().style.cursor = county ? 'pointer' : '';
  });
  map.on('mouseout', () => showCountyTooltip(null, 0, 0));
  map.on('click', (e) => {
    if (store.get().rollout.mode !== 'planner') return;
    if (planner.handleClick(e)) return;
    const county = countyAt(e);
    store.set({ selectedCounty: county?.code ?? null });
    renderCountyPanel(county, () => store.set({ selectedCounty: null }));
  });

  // Panels.
  const renderPanels = () => {
    translateStatic();
    nationalOption.textContent = t('nationalArea');
    renderLegend(byId('legend'));
    renderAbout(manifest);
    byId('lang-button').textContent = getLocale() === 'zh-CN' ? 'English' : '中文';
    planner.refreshText();
    rollout.refreshText();
  };
  renderPanels();
  byId('about-button').addEventListener('click', () => byId<HTMLDialogElement>('about-dialog').showModal());
  byId('lang-button').addEventListener('click', () => {
    setLocale(getLocale() === 'zh-CN' ? 'en' : 'zh-CN');
    renderPanels();
  });

  await showProvince(store.get().provinceCode);
}

/** The province named in the URL (`?province=33`, or `00` for all provinces) when it exists, else Zhejiang. */
function initialProvince(manifest: Manifest): string {
  const wanted = new URLSearchParams(location.search).get('province');
  if (wanted === NATIONAL_CODE) return wanted;
  return manifest.provinces.some((p) => p.code === wanted) ? wanted! : DEFAULT_PROVINCE;
}

/** [west, south, east, north] around every province of the manifest. */
function jointBox(manifest: Manifest): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { bbox } of manifest.provinces) {
    box[0] = Math.min(box[0], bbox[0]);
    box[1] = Math.min(box[1], bbox[1]);
    box[2] = Math.max(box[2], bbox[2]);
    box[3] = Math.max(box[3], bbox[3]);
  }
  return box;
}

main().catch((error: unknown) => {
  console.error(error);
  byId('status').textContent = `Error: ${error instanceof Error ? error.message : String(error)}`;
});
