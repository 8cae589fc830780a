/**
 * Exact two-tier coverage as a MIP for `solveMip`: county centers z_c and village stations x_s; a station serves
 * villages only when an open center reaches it (a two-level covering model in the spirit of M.P. Moore & C. ReVelle,
 * "The hierarchical service location problem", Management Science 28 (1982) 775-780):
 *
 *   max  sum_g w_g y_g
 *   s.t. y_g <= sum_{s covers g} u_s             (a village group counts when a serving station covers it)
 *        u_s <= sum_{c reaches s} z_c            (a station serves only within an open center's reach)
 *        u_s <= x_s,  x_s binary for proposed stations;  x_s = 1 for existing/locked ones (u_s continuous)
 *        sum_{proposed s} x_s <= pStations,  sum_{proposed c} z_c <= pCenters,  z_c = 1 for fixed centers
 *
 * For a proposed station, u_s = x_s (opening an unreached station never helps, so x_s <= sum z loses nothing).
 * Villages are merged by identical station lists; villages no usable station covers are dropped.
 */
import { SITE_STATUS } from '../../types';
import { LpBuilder } from '../lp-text';
import { isFixed, statusOf } from '../max-coverage/state';
import type { TwoTierProblem } from './index';

/** LP text and the names needed to read a solution back. */
export interface TwoTierLp {
  text: string;
  /** Column name of each station (x for proposed, u for fixed), or '' when the station is not in the model. */
  stationColumn: string[];
  /** Column name of each proposed center, or ''. */
  centerColumn: string[];
}

/** Builds the two-tier MIP of the module comment. */
export function twoTierLp(problem: TwoTierProblem, pCenters: number, pStations: number): TwoTierLp {
  const { stations, centerReach } = problem;
  const stationStatus = statusOf(stations);
  const centerStatus = problem.centerStatus ?? new Uint8Array(centerReach.siteCount);
  const { coverage, weight } = stations;
  const lp = new LpBuilder('maximize', { checkNames: false });
  // Centers that can reach each station (fixed ones make the station always reachable).
  const stationColumn: string[] = new Array(coverage.siteCount).fill('');
  const reachRows: { station: number; centers: string[] }[] = [];
  const centerColumn: string[] = new Array(centerReach.siteCount).fill('');
  for (let c = 0; c < centerReach.siteCount; c++)
    if (centerStatus[c] === SITE_STATUS.proposed) centerColumn[c] = `z${c}`;
  for (let s = 0; s < coverage.siteCount; s++) {
    if (stationStatus[s] === SITE_STATUS.excluded) continue;
    const centers: string[] = [];
    let fixedReach = false;
    for (let q = centerReach.demandOffsets[s]; q < centerReach.demandOffsets[s + 1]; q++) {
      const c = centerReach.demandSites[q];
      if (isFixed(centerStatus[c])) fixedReach = true;
      else if (centerStatus[c] === SITE_STATUS.proposed) centers.push(centerColumn[c]);
    }
    if (!fixedReach && centers.length === 0) continue; // no center can ever reach it
    stationColumn[s] = isFixed(stationStatus[s]) ? `u${s}` : `x${s}`;
    if (!fixedReach) reachRows.push({ station: s, centers });
  }
  // Village groups by their list of usable stations.
  const groups = new Map<string, { stations: number[]; weight: number }>();
  for (let i = 0; i < coverage.demandCount; i++) {
    if (weight[i] === 0) continue;
    const list: number[] = [];
    for (let q = coverage.demandOffsets[i]; q < coverage.demandOffsets[i + 1]; q++) {
      const s = coverage.demandSites[q];
      if (stationColumn[s] !== '') list.push(s);
    }
    if (list.length === 0) continue;
    const key = list.join(',');
    const group = groups.get(key);
    if (group) group.weight += weight[i];
    else groups.set(key, { stations: list, weight: weight[i] });
  }
  const yNames: string[] = [];
  const yWeights: number[] = [];
  let g = 0;
  for (const group of groups.values()) {
    const y = `y${g}`;
    yNames.push(y);
    yWeights.push(group.weight);
    lp.constraint(
      `cov${g}`,
      [y, ...group.stations.map((s) => stationColumn[s])],
      [1, ...group.stations.map(() => -1)],
      '<=',
      0,
    );
    lp.bound(y, 0, 1);
    g++;
  }
  lp.objective(yNames, yWeights);
  for (const { station, centers } of reachRows) {
    const column = stationColumn[station];
    lp.constraint(`reach${station}`, [column, ...centers], [1, ...centers.map(() => -1)], '<=', 0);
  }
  const xNames: string[] = [];
  for (let s = 0; s < coverage.siteCount; s++) {
    const column = stationColumn[s];
    if (column.startsWith('x')) xNames.push(column);
    else if (column.startsWith('u')) lp.bound(column, 0, 1);
  }
  const zNames = centerColumn.filter((name) => name !== '');
  lp.constraint('stations', xNames, 1, '<=', pStations);
  lp.constraint('centers', zNames, 1, '<=', pCenters);
  lp.binaries([...xNames, ...zNames]);
  return { text: lp.toString(), stationColumn, centerColumn };
}
