/**
 * `npm run plan`: the command-line shell of the planning engine. Reads demand and candidate files (or the
 * embedded villages), runs `runPlan` (the same call the planner worker makes), writes the plan as GeoJSON and
 * the figures as JSON. Run with `--help` for the options.
 *
 * Exit codes: 0 done (bad rows were listed on stderr and skipped), 1 the solver failed, 2 bad option or file.
 */
import { runPlan } from '../core/plan';
import { PlanRequestError } from '../core/plan-check';
import type { PlanResult } from '../core/plan-types';
import { planReport, planToGeoJson } from '../io/plan-output';
import { formatProblem, InputError, type InputProblem } from '../io/problems';
import { UsageError } from './args';
import { planRequest, type PlanInputs } from '../io/plan-inputs';
import { loadPlanInputs, writeOutput } from './plan-inputs';
import { planShortfall } from './plan-shortfall';
import { parsePlanArgs, planHelp, type PlanCliOptions } from './plan-options';
import type { RoadReachNote } from './plan-roads';
import { nodeConsole, progressPrinter, runAsScript, type Console } from './terminal';

/** Most bad rows listed one per line on stderr; the rest are counted. */
export const MAX_PROBLEM_LINES = 20;

/**
 * Runs the command and returns its exit code. Never throws: every failure becomes one line on stderr.
 * @param argv arguments after `--`
 * @param io output streams
 */
export async function main(argv: readonly string[], io: Console = nodeConsole): Promise<number> {
  try {
    const options = parsePlanArgs(argv);
    if (options.help) {
      io.out(planHelp());
      return 0;
    }
    const inputs = await loadPlanInputs(options);
    reportProblems(inputs.problems, io);
    for (const note of inputs.notes) io.err(`plan: ${note}`);
    const progress = io.isTty ? progressPrinter('plan') : undefined;
    const result = await runPlan(planRequest(inputs, options.params), { onProgress: progress?.update });
    progress?.done();
    const shortfall = planShortfall(result, inputs.candidates.status);
    if (shortfall !== undefined) io.err(`plan: warning: ${shortfall}`);
    const geojson = planToGeoJson(result, inputs.candidates, inputs.candidateIds);
    await writeOutput(options.out, `${JSON.stringify(geojson)}\n`);
    if (options.report !== undefined) {
      const report = {
        ...planReport(result, inputs.demand.count, inputs.candidates.count),
        reach: reachUsed(options, inputs),
      };
      await writeOutput(options.report, `${JSON.stringify(report, null, 2)}\n`);
    }
    if (options.exportDir !== undefined) {
      const { writePlanExport } = await import('./plan-export');
      const paths = await writePlanExport(options.exportDir, inputs, result, options);
      io.err(`plan: exported ${paths.length} files to ${options.exportDir}`);
    }
    io.err(`${summary(result, options.out)}; reach: ${reachText(reachUsed(options, inputs))}`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof PlanRequestError) {
      io.err(`plan: ${error.message}`);
      return 2;
    }
    if (error instanceof InputError) {
      io.err(`plan: ${error.message}`);
      if (error.problems.length > 1) reportProblems(error.problems, io);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`plan: solver failed: ${message}`);
    if (process.env.RURALREACH_DEBUG && error instanceof Error && error.stack) io.err(error.stack);
    return 1;
  }
}

/** Lists bad rows on stderr: at most MAX_PROBLEM_LINES lines, then how many more. */
export function reportProblems(problems: readonly InputProblem[], io: Console): void {
  for (const problem of problems.slice(0, MAX_PROBLEM_LINES)) io.err(`plan: skipped ${formatProblem(problem)}`);
  if (problems.length > MAX_PROBLEM_LINES) {
    io.err(`plan: ... and ${problems.length - MAX_PROBLEM_LINES} more problems (${problems.length} in all)`);
  }
}

/** Which reach a plan used: by road, a user's matrix, or great-circle km (in the report as `reach`). */
export type ReachUsed =
  | RoadReachNote
  | { kind: 'matrix'; file: string; unit: 's' | 'm'; radius: number | null }
  | { kind: 'great-circle'; radiusKm: number | null };

function reachUsed(options: PlanCliOptions, inputs: PlanInputs & { roadReach?: RoadReachNote }): ReachUsed {
  if (inputs.roadReach !== undefined) return inputs.roadReach;
  const radius = options.params.radius ?? null;
  if (options.matrix !== undefined)
    return { kind: 'matrix', file: options.matrix, unit: inputs.matrixUnit ?? 's', radius };
  return { kind: 'great-circle', radiusKm: radius };
}

function reachText(reach: ReachUsed): string {
  if (reach.kind === 'road') {
    const centers = reach.centerMinutes === undefined ? '' : `, centers ${reach.centerMinutes} min`;
    return `by road, ${reach.minutes} min${centers} (${reach.roads}, ${reach.profile})`;
  }
  if (reach.kind === 'matrix')
    return `matrix ${reach.file}${reach.radius === null ? '' : `, ${reach.radius} ${reach.unit}`}`;
  return `great-circle${reach.radiusKm === null ? '' : `, ${reach.radiusKm} km`}`;
}

function summary(result: PlanResult, out: string): string {
  const { solution, metrics } = result;
  const share = (100 * metrics.coverage).toFixed(1);
  const proof = solution.optimal
    ? 'optimal'
    : Number.isFinite(solution.gap)
      ? `gap ${(100 * solution.gap).toFixed(2)}%`
      : 'no bound';
  return (
    `plan: ${result.params.model}: ${solution.selected.length} sites, objective ${solution.objective}, ` +
    `coverage ${share}% (${proof}, ${solution.solver}, ${solution.seconds.toFixed(2)} s) -> ${out}`
  );
}

runAsScript(import.meta.url, (argv) => main(argv));
