import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { SITE_STATUS, SITE_STATUS_NAMES } from '../core/types';
import type { PointTable } from './points';
import { problem, type InputProblem } from './problems';

/** Distance within which a listed site is the same as a candidate, in kilometres (one metre). */
export const SITE_MATCH_KM = 0.001;

/** Options of {@link applySiteStatus}. */
export interface ApplySiteStatusOptions {
  /** File name of the site list, for messages. */
  file: string;
  /** When false, a listed site that matches no candidate is a problem instead of a new candidate (e.g. with a matrix). */
  allowNew: boolean;
}

/** What {@link applySiteStatus} did. */
export interface ApplySiteStatusResult {
  /** The candidates with statuses set, and new candidates appended at the end (their `source` numbers follow the
   * file's records). */
  candidates: PointTable & { status: Uint8Array };
  /** Listed sites matched to an existing candidate. */
  matched: number;
  /** Listed sites appended as new candidates. */
  added: number;
  problems: InputProblem[];
}

/**
 * Marks the candidates listed in a site file (`--existing`, `--excluded`) with a status. Each listed site is
 * matched to a candidate by this rule, in order:
 * 1. same id, when the site file has ids and a candidate has that id;
 * 2. else the nearest candidate within 1 metre (great-circle distance, geokdbush);
 * 3. else it is appended as a new candidate with that status (weight ignored), unless `allowNew` is false,
 *    in which case it is reported as a problem and ignored.
 * A candidate already `existing` or `locked` keeps its status when a later list says `excluded` (an open site cannot
 * be excluded); that conflict is reported as a problem.
 *
 * @param candidates candidate sites (their `status`, when present, is the starting status; else all proposed)
 * @param sites the listed sites
 * @param status the status to give them: 'existing', 'locked' or 'excluded'
 */
export function applySiteStatus(
  candidates: PointTable,
  sites: PointTable,
  status: 'existing' | 'locked' | 'excluded',
  options: ApplySiteStatusOptions,
): ApplySiteStatusResult {
  const code = SITE_STATUS[status];
  const problems: InputProblem[] = [];
  const byId = new Map<string, number>();
  candidates.ids.forEach((id, j) => byId.set(id, j));
  const index = new KDBush(Math.max(1, candidates.count));
  for (let j = 0; j < candidates.count; j++) index.add(candidates.lon[j], candidates.lat[j]);
  if (candidates.count === 0) index.add(0, 90);
  index.finish();

  const statusOf = candidates.status ? Array.from(candidates.status) : new Array<number>(candidates.count).fill(0);
  const extra = { ids: [] as string[], lon: [] as number[], lat: [] as number[] };
  let matched = 0;
  for (let k = 0; k < sites.count; k++) {
    let j = sites.hasIds ? (byId.get(sites.ids[k]) ?? -1) : -1;
    if (j < 0 && candidates.count > 0) {
      const near = around(index, sites.lon[k], sites.lat[k], 1, SITE_MATCH_KM);
      if (near.length > 0) j = near[0];
    }
    const location = `site ${sites.ids[k]}`;
    if (j < 0) {
      if (!options.allowNew) {
        problems.push(problem(options.file, location, undefined, 'siteUnmatched', {}));
        continue;
      }
      extra.ids.push(uniqueId(sites.ids[k], byId, candidates.ids.length + extra.ids.length));
      extra.lon.push(sites.lon[k]);
      extra.lat.push(sites.lat[k]);
      statusOf.push(code);
      continue;
    }
    matched++;
    const before = statusOf[j];
    if (code === SITE_STATUS.excluded && (before === SITE_STATUS.existing || before === SITE_STATUS.locked)) {
      const params = { id: candidates.ids[j], status: SITE_STATUS_NAMES[before] };
      problems.push(problem(options.file, location, undefined, 'siteStaysOpen', params));
      continue;
    }
    statusOf[j] = code;
  }
  const total = candidates.count + extra.ids.length;
  const weight = new Float64Array(total).fill(1);
  weight.set(candidates.weight);
  return {
    candidates: {
      count: total,
      ids: [...candidates.ids, ...extra.ids],
      hasIds: candidates.hasIds || sites.hasIds,
      lon: concat(candidates.lon, extra.lon),
      lat: concat(candidates.lat, extra.lat),
      weight,
      status: Uint8Array.from(statusOf),
      source: Uint32Array.from({ length: total }, (_, j) =>
        j < candidates.count ? candidates.source[j] : candidates.recordCount + j - candidates.count,
      ),
      recordCount: candidates.recordCount + extra.ids.length,
    },
    matched,
    added: extra.ids.length,
    problems,
  };
}

function concat(head: Float64Array, tail: number[]): Float64Array {
  const out = new Float64Array(head.length + tail.length);
  out.set(head);
  out.set(tail, head.length);
  return out;
}

/** The site's id, or `id#n` when a candidate already uses it (ids stay unique). */
function uniqueId(id: string, taken: Map<string, number>, n: number): string {
  const fresh = taken.has(id) ? `${id}#${n}` : id;
  taken.set(fresh, n);
  return fresh;
}
