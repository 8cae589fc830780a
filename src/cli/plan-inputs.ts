/**
 * Reads the input files named on the command line of `npm run plan` into a plan request. Point files go through
 * `readPointsFile` (CSV, GeoJSON, zipped Shapefile, Excel `--sheet`, GeoPackage `--layer`; UTF-8 or GBK; `--crs`;
 * `--swap-axes`), the matrix through
 * `assemblePlanInputs`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { readInputFile } from '../io/file-guard';
import { assemblePlanInputs, type NamedPoints, type NamedText, type PlanInputs } from '../io/plan-inputs';
import { formatProblem, InputError, type InputProblem } from '../io/problems';
import { readPointsFile, type ReadPointsOptions } from '../io/read-points';
import type { PlanCliOptions } from './plan-options';

/**
 * Writes an output file, creating its folder.
 * @throws InputError naming the file when it cannot be written
 */
export async function writeOutput(file: string, text: string): Promise<void> {
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text);
  } catch (error) {
    throw new InputError(file, `cannot write: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/**
 * Reads a file's bytes (src/io/file-guard.ts: a regular file within the size limit), turning a system error into
 * an InputError that names the file.
 * @param maxInputMb size limit in MiB (`--max-input-mb`)
 */
export async function readBytes(file: string, maxInputMb?: number): Promise<Uint8Array> {
  return readInputFile(file, maxInputMb);
}

/** Reads a text file (UTF-8), turning a system error into an InputError that names the file. */
export async function readText(file: string, maxInputMb?: number): Promise<string> {
  return new TextDecoder().decode(await readBytes(file, maxInputMb));
}

/**
 * The inputs of a plan from `--demand` files (or the embedded villages with `--province`).
 * @throws InputError when a file is missing or unusable
 */
export async function loadPlanInputs(options: PlanCliOptions): Promise<PlanInputs> {
  const inputs = await loadPointInputs(options);
  if (options.roads === undefined || options.reachMinutes === undefined) return inputs;
  const { withRoadReach } = await import('./plan-roads');
  return withRoadReach(inputs, options.params, {
    roads: options.roads,
    reachMinutes: options.reachMinutes,
    centerMinutes: options.centerMinutes,
    profile: options.roadProfile,
  });
}

async function loadPointInputs(options: PlanCliOptions): Promise<PlanInputs> {
  if (options.province !== undefined) {
    const { loadProvinceInputs } = await import('./province');
    return loadProvinceInputs(options);
  }
  if (options.demand === undefined) throw new InputError('--demand', 'no demand file');
  const problems: InputProblem[] = [];
  const notes: string[] = [];
  const common = {
    crs: options.crs,
    swapAxes: options.swapAxes,
    idField: options.idField,
    sheet: options.sheet,
    layer: options.layer,
  };
  const points = async (
    file: string | undefined,
    read: Omit<ReadPointsOptions, 'file'>,
  ): Promise<NamedPoints | undefined> => {
    if (file === undefined) return undefined;
    const result = await readPointsFile(await readBytes(file, options.maxInputMb), { file, ...common, ...read });
    for (const problem of result.problems) problems.push(problem);
    for (const warning of result.warnings) notes.push(`warning: ${formatProblem(warning)}`);
    if (result.problems.length > 0) notes.push(`${file}: ${result.summary}`);
    if (result.swapOffer !== undefined) notes.push(`${result.swapOffer} (--swap-axes)`);
    return { file, points: result.value };
  };
  const demand = (await points(options.demand, { weightField: options.weight })) as NamedPoints;
  const candidates = await points(options.candidates, { withStatus: true });
  const existing = await points(options.existing, {});
  const excluded = await points(options.excluded, {});
  const matrix: NamedText | undefined =
    options.matrix === undefined
      ? undefined
      : { file: options.matrix, text: await readText(options.matrix, options.maxInputMb) };
  const inputs = assemblePlanInputs({
    demand,
    candidates,
    existing,
    excluded,
    matrix: matrix === undefined ? undefined : { ...matrix, field: options.matrixField },
  });
  for (const problem of inputs.problems) problems.push(problem);
  return { ...inputs, problems, notes: [...notes, ...inputs.notes] };
}
