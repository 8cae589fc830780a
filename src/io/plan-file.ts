/**
 * The plan file: the planner's whole state as versioned JSON, `{ "format": "ruralreach-plan", "version": 2, ... }`.
 * Sites are objects with readable names (`"status": "existing"`), so a plan can be read and edited by hand.
 * A newer app reads older files: {@link readPlanFile} migrates each older layout to the current one, starting with
 * version 0, the autosave layout of src/app/autosave/autosave.ts (no `format`, `version` 1, sites as `[lon, lat, status,
 * role]` rows). Version 2 added `runs` (the delivery runs' parameters and result); a version 1 file reads as a
 * version 2 file without runs.
 */
import { SITE_ROLE_NAMES, type SiteRole } from '../core/plan-types';
import { SITE_STATUS, SITE_STATUS_NAMES, type SiteStatus } from '../core/types';
import { parseJsonText } from './json';
import type { PLAN_EXPECTED } from './problem-codes';
import { inputError } from './problems';

export const PLAN_FILE_FORMAT = 'ruralreach-plan';
export const PLAN_FILE_VERSION = 2;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
/** A JSON object kept as it is (settings, suggestion figures): the app checks its own fields. */
export type JsonObject = { [key: string]: Json };

/** One site of a plan file. */
export interface PlanFileSite {
  id: string;
  /** WGS 84 degrees. */
  lon: number;
  lat: number;
  status: SiteStatus;
  role: SiteRole;
  /** Year of the rollout (1 = first), absent when the plan has no phases. */
  phase?: number;
}

/** A plan: its sites and the figures of the suggestion that made it. */
export interface PlanFilePlan {
  sites: PlanFileSite[];
  suggestion: JsonObject | null;
}

/** A saved, named plan. */
export interface PlanFileScenario {
  id: string;
  name: string;
  provinceCode: string;
  settings: JsonObject;
  plan: PlanFilePlan;
}

/** The contents of a plan file, current version. */
export interface PlanFile {
  format: typeof PLAN_FILE_FORMAT;
  version: typeof PLAN_FILE_VERSION;
  /** 2-digit province code shown when saved, or "all". */
  provinceCode: string;
  settings: JsonObject;
  plan: PlanFilePlan;
  scenarios: PlanFileScenario[];
  /** Which data the plan was made on, e.g. `{ "demand": "embedded:33" }` or the user's file names. */
  data?: { [key: string]: string };
  /** The national rollout's parameters (`RolloutParams` as JSON; the app checks them), absent when not saved. */
  rollout?: JsonObject;
  /** The road file and profile of the plan's road reach, absent when the plan used none (and in older files). */
  roads?: PlanFileRoads;
  /** The delivery runs (version 2 on): their parameters and the last result, absent when not saved. */
  runs?: PlanFileRuns;
}

/** Which road file (name, size in bytes, SHA-256 hex) and car profile a plan's road reach was computed on. */
export interface PlanFileRoads {
  name: string;
  size: number;
  sha256: string;
  profile: string;
}

/**
 * The delivery runs of a plan file: the parameters (`RunParams` as JSON) and the last result (`PlanRunsResult` as
 * JSON, or null when the runs were not planned); the app checks their fields.
 */
export interface PlanFileRuns {
  params: JsonObject;
  result: JsonObject | null;
}

/** The plan file as text (pretty-printed, ends with a newline). */
export function writePlanFile(plan: Omit<PlanFile, 'format' | 'version'>): string {
  const file: PlanFile = { format: PLAN_FILE_FORMAT, version: PLAN_FILE_VERSION, ...plan };
  return `${JSON.stringify(file, null, 1)}\n`;
}

/**
 * Reads and checks a plan file of any version, migrating older layouts.
 * @param text the file's text
 * @param file its name, for messages
 * @throws InputError naming the file and the JSON path of the first bad value, e.g. `plan.sites[3].status: ...`
 */
export function readPlanFile(text: string, file = 'plan.json'): PlanFile {
  const root = parseJsonText(text, file);
  const fail = (path: string, expected: Expected, got: unknown): never => {
    const shown = JSON.stringify(got) ?? String(got);
    throw inputError(file, 'planBadValue', {
      path,
      expected,
      got: shown.length > 40 ? `${shown.slice(0, 37)}...` : shown,
    });
  };
  if (!isObject(root)) return fail('(root)', 'planObject', root);
  let doc: Record<string, unknown> = root;
  if (doc.format === undefined && typeof doc.version === 'number' && doc.version <= 1) doc = fromAutosave(doc);
  if (doc.format !== PLAN_FILE_FORMAT) return fail('format', 'format', doc.format);
  if (typeof doc.version !== 'number' || !Number.isInteger(doc.version) || doc.version < 1) {
    return fail('version', 'wholeNumber', doc.version);
  }
  if (doc.version > PLAN_FILE_VERSION) {
    throw inputError(file, 'planNewer', { version: String(doc.version), supported: String(PLAN_FILE_VERSION) });
  }
  const str = (value: unknown, path: string): string =>
    typeof value === 'string' ? value : fail(path, 'string', value);
  const obj = (value: unknown, path: string): JsonObject =>
    isObject(value) ? (value as JsonObject) : fail(path, 'object', value);
  const plan = (value: unknown, path: string): PlanFilePlan => {
    const p = obj(value, path);
    if (!Array.isArray(p.sites)) return fail(`${path}.sites`, 'siteArray', p.sites);
    const suggestion =
      p.suggestion === null || p.suggestion === undefined ? null : obj(p.suggestion, `${path}.suggestion`);
    return { sites: p.sites.map((site, k) => readSite(site, `${path}.sites[${k}]`, fail)), suggestion };
  };
  const scenarios = doc.scenarios ?? [];
  if (!Array.isArray(scenarios)) return fail('scenarios', 'array', scenarios);
  const out: PlanFile = {
    format: PLAN_FILE_FORMAT,
    version: PLAN_FILE_VERSION,
    provinceCode: str(doc.provinceCode, 'provinceCode'),
    settings: obj(doc.settings ?? {}, 'settings'),
    plan: plan(doc.plan, 'plan'),
    scenarios: scenarios.map((s: unknown, k) => {
      const path = `scenarios[${k}]`;
      const o = obj(s, path);
      return {
        id: str(o.id, `${path}.id`),
        name: str(o.name, `${path}.name`),
        provinceCode: str(o.provinceCode, `${path}.provinceCode`),
        settings: obj(o.settings ?? {}, `${path}.settings`),
        plan: plan(o.plan, `${path}.plan`),
      };
    }),
  };
  if (doc.rollout !== undefined) out.rollout = obj(doc.rollout, 'rollout');
  if (doc.roads !== undefined) {
    const r = obj(doc.roads, 'roads');
    const size = r.size;
    if (typeof size !== 'number' || !Number.isInteger(size) || size < 0) fail('roads.size', 'wholeNumber', size);
    out.roads = {
      name: str(r.name, 'roads.name'),
      size: size as number,
      sha256: str(r.sha256, 'roads.sha256'),
      profile: str(r.profile, 'roads.profile'),
    };
  }
  if (doc.runs !== undefined) {
    const runs = obj(doc.runs, 'runs');
    const result = runs.result === null || runs.result === undefined ? null : obj(runs.result, 'runs.result');
    out.runs = { params: obj(runs.params ?? {}, 'runs.params'), result };
  }
  if (doc.data !== undefined) {
    const data = obj(doc.data, 'data');
    out.data = Object.fromEntries(Object.entries(data).map(([key, value]) => [key, str(value, `data.${key}`)]));
  }
  return out;
}

function readSite(
  value: unknown,
  path: string,
  fail: (path: string, expected: Expected, got: unknown) => never,
): PlanFileSite {
  if (!isObject(value)) return fail(path, 'siteObject', value);
  const { id, lon, lat, status, role, phase } = value;
  if (typeof id !== 'string' || id === '') fail(`${path}.id`, 'nonEmptyString', id);
  if (typeof lon !== 'number' || !(Math.abs(lon) <= 180)) fail(`${path}.lon`, 'longitude', lon);
  if (typeof lat !== 'number' || !(Math.abs(lat) <= 90)) fail(`${path}.lat`, 'latitude', lat);
  if (!(SITE_STATUS_NAMES as readonly unknown[]).includes(status)) {
    fail(`${path}.status`, 'status', status);
  }
  if (!(SITE_ROLE_NAMES as readonly unknown[]).includes(role)) fail(`${path}.role`, 'role', role);
  const site: PlanFileSite = {
    id: id as string,
    lon: lon as number,
    lat: lat as number,
    status: status as SiteStatus,
    role: role as SiteRole,
  };
  if (phase !== undefined && phase !== null) {
    if (typeof phase !== 'number' || !Number.isInteger(phase) || phase < 1) fail(`${path}.phase`, 'wholeNumber', phase);
    site.phase = phase as number;
  }
  return site;
}

/** Version 0, the autosave layout: sites as `[lon, lat, statusCode, roleCode]` rows, ids made from positions. */
function fromAutosave(doc: Record<string, unknown>): Record<string, unknown> {
  const plan = (value: unknown): unknown => {
    if (!isObject(value) || !Array.isArray(value.sites)) return value;
    const sites = value.sites.map((row: unknown, k: number) => {
      if (!Array.isArray(row) || row.length !== 4) return row;
      const [lon, lat, status, role] = row as number[];
      return {
        id: `S${k + 1}`,
        lon,
        lat,
        status: SITE_STATUS_NAMES[status] ?? status,
        role: SITE_ROLE_NAMES[role] ?? role,
      };
    });
    return { ...value, sites };
  };
  const scenarios = Array.isArray(doc.scenarios)
    ? doc.scenarios.map((s: unknown) => (isObject(s) ? { ...s, plan: plan(s.plan) } : s))
    : doc.scenarios;
  return { ...doc, format: PLAN_FILE_FORMAT, version: PLAN_FILE_VERSION, plan: plan(doc.plan), scenarios };
}

/** What a plan file value should have been: a key of PLAN_EXPECTED (src/io/problem-codes.ts). */
type Expected = keyof typeof PLAN_EXPECTED;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** SITE_STATUS code of a status name (for building a SiteTable from a plan file). */
export const statusCode = (status: SiteStatus): number => SITE_STATUS[status];
