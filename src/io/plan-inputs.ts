/**
 * Assembles the inputs of a plan from the texts of the user's files: demand points, candidate sites (or the
 * demand points themselves), site lists that mark candidates existing or excluded, and a travel-time matrix.
 * Pure (text in, typed arrays out) so the CLI and the app share it; the CLI reads the files.
 */
import type { PlanParams, PlanRequest } from '../core/plan-types';
import type { Candidates, Demand, DistanceMatrix } from '../core/types';
import { selectMatrix } from './align';
import { parseOsrmTable, type OsrmField } from './osrm';
import type { PointTable } from './points';
import { readPointsCsvOrGeoJson } from './read-points';
import type { InputProblem } from './problems';
import { applySiteStatus } from './sites';

/** A file's name and contents. */
export interface NamedText {
  file: string;
  text: string;
}

/** Points already read (e.g. the embedded villages), with a label for messages. */
export interface NamedPoints {
  file: string;
  points: PointTable;
}

/** The texts of one plan's input files. */
export interface PlanInputTexts {
  /** The demand file, or demand points already read. */
  demand: NamedText | NamedPoints;
  /** Weight column or property of the demand file (default `weight` when present, else 1). */
  weightField?: string;
  /** Candidate sites (text, or points already read with their `status`); default the demand points. */
  candidates?: NamedText | NamedPoints;
  existing?: NamedText | NamedPoints;
  excluded?: NamedText | NamedPoints;
  /** OSRM `table` response made for every record of the demand file (rows) and candidate file (columns). */
  matrix?: NamedText & { field?: OsrmField };
}

/** Everything a plan needs, with ids for the output and what was skipped on the way. */
export interface PlanInputs {
  demand: Demand;
  demandIds: string[];
  candidates: Candidates;
  candidateIds: string[];
  matrix?: DistanceMatrix;
  /** Unit of the matrix: `s` (OSRM durations) or `m` (distances); absent without a matrix (great-circle km). */
  matrixUnit?: 's' | 'm';
  /** Two-tier: candidates that may host a center (e.g. one village per county), when the source knows them. */
  centerCandidates?: Uint32Array;
  /** Two-tier: center -> candidate travel times (e.g. by road; see `PlanRequest.centerMatrix`). */
  centerMatrix?: DistanceMatrix;
  /** Bad rows or features that were skipped, and site-list entries that could not be applied. */
  problems: InputProblem[];
  /** One-line notes of what was done, e.g. `existing.csv: 3 sites, 2 matched to candidates, 1 added`. */
  notes: string[];
}

/** The request `runPlan` takes for these inputs and parameters. */
export function planRequest(inputs: PlanInputs, params: PlanParams): PlanRequest {
  const { demand, candidates, matrix, centerCandidates, centerMatrix } = inputs;
  return { demand, candidates, matrix, params, centerCandidates, centerMatrix };
}

/**
 * Reads and combines the input files of a plan.
 * - Candidates default to the demand points (same ids and positions, all `proposed`).
 * - `existing` then `excluded` are applied with {@link applySiteStatus} (id, else within 1 m, else new candidate);
 *   with a matrix a listed site must match a candidate, since a new one would have no matrix column.
 * - The matrix must have one row per demand record and one column per candidate record, bad ones included;
 *   the rows and columns of skipped records are dropped so that it lines up with the kept points.
 *
 * @throws InputError when a file is unusable (see the readers)
 */
export function assemblePlanInputs(texts: PlanInputTexts): PlanInputs {
  const problems: InputProblem[] = [];
  const notes: string[] = [];
  let demandTable: PointTable;
  if ('points' in texts.demand) demandTable = texts.demand.points;
  else {
    const read = readPointsCsvOrGeoJson(texts.demand.text, { file: texts.demand.file, weightField: texts.weightField });
    for (const item of read.problems) problems.push(item);
    demandTable = read.value;
  }
  let candidateTable: PointTable;
  if (texts.candidates !== undefined && 'points' in texts.candidates) candidateTable = texts.candidates.points;
  else if (texts.candidates !== undefined) {
    const read = readPointsCsvOrGeoJson(texts.candidates.text, { file: texts.candidates.file, withStatus: true });
    for (const item of read.problems) problems.push(item);
    candidateTable = read.value;
  } else {
    candidateTable = { ...demandTable, status: new Uint8Array(demandTable.count) };
  }
  const lists: ['existing' | 'excluded', NamedText | NamedPoints | undefined][] = [
    ['existing', texts.existing],
    ['excluded', texts.excluded],
  ];
  for (const [status, named] of lists) {
    if (named === undefined) continue;
    const read = 'points' in named ? { value: named.points, problems: [] } : readPointsCsvOrGeoJson(named.text, named);
    for (const item of read.problems) problems.push(item);
    const applied = applySiteStatus(candidateTable, read.value, status, {
      file: named.file,
      allowNew: texts.matrix === undefined,
    });
    for (const item of applied.problems) problems.push(item);
    candidateTable = applied.candidates;
    notes.push(
      `${named.file}: ${read.value.count} sites marked ${status}, ${applied.matched} matched to candidates, ${applied.added} added`,
    );
  }
  const inputs: PlanInputs = {
    demand: { count: demandTable.count, lon: demandTable.lon, lat: demandTable.lat, weight: demandTable.weight },
    demandIds: demandTable.ids,
    candidates: {
      count: candidateTable.count,
      lon: candidateTable.lon,
      lat: candidateTable.lat,
      status: candidateTable.status ?? new Uint8Array(candidateTable.count),
    },
    candidateIds: candidateTable.ids,
    problems,
    notes,
  };
  if (texts.matrix !== undefined) {
    const table = parseOsrmTable(texts.matrix.text, {
      file: texts.matrix.file,
      field: texts.matrix.field,
      rows: demandTable.recordCount,
      cols: candidateTable.recordCount,
    });
    inputs.matrix = selectMatrix(table.matrix, demandTable.source, candidateTable.source);
    inputs.matrixUnit = table.unit;
  }
  return inputs;
}
