/**
 * Reads the input files named on the command line of `npm run plan` into a plan request. Point files go through
 * `readPointsFile` (CSV, GeoJSON or zipped Shapefile; UTF-8 or GBK; `--crs`; `--swap-axes`), the matrix through
 * `assemblePlanInputs`.
 */
import { readFile } from 'node:fs/promises';
import { assemblePlanInputs, type NamedPoints, type NamedText, type PlanInputs } from '../io/plan-inputs';
import { InputError, type InputProblem } from '../io/problems';
import { readPointsFile, type ReadPointsOptions } from '../io/read-points';
import type { PlanCliOptions } from './plan-options';

/** Reads a file's bytes, turning a system error into an InputError that names the file. */
export async function readBytes(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(error);
    throw new InputError(file, `cannot read: ${reason}`);
  }
}

/** Reads a text file (UTF-8), turning a system error into an InputError that names the file. */
export async function readText(file: string): Promise<string> {
  return new TextDecoder().decode(await readBytes(file));
}

/**
 * The inputs of a plan from `--demand` files (or the embedded villages with `--province`).
 * @throws InputError when a file is missing or unusable
 */
export async function loadPlanInputs(options: PlanCliOptions): Promise<PlanInputs> {
  const inputs = await loadPointInputs(options);
  if (options.roads === undefined || options.reachMinutes === undefined) return inputs;
  const { withRoadReach } = await import('./plan-roads');
  return withRoadReach(inputs, options.roads, options.reachMinutes, options.roadProfile);
}

async function loadPointInputs(options: PlanCliOptions): Promise<PlanInputs> {
  if (options.province !== undefined) {
    const { loadProvinceInputs } = await import('./province');
    return loadProvinceInputs(options);
  }
  if (options.demand === undefined) throw new InputError('--demand', 'no demand file');
  const problems: InputProblem[] = [];
  const notes: string[] = [];
  const common = { crs: options.crs, swapAxes: options.swapAxes, idField: options.idField };
  const points = async (
    file: string | undefined,
    read: Omit<ReadPointsOptions, 'file'>,
  ): Promise<NamedPoints | undefined> => {
    if (file === undefined) return undefined;
    const result = await readPointsFile(await readBytes(file), { file, ...common, ...read });
    problems.push(...result.problems);
    if (result.problems.length > 0) notes.push(`${file}: ${result.summary}`);
    if (result.swapOffer !== undefined) notes.push(`${result.swapOffer} (--swap-axes)`);
    return { file, points: result.value };
  };
  const demand = (await points(options.demand, { weightField: options.weight })) as NamedPoints;
  const candidates = await points(options.candidates, { withStatus: true });
  const existing = await points(options.existing, {});
  const excluded = await points(options.excluded, {});
  const matrix: NamedText | undefined =
    options.matrix === undefined ? undefined : { file: options.matrix, text: await readText(options.matrix) };
  const inputs = assemblePlanInputs({
    demand,
    candidates,
    existing,
    excluded,
    matrix: matrix === undefined ? undefined : { ...matrix, field: options.matrixField },
  });
  return { ...inputs, problems: [...problems, ...inputs.problems], notes: [...notes, ...inputs.notes] };
}
