/**
 * `runRollout`: the national rollout planner (issue 7). Pure and deterministic: the same inputs give the same
 * result in Node (`npm run rollout`) and in the rollout worker.
 *
 * Phases (each its own module): the network (rural villages, county seat stand-ins, station coverage sets;
 * network.ts), the county ranking and choice of centers (county-ranking.ts), the station placement (budgeted lazy
 * greedy, stations.ts), the year-by-year schedule (schedule.ts) and the figures (report.ts).
 */
import { rolloutTransport } from './transport';
import { checkRolloutParams } from './defaults';
import { rankCounties, type LoopHooks } from './county-ranking';
import { buildNetwork } from './network';
import { rolloutReport } from './report';
import type { RolloutInput, RolloutOptions, RolloutParams, RolloutResult } from './rollout-types';
import { scheduleRollout } from './schedule';
import { placeStations } from './stations';

/** Share of the progress bar each phase ends at. */
const PROGRESS_AT = { coverage: 0.15, ranking: 0.45, stations: 0.95 };

const SCORE_WORDS: Record<RolloutParams['countyScore'], string> = {
  'villages-per-yuan': 'rural villages their best stations reach per yuan',
  'uncovered-share': 'rural villages not yet reached',
  'user-weight': 'the user weight (ties: villages reached per yuan)',
};

/**
 * The one-sentence method of a rollout, as shown in the UI.
 * @param words the reaches in words when not great-circle km (see `RolloutReach`)
 */
export function rolloutMethod(params: RolloutParams, words?: { station: string; center?: string }): string {
  const order = params.provinceOrder.length > 0 ? `provinces ${params.provinceOrder.join(', ')} first, then ` : '';
  return (
    `Counties ranked (${order}by ${SCORE_WORDS[params.countyScore]}) get a center at their county seat stand-in ` +
    `until ${params.centers} centers or the budget; up to ${params.stations} stations then placed in them by lazy ` +
    `greedy max coverage (Minoux 1978) of rural villages within ${words?.station ?? `${params.stationRadiusKm} km`} per yuan, a station ` +
    `counting only within ${words?.center ?? `${params.centerRadiusKm} km`} of its county's center; each year (budget / ${params.years}, ` +
    `unspent money carried over, running costs of open sites paid first) opens the sites of highest gain per yuan ` +
    `that fit, a center no later than its stations.`
  );
}

/**
 * Plans a national rollout: which counties get a center, where the stations go, and the year each site opens, within
 * the budget and per-year caps, then checks the programme's targets (counties with a center > 1/3 of all counties,
 * covered rural villages > 1/6 of all rural villages, spend <= budget). See `rolloutMethod` and the phase modules.
 *
 * When `options.shouldStop()` turns true the phase under way ends and the sites chosen until then are scheduled and
 * reported (`result.stopped` is set), so the figures stay consistent.
 *
 * @param input villages of every province in one table, county names, parameters
 * @param options progress (share in [0, 1], objective = rural villages covered so far) and stop flag
 * @throws Error when the parameters are invalid (the message lists every problem)
 * @example
 * const result = runRollout({ villages, countyNames, params: defaultRolloutParams() });
 * result.targets.met; // true when both shares are above target within the budget
 */
export function runRollout(input: RolloutInput, options: RolloutOptions = {}): RolloutResult {
  const started = performance.now();
  const { villages, countyNames, params } = input;
  const problems = checkRolloutParams(params);
  if (problems.length > 0) throw new Error(`Invalid rollout parameters: ${problems.join('; ')}.`);
  let stopped = false;
  const stop = (): boolean => {
    if (!stopped && options.shouldStop?.()) stopped = true;
    return stopped;
  };
  let objective = 0;
  const report = (share: number): void => options.onProgress?.({ share, objective });
  const hooks = (from: number, to: number): LoopHooks => ({ stop, tick: (s) => report(from + (to - from) * s) });
  let mark = performance.now();
  const lap = (): number => {
    const now = performance.now();
    const sec = (now - mark) / 1000;
    mark = now;
    return sec;
  };

  report(0);
  const net = buildNetwork(villages, params.stationRadiusKm, params.centerRadiusKm, input.reach);
  const coverageSec = lap();
  report(PROGRESS_AT.coverage);
  const ranking = rankCounties(net, params, hooks(PROGRESS_AT.coverage, PROGRESS_AT.ranking));
  const rankingSec = lap();
  const stationBudgetYuan = params.budgetYuan - ranking.centersYuan;
  const stations = stop()
    ? { order: new Uint32Array(0), gain: new Float64Array(0), covered: 0, stopped: true, limit: 'stopped' as const }
    : placeStations(net, ranking.chosen, params, stationBudgetYuan, hooks(PROGRESS_AT.ranking, PROGRESS_AT.stations));
  objective = stations.covered;
  const stationsSec = lap();
  report(PROGRESS_AT.stations);
  const stationCounty = Uint16Array.from(stations.order, (r) => net.county[r]);
  const schedule = scheduleRollout(
    { centers: ranking.chosen, stationCounty, stationGain: stations.gain, countyProvince: net.countyProvince },
    params,
  );
  const plan = { centers: ranking.chosen, stations: stations.order, schedule, countyScore: ranking.score };
  const figures = rolloutReport(villages, countyNames, net, plan, params);
  const scheduleSec = lap();
  objective = figures.years.at(-1)?.ruralVillagesCovered ?? 0;
  const days = params.transport?.daysPerYear ?? 0;
  const transport =
    days > 0 && !stopped
      ? rolloutTransport({ ...figures, params }, villages, {
          daysPerYear: days,
          timeBudgetSec: params.transport?.timeBudgetSec,
          shouldStop: stop,
        })
      : undefined;
  report(1);
  return {
    params,
    ...figures,
    ...(transport !== undefined && { transport }),
    method: rolloutMethod(params, net.reachWords),
    seconds: (performance.now() - started) / 1000,
    stopped,
    stationLimit: stations.limit,
    timings: { coverageSec, rankingSec, stationsSec, scheduleSec },
  };
}
