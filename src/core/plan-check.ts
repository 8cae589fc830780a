/**
 * Checks of a planning request before any solving, so that a mistake gets one clear message naming the
 * parameter, rather than a failure deep inside a solver.
 */
import { centerCandidates } from './plan-two-tier';
import { PLAN_MODELS, type PlanRequest } from './plan-types';
import { SITE_STATUS } from './types';

/** A request that cannot be planned as given (the shells report it as a usage error). */
export class PlanRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanRequestError';
  }
}

/**
 * Throws a {@link PlanRequestError} when the request is inconsistent: array lengths, matrix size, a parameter
 * the model needs but lacks, a value out of range, or p larger than the number of proposed candidates (p counts
 * new sites only).
 */
export function checkPlanRequest(request: PlanRequest): void {
  const { demand, candidates, matrix, params } = request;
  const fail = (message: string): never => {
    throw new PlanRequestError(message);
  };
  if (!PLAN_MODELS.includes(params.model)) fail(`unknown model "${params.model}"; expected ${PLAN_MODELS.join(', ')}`);
  if (demand.count < 1) fail('no demand points');
  if (candidates.count < 1) fail('no candidate sites');
  if (demand.weight.length !== demand.count)
    fail(`demand has ${demand.weight.length} weights for ${demand.count} points`);
  if (matrix === undefined && (demand.lon.length !== demand.count || demand.lat.length !== demand.count)) {
    fail('demand points need coordinates when there is no matrix');
  }
  if (candidates.lon.length !== candidates.count || candidates.status.length !== candidates.count) {
    fail(
      `candidates have ${candidates.lon.length} coordinates and ${candidates.status.length} statuses for ${candidates.count} sites`,
    );
  }
  if (matrix !== undefined && (matrix.rows !== demand.count || matrix.cols !== candidates.count)) {
    fail(
      `matrix is ${matrix.rows} x ${matrix.cols}; expected ${demand.count} demand points x ${candidates.count} candidates`,
    );
  }
  const positive = (name: string, value: number | undefined): void => {
    if (value !== undefined && !(Number.isInteger(value) && value >= 1))
      fail(`${name} must be an integer >= 1, got ${value}`);
  };
  const nonNegative = (name: string, value: number | undefined): void => {
    if (value !== undefined && !(value >= 0 && value < Infinity))
      fail(`${name} must be a finite number >= 0, got ${value}`);
  };
  positive('p', params.p);
  positive('centers', params.centers);
  nonNegative('radius', params.radius);
  nonNegative('centerRadius', params.centerRadius);
  if (params.capacity !== undefined && !(params.capacity > 0 && params.capacity < Infinity)) {
    fail(`capacity must be a finite number > 0, got ${params.capacity}`);
  }
  if (params.targetShare !== undefined && !(params.targetShare > 0 && params.targetShare <= 1)) {
    fail(`targetShare must be in (0, 1], got ${params.targetShare}`);
  }
  if (params.timeLimitSec !== undefined && !(params.timeLimitSec > 0))
    fail(`timeLimitSec must be > 0, got ${params.timeLimitSec}`);
  const needs: Record<string, (keyof typeof params)[]> = {
    mclp: ['p', 'radius'],
    lscp: ['radius'],
    pmedian: ['p'],
    pcenter: ['p'],
    'two-tier': ['p', 'radius', 'centers', 'centerRadius'],
  };
  for (const key of needs[params.model]) {
    if (params[key] === undefined) fail(`model ${params.model} needs ${key}`);
  }
  if (request.centerCandidates !== undefined) {
    for (const j of request.centerCandidates) {
      if (!(j < candidates.count)) fail(`centerCandidates lists candidate ${j}; there are ${candidates.count}`);
    }
  }
  if (request.centerMatrix !== undefined) {
    if (params.model !== 'two-tier') fail(`centerMatrix is for the two-tier model, not ${params.model}`);
    const { rows, cols, values } = request.centerMatrix;
    const centers = centerCandidates(request).length;
    if (rows !== centers || cols !== candidates.count || values.length !== rows * cols) {
      fail(
        `centerMatrix must be ${centers} center candidates x ${candidates.count} candidates, ` +
          `got ${rows} x ${cols} with ${values.length} values`,
      );
    }
  }
  let proposed = 0;
  for (let j = 0; j < candidates.count; j++) {
    const s = candidates.status[j];
    if (s === SITE_STATUS.proposed) proposed++;
    if (s > SITE_STATUS.excluded) fail(`candidate ${j} has status code ${s}; expected 0-3 (SITE_STATUS)`);
  }
  if (params.p !== undefined && params.p > proposed) {
    fail(`p = ${params.p} new sites, but only ${proposed} candidates are proposed (not existing, locked or excluded)`);
  }
}
