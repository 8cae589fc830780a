/**
 * Reader of the CVRPLIB / TSPLIB format of vehicle routing instances (G. Reinelt, "TSPLIB 95", Universitat
 * Heidelberg 1995, sections 1-2; CVRPLIB, vrp.galgos.inf.puc-rio.br; the X set of Uchoa et al., EJOR 257 (2017)).
 * Header lines `KEY : value` (NAME, COMMENT, TYPE, DIMENSION, CAPACITY, EDGE_WEIGHT_TYPE, EDGE_WEIGHT_FORMAT, and
 * the optional DISTANCE route-length limit and SERVICE_TIME), then NODE_COORD_SECTION (`id x y`), DEMAND_SECTION
 * (`id demand`), DEPOT_SECTION (depot ids ended by -1), EDGE_WEIGHT_SECTION for EXPLICIT weights, EOF.
 * Distances: EUC_2D = nint of the Euclidean distance, nint(x) = floor(x + 0.5) (TSPLIB 95 section 2.1); CEIL_2D =
 * ceiling; EXPLICIT = as listed (FULL_MATRIX, LOWER_ROW, UPPER_ROW, LOWER_DIAG_ROW, UPPER_DIAG_ROW). Errors name the
 * file and line: "X.vrp line 14: ...".
 */
import type { RouteProblem } from '../core/route/types';

/** A file that cannot be read as a CVRP instance; the message names the file and line. */
export class CvrplibError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CvrplibError';
  }
}

/** A CVRP instance. Internal node k is file node `ids[k]`; k = 0 is the depot. */
export interface CvrplibInstance {
  name: string;
  dimension: number;
  capacity: number;
  /** File node number of each internal node, the depot first then the customers in file order. */
  ids: number[];
  /** Coordinates in internal order, or null for EXPLICIT weights without coordinates. */
  x: Float64Array | null;
  y: Float64Array | null;
  demand: Float64Array;
  /** Rounded travel cost between internal nodes, (n + 1) x (n + 1) row-major. */
  cost: Float64Array;
  /** DISTANCE (longest route) and SERVICE_TIME when the file gives them. */
  distanceLimit?: number;
  serviceTime?: number;
}

const EXPLICIT_FORMATS = ['FULL_MATRIX', 'LOWER_ROW', 'UPPER_ROW', 'LOWER_DIAG_ROW', 'UPPER_DIAG_ROW'];

/** TSPLIB nint. */
export function nint(x: number): number {
  return Math.floor(x + 0.5);
}

/**
 * Parses a CVRPLIB file.
 * @param text file contents
 * @param file name for messages
 * @throws CvrplibError with the file and line of the first mistake
 */
export function parseCvrplib(text: string, file = 'instance.vrp'): CvrplibInstance {
  const lines = text.split(/\r?\n/);
  const fail = (line: number, message: string): never => {
    throw new CvrplibError(`${file} line ${line + 1}: ${message}`);
  };
  const header = new Map<string, { value: string; line: number }>();
  let coords: Map<number, [number, number]> | null = null;
  const demands = new Map<number, number>();
  const depots: number[] = [];
  let weights: number[] | null = null;
  let weightsLine = 0;
  let dimension = 0;
  const numbersOf = (k: number, count: number, what: string): number[] => {
    const parts = lines[k].trim().split(/\s+/);
    const values = parts.map(Number);
    if (parts.length !== count || values.some((v) => !Number.isFinite(v))) {
      fail(k, `expected ${what}, got "${lines[k].trim()}"`);
    }
    return values;
  };
  const nodeId = (k: number, value: number): number => {
    if (!Number.isInteger(value) || value < 1 || value > dimension) {
      fail(k, `node ${value} is not between 1 and DIMENSION ${dimension}`);
    }
    return value;
  };
  let k = 0;
  while (k < lines.length) {
    const raw = lines[k].trim();
    if (raw === '' || raw === 'EOF') {
      k++;
      continue;
    }
    const section = raw.split(/\s+/)[0];
    if (section.endsWith('_SECTION')) {
      if (dimension === 0) fail(k, `${section} before DIMENSION`);
      k++;
      const isData = (j: number): boolean => j < lines.length && /^-?[\d.]/.test(lines[j].trim());
      if (section === 'NODE_COORD_SECTION') {
        coords = new Map();
        for (; isData(k); k++) {
          const [id, x, y] = numbersOf(k, 3, '"id x y"');
          if (coords.has(nodeId(k, id))) fail(k, `node ${id} is listed twice`);
          coords.set(id, [x, y]);
        }
      } else if (section === 'DEMAND_SECTION') {
        for (; isData(k); k++) {
          const [id, demand] = numbersOf(k, 2, '"id demand"');
          if (demands.has(nodeId(k, id))) fail(k, `node ${id} is listed twice`);
          if (demand < 0) fail(k, `demand of node ${id} is negative (${demand})`);
          demands.set(id, demand);
        }
      } else if (section === 'DEPOT_SECTION') {
        for (; ; k++) {
          if (k >= lines.length || !isData(k)) fail(k - 1, 'DEPOT_SECTION must end with -1');
          const [id] = numbersOf(k, 1, 'a depot node number or -1');
          if (id === -1) {
            k++;
            break;
          }
          depots.push(nodeId(k, id));
        }
      } else if (section === 'EDGE_WEIGHT_SECTION') {
        weights = [];
        weightsLine = k;
        for (; isData(k); k++) {
          for (const part of lines[k].trim().split(/\s+/)) {
            const value = Number(part);
            if (!Number.isFinite(value) || value < 0) fail(k, `edge weight "${part}" is not a number >= 0`);
            weights.push(value);
          }
        }
      } else fail(k - 1, `unknown section ${section}`);
      continue;
    }
    const colon = raw.indexOf(':');
    if (colon < 0) fail(k, `expected "KEY : value" or a section, got "${raw}"`);
    const key = raw.slice(0, colon).trim().toUpperCase();
    const value = raw.slice(colon + 1).trim();
    header.set(key, { value, line: k });
    if (key === 'DIMENSION') {
      dimension = Number(value);
      if (!Number.isInteger(dimension) || dimension < 2) fail(k, `DIMENSION must be an integer >= 2, got "${value}"`);
    }
    k++;
  }
  const end = lines.length - 1;
  const need = (key: string): { value: string; line: number } => header.get(key) ?? fail(end, `${key} is missing`);
  need('DIMENSION');
  const capacityEntry = need('CAPACITY');
  const capacity = Number(capacityEntry.value);
  if (!(capacity > 0)) fail(capacityEntry.line, `CAPACITY must be a number > 0, got "${capacityEntry.value}"`);
  const type = header.get('TYPE');
  if (type && !/^(A?CVRP|VRP)$/i.test(type.value)) fail(type.line, `TYPE ${type.value} is not a CVRP`);
  const weightType = header.get('EDGE_WEIGHT_TYPE') ?? fail(end, 'EDGE_WEIGHT_TYPE is missing');
  const kind = weightType.value.toUpperCase();
  if (!['EUC_2D', 'CEIL_2D', 'EXPLICIT'].includes(kind)) {
    fail(weightType.line, `EDGE_WEIGHT_TYPE ${weightType.value} is not supported (EUC_2D, CEIL_2D or EXPLICIT)`);
  }
  if (demands.size !== dimension) fail(end, `DEMAND_SECTION lists ${demands.size} of the ${dimension} nodes`);
  if (depots.length === 0) depots.push(1);
  if (depots.length > 1) fail(end, `${depots.length} depots; only one is supported`);
  const depot = depots[0];
  const ids = [depot];
  for (let id = 1; id <= dimension; id++) if (id !== depot) ids.push(id);
  const demand = Float64Array.from(ids, (id) => (id === depot ? 0 : (demands.get(id) as number)));
  const m = ids.length;
  let x: Float64Array | null = null;
  let y: Float64Array | null = null;
  if (coords !== null) {
    if (coords.size !== dimension) fail(end, `NODE_COORD_SECTION lists ${coords.size} of the ${dimension} nodes`);
    const c = coords;
    x = Float64Array.from(ids, (id) => (c.get(id) as [number, number])[0]);
    y = Float64Array.from(ids, (id) => (c.get(id) as [number, number])[1]);
  }
  const cost = new Float64Array(m * m);
  if (kind === 'EXPLICIT') {
    const format = (header.get('EDGE_WEIGHT_FORMAT')?.value ?? '').toUpperCase();
    if (!EXPLICIT_FORMATS.includes(format)) {
      fail(
        header.get('EDGE_WEIGHT_FORMAT')?.line ?? end,
        `EDGE_WEIGHT_FORMAT must be one of ${EXPLICIT_FORMATS.join(', ')}`,
      );
    }
    if (weights === null) fail(end, 'EDGE_WEIGHT_SECTION is missing');
    fillExplicit(cost, ids, dimension, format, weights as number[], (message) => fail(weightsLine, message));
  } else {
    if (x === null || y === null) fail(end, 'NODE_COORD_SECTION is missing');
    const round = kind === 'CEIL_2D' ? Math.ceil : nint;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < m; j++) {
        if (i !== j)
          cost[i * m + j] = round(
            Math.hypot(
              (x as Float64Array)[i] - (x as Float64Array)[j],
              (y as Float64Array)[i] - (y as Float64Array)[j],
            ),
          );
      }
    }
  }
  const out: CvrplibInstance = {
    name: header.get('NAME')?.value ?? file,
    dimension,
    capacity,
    ids,
    x,
    y,
    demand,
    cost,
  };
  const limit = header.get('DISTANCE');
  if (limit) {
    const value = Number(limit.value);
    if (!(value > 0)) fail(limit.line, `DISTANCE must be a number > 0, got "${limit.value}"`);
    out.distanceLimit = value;
  }
  const service = header.get('SERVICE_TIME');
  if (service) {
    const value = Number(service.value);
    if (!(value >= 0)) fail(service.line, `SERVICE_TIME must be a number >= 0, got "${service.value}"`);
    out.serviceTime = value;
  }
  return out;
}

/** Fills the cost matrix from an EXPLICIT weight list (file node order), reindexed to `ids`. */
function fillExplicit(
  cost: Float64Array,
  ids: number[],
  dimension: number,
  format: string,
  weights: number[],
  fail: (message: string) => never,
): void {
  const full = new Float64Array(dimension * dimension);
  let k = 0;
  const take = (i: number, j: number): void => {
    if (k >= weights.length) fail(`EDGE_WEIGHT_SECTION has ${weights.length} weights, too few for ${format}`);
    full[i * dimension + j] = full[j * dimension + i] = weights[k++];
  };
  for (let i = 0; i < dimension; i++) {
    if (format === 'FULL_MATRIX') for (let j = 0; j < dimension; j++) full[i * dimension + j] = weights[k++] ?? NaN;
    else if (format === 'LOWER_ROW') for (let j = 0; j < i; j++) take(i, j);
    else if (format === 'LOWER_DIAG_ROW') for (let j = 0; j <= i; j++) take(i, j);
    else if (format === 'UPPER_ROW') for (let j = i + 1; j < dimension; j++) take(i, j);
    else for (let j = i; j < dimension; j++) take(i, j);
  }
  if (k !== weights.length || full.some(Number.isNaN)) {
    fail(`EDGE_WEIGHT_SECTION has ${weights.length} weights, ${format} of DIMENSION ${dimension} needs ${k}`);
  }
  const m = ids.length;
  for (let a = 0; a < m; a++) {
    for (let b = 0; b < m; b++) cost[a * m + b] = a === b ? 0 : full[(ids[a] - 1) * dimension + (ids[b] - 1)];
  }
}

/** The routing problem of an instance: deliveries = demands, no pickups; DISTANCE becomes the shift limit. */
export function cvrplibToProblem(inst: CvrplibInstance): RouteProblem {
  const n = inst.ids.length - 1;
  const problem: RouteProblem = {
    n,
    delivery: inst.demand,
    pickup: new Float64Array(n + 1),
    capacity: inst.capacity,
    cost: inst.cost,
    x: inst.x ?? undefined,
    y: inst.y ?? undefined,
  };
  if (inst.distanceLimit !== undefined) {
    problem.durationMin = inst.cost;
    problem.maxDurationMin = inst.distanceLimit;
    problem.serviceMin = new Float64Array(n + 1).fill(inst.serviceTime ?? 0);
    problem.serviceMin[0] = 0;
  }
  return problem;
}

/** Total cost of routes given in file node numbers, recomputed with the file's rounding. */
export function cvrplibCost(inst: CvrplibInstance, routes: readonly (readonly number[])[]): number {
  const index = new Map(inst.ids.map((id, k) => [id, k]));
  const m = inst.ids.length;
  let total = 0;
  for (const route of routes) {
    let prev = 0;
    for (const id of route) {
      const k = index.get(id);
      if (k === undefined || k === 0) throw new CvrplibError(`node ${id} is not a customer of ${inst.name}`);
      total += inst.cost[prev * m + k];
      prev = k;
    }
    if (route.length > 0) total += inst.cost[prev * m];
  }
  return total;
}
