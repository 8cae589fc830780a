/**
 * Reads the input files named on the command line of `npm run plan` into a plan request.
 */
import { readFile } from 'node:fs/promises';
import { assemblePlanInputs, type NamedText, type PlanInputs } from '../io/plan-inputs';
import { InputError } from '../io/problems';
import type { PlanCliOptions } from './plan-options';

/** Reads a text file, turning a system error into an InputError that names the file. */
export async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(error);
    throw new InputError(file, `cannot read: ${reason}`);
  }
}

async function named(file: string | undefined): Promise<NamedText | undefined> {
  return file === undefined ? undefined : { file, text: await readText(file) };
}

/**
 * The inputs of a plan from `--demand` files (or the embedded villages with `--province`).
 * @throws InputError when a file is missing or unusable
 */
export async function loadPlanInputs(options: PlanCliOptions): Promise<PlanInputs> {
  if (options.province !== undefined) {
    const { loadProvinceInputs } = await import('./province');
    return loadProvinceInputs(options);
  }
  const demand = await named(options.demand);
  if (demand === undefined) throw new InputError('--demand', 'no demand file');
  const matrix = await named(options.matrix);
  return assemblePlanInputs({
    demand,
    weightField: options.weight,
    candidates: await named(options.candidates),
    existing: await named(options.existing),
    excluded: await named(options.excluded),
    matrix: matrix === undefined ? undefined : { ...matrix, field: options.matrixField },
  });
}
