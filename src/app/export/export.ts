/**
 * The export card's files: the plan's GeoJSON and CSV layers, and the same as one Excel workbook or GeoPackage (built in the coverage worker, which holds the
 * villages and the current sites; see src/io/export-live.ts), a PNG picture of the map view with its legend and
 * attribution, and the plan file. File names start with `ruralreach-`; property names: README.md, "GeoJSON/CSV
 * export properties".
 */
import type { MapboxOverlay } from '@deck.gl/mapbox';
import type * as Comlink from 'comlink';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { CoverageApi, ExportFileFormat, ExportFormat } from '../../core/live/coverage-api';
import type { Manifest } from '../../data/manifest';
import { drawAttribution, drawLegend } from '../../map/snapshot-legend';
import { snapshotMap } from '../../map/snapshot';
import type { ExportFile, ExportKind } from '../../ui/export-panel';
import { getLocale } from '../../ui/i18n';
import { snapshotAttribution, snapshotLegend } from './legend';
import { reachOf } from '../planner/state';
import type { Store } from '../store';

/** What the exports read. */
export interface ExportDeps {
  store: Store;
  coverage: Comlink.Remote<CoverageApi>;
  map: MapLibreMap;
  overlay: MapboxOverlay;
  /** Absolute base URL of the embedded dataset, ending in `/`. */
  dataUrl: string;
}

/** Layers of a GeoJSON/CSV export, in download order. */
export const EXPORT_LAYERS = ['sites', 'villages', 'counties'] as const;

const MIME: Record<ExportFormat, string> = { geojson: 'application/geo+json', csv: 'text/csv;charset=utf-8' };

/** The three layer files of the current plan in one format. */
export async function layerFiles(deps: ExportDeps, format: ExportFormat): Promise<ExportFile[]> {
  const state = deps.store.get();
  const texts = await deps.coverage.exportPlan(deps.dataUrl, format, state.plan.sites, reachOf(state.settings));
  return EXPORT_LAYERS.map((layer) => ({
    name: `ruralreach-${layer}.${format}`,
    data: texts[layer],
    type: MIME[format],
  }));
}

const FILE_MIME: Record<ExportFileFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  gpkg: 'application/geopackage+sqlite3',
};

/** The three layers of the current plan in one file: an Excel workbook (titles in the interface's language) or a GeoPackage. */
export async function planFile(deps: ExportDeps, format: ExportFileFormat): Promise<ExportFile> {
  const state = deps.store.get();
  const bytes = await deps.coverage.exportPlanFile(
    deps.dataUrl,
    format,
    state.plan.sites,
    reachOf(state.settings),
    getLocale(),
  );
  const type = FILE_MIME[format];
  return { name: `ruralreach-plan.${format}`, data: new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), type };
}

let manifest: Promise<Manifest> | undefined;

/** The PNG picture of the map view: map and overlay, the legend shown, and the attribution. */
export async function mapPicture(deps: ExportDeps): Promise<ExportFile> {
  manifest ??= fetch(`${deps.dataUrl}manifest.json`).then((r) => {
    if (!r.ok) throw new Error(`Could not load the manifest: HTTP ${r.status}`);
    return r.json() as Promise<Manifest>;
  });
  const sources = (await manifest.catch((error: unknown) => ((manifest = undefined), Promise.reject(error)))).sources;
  const canvas = await snapshotMap(deps.map, deps.overlay);
  const context = canvas.getContext('2d')!;
  // Canvas pixels per CSS pixel of the map, so the legend has the page's size on this screen.
  const ratio = canvas.width / Math.max(1, deps.map.getContainer().clientWidth);
  drawLegend(context, snapshotLegend(deps.store.get()), ratio);
  drawAttribution(context, snapshotAttribution(sources), ratio);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (blob === null) throw new Error('The browser could not encode the picture.');
  return { name: 'ruralreach-map.png', data: blob, type: 'image/png' };
}

/** The files of one export button. */
export async function exportFiles(deps: ExportDeps, kind: ExportKind): Promise<ExportFile[]> {
  if (kind === 'png') return [await mapPicture(deps)];
  if (kind === 'xlsx' || kind === 'gpkg') return [await planFile(deps, kind)];
  return layerFiles(deps, kind);
}
