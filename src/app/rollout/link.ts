/**
 * The government view's link: `?view=government&area=<code>&rollout=<params>` opens the app read-only on one
 * province (2-digit code) or county (6-digit code) with the rollout recomputed from the parameters. The parameters
 * travel compactly: only the fields that differ from the defaults, as JSON in base64url (RFC 4648 §5, no padding),
 * so a link of the default plan is `rollout=e30` (`{}`).
 *
 * Reading never throws: unreadable or invalid parameters give the defaults and a message saying why.
 */
import { checkRolloutParams, defaultRolloutParams } from '../../core/rollout/defaults';
import type { CostModel, RolloutParams } from '../../core/rollout/rollout-types';

/** The query value of `view` that opens the read-only government view. */
export const GOVERNMENT_VIEW = 'government';

/** What a government link asks for. */
export interface GovernmentLink {
  /** 2-digit province or 6-digit county code, or null when the link has none (or a malformed one). */
  area: string | null;
  params: RolloutParams;
  /** Why the parameters (or the area) were not taken from the link, or empty. */
  problems: string[];
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The parameters as a compact URL-safe string: the fields (and cost fields) that differ from the defaults.
 * @example
 * encodeRolloutParams({ ...defaultRolloutParams(), years: 3 }); // "eyJ5ZWFycyI6M30" ({"years":3})
 */
export function encodeRolloutParams(params: RolloutParams): string {
  const defaults = defaultRolloutParams();
  const diff: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params) as [keyof RolloutParams, unknown][]) {
    if (value === undefined || same(value, defaults[key])) continue;
    if (key === 'costs') {
      const costs: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(params.costs) as [keyof CostModel, unknown][]) {
        if (!same(v, defaults.costs[k])) costs[k] = v;
      }
      diff.costs = costs;
    } else diff[key] = value;
  }
  return toBase64Url(JSON.stringify(diff));
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumberRecord = (v: unknown) => isRecord(v) && Object.values(v).every((x) => typeof x === 'number');
const isNumberList = (v: unknown) => Array.isArray(v) && v.every((x) => x === null || typeof x === 'number');

/** Checks one field's type against the default's; returns the problem or null. */
function fieldProblem(key: string, value: unknown, defaults: RolloutParams): string | null {
  switch (key) {
    case 'countyScore':
      return ['villages-per-yuan', 'uncovered-share', 'user-weight'].includes(value as string)
        ? null
        : `countyScore: unknown score ${JSON.stringify(value)}`;
    case 'provinceOrder':
      return Array.isArray(value) && value.every((c) => typeof c === 'string') ? null : `${key}: expected codes`;
    case 'countyWeights':
      return isNumberRecord(value) ? null : `${key}: expected code=number pairs`;
    case 'yearCaps':
      return isRecord(value) &&
        Object.entries(value).every(([k, v]) => ['centers', 'stations', 'spendYuan'].includes(k) && isNumberList(v))
        ? null
        : `${key}: expected lists of numbers`;
    case 'transport':
      return isRecord(value) &&
        Object.entries(value).every(([k, v]) => ['daysPerYear', 'timeBudgetSec'].includes(k) && typeof v === 'number')
        ? null
        : `${key}: expected { daysPerYear, timeBudgetSec? } numbers`;
    case 'costs': {
      if (!isRecord(value)) return 'costs: expected an object';
      for (const [k, v] of Object.entries(value)) {
        if (k === 'provinceFactor' ? !isNumberRecord(v) : !(k in defaults.costs) || typeof v !== 'number') {
          return `costs.${k}: unexpected value`;
        }
      }
      return null;
    }
    default:
      return key in defaults && typeof value === 'number' ? null : `${key}: unexpected field or value`;
  }
}

/**
 * The parameters of an encoded string on top of the defaults, checked with `checkRolloutParams`.
 * @returns the parameters and no problem, or the defaults and the problems found (never throws)
 */
export function decodeRolloutParams(text: string | null): { params: RolloutParams; problems: string[] } {
  const defaults = defaultRolloutParams();
  if (text === null || text === '') return { params: defaults, problems: [] };
  let diff: unknown;
  try {
    diff = JSON.parse(fromBase64Url(text));
  } catch {
    return { params: defaults, problems: ['rollout: the parameters in the link are unreadable'] };
  }
  return rolloutParamsFromJson(diff);
}

/**
 * Parameters from JSON (all of them, or the fields that differ from the defaults), checked field by field and with
 * `checkRolloutParams`: a government link's, an autosave's or a plan file's.
 * @returns the parameters and no problem, or the defaults and the problems found (never throws)
 */
export function rolloutParamsFromJson(diff: unknown): { params: RolloutParams; problems: string[] } {
  const defaults = defaultRolloutParams();
  if (!isRecord(diff)) return { params: defaults, problems: ['rollout: expected an object of parameters'] };
  const problems = Object.entries(diff)
    .map(([key, value]) => fieldProblem(key, value, defaults))
    .filter((p): p is string => p !== null);
  if (problems.length > 0) return { params: defaults, problems };
  const { costs, yearCaps, ...rest } = diff as Partial<RolloutParams>;
  const params: RolloutParams = { ...defaults, ...rest, costs: { ...defaults.costs, ...costs } };
  if (yearCaps !== undefined) params.yearCaps = withoutNulls(yearCaps);
  const invalid = checkRolloutParams(params);
  return invalid.length > 0 ? { params: defaults, problems: invalid } : { params, problems: [] };
}

/** JSON writes a sparse list's holes as null: back to missing entries (no cap). */
function withoutNulls(caps: NonNullable<RolloutParams['yearCaps']>): NonNullable<RolloutParams['yearCaps']> {
  const out: NonNullable<RolloutParams['yearCaps']> = {};
  for (const [key, list] of Object.entries(caps) as [keyof typeof caps, (number | null)[]][]) {
    const clean: number[] = [];
    list.forEach((v, k) => {
      if (v !== null) clean[k] = v;
    });
    out[key] = clean;
  }
  return out;
}

/** The government link of an area and parameters, on the page's own address (other query parameters dropped). */
export function governmentLink(pageUrl: string, area: string, params: RolloutParams): string {
  const url = new URL(pageUrl);
  url.search = '';
  url.hash = '';
  url.searchParams.set('view', GOVERNMENT_VIEW);
  url.searchParams.set('area', area);
  url.searchParams.set('rollout', encodeRolloutParams(params));
  return url.href;
}

/** True when the query string asks for the government view. */
export function isGovernmentView(search: string): boolean {
  return new URLSearchParams(search).get('view') === GOVERNMENT_VIEW;
}

/** Reads a government link's query string (never throws). */
export function readGovernmentLink(search: string): GovernmentLink {
  const query = new URLSearchParams(search);
  const rawArea = query.get('area');
  const area = rawArea !== null && /^(\d{2}|\d{6})$/.test(rawArea) ? rawArea : null;
  const { params, problems } = decodeRolloutParams(query.get('rollout'));
  const areaProblems = area === null ? [`area: expected a 2-digit province or 6-digit county code`] : [];
  return { area, params, problems: [...areaProblems, ...problems] };
}
