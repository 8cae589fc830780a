/**
 * Text of the published files that are not village files: GeoJSON layers with their properties, the county
 * match table, and the file list of the manifest.
 */
import { createHash } from 'node:crypto';
import Papa from 'papaparse';
import type { CountyInfoEntry, CountyInfoFile } from '../src/data/county-info';
import type { ManifestFile, MatchSummary } from '../src/data/manifest';
import type { BoundaryFeature, LabelFeature } from './boundaries';
import type { CountyMatch } from './county-match';
import type { SourcePolygon } from './polygons';

/** A FeatureCollection as text, one feature per line (RFC 7946: no crs, lon/lat order). */
export function featureCollectionText(features: readonly (BoundaryFeature | LabelFeature)[]): string {
  const lines = features.map((f) =>
    JSON.stringify({ type: 'Feature', properties: f.properties, geometry: f.geometry }),
  );
  return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
}

/**
 * county-match.csv: one row per registry county (`code`, `name`, `polygons` = source polygon names joined by
 * ";", `polygonIds` = their source ids, `kind`, `reason`), then one row per source polygon that matches no
 * county (empty code and name, kind `none`).
 */
export function countyMatchCsv(matches: CountyMatch[], polygons: SourcePolygon[], unmatchedPolygons: number[]): string {
  const rows = matches.map((m) => ({
    code: m.county.code,
    name: m.county.name,
    polygons: m.polygons.map((i) => polygons[i].name).join(';'),
    polygonIds: m.polygons.map((i) => polygons[i].oldCode).join(';'),
    kind: m.kind,
    reason: m.reason,
  }));
  for (const i of unmatchedPolygons) {
    const p = polygons[i];
    rows.push({
      code: '',
      name: '',
      polygons: p.name,
      polygonIds: p.oldCode,
      kind: 'none',
      reason: `source polygon matches no registry county (file ${p.file}.geojson)`,
    });
  }
  return `${Papa.unparse(rows, { columns: ['code', 'name', 'polygons', 'polygonIds', 'kind', 'reason'], newline: '\n' })}\n`;
}

/** Counts of each match kind, and of the source polygons left over. */
export function matchSummary(matches: CountyMatch[], unmatchedPolygons: number[]): MatchSummary {
  const summary: MatchSummary = { exact: 0, suffix: 0, renamed: 0, merged: 0, none: 0, unmatchedPolygons: 0 };
  for (const m of matches) summary[m.kind]++;
  summary.unmatchedPolygons = unmatchedPolygons.length;
  return summary;
}

/** Manifest entry of a written file. */
export function fileEntry(path: string, content: Uint8Array): ManifestFile {
  return { path, bytes: content.byteLength, sha256: createHash('sha256').update(content).digest('hex') };
}

/** county-info.json (src/data/county-info.ts): one entry per county, ascending by code, one county per line. */
export function countyInfoText(counties: readonly CountyInfoEntry[]): string {
  const sorted = [...counties].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const head: Omit<CountyInfoFile, 'counties'> = { format: 'ruralreach-county-info', version: 1 };
  const lines = sorted.map((c) => JSON.stringify(c));
  return `${JSON.stringify(head).slice(0, -1)},"counties":[\n${lines.join(',\n')}\n]}\n`;
}
