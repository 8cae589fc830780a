/**
 * Thin wrapper of HiGHS (Huangfu & Hall, "Parallelizing the dual revised simplex method", Math. Prog. Comp. 10
 * (2018) 119-142; MIP solver by L. Gottwald), compiled to WebAssembly by the `highs` npm package (highs-js).
 *
 * The Wasm runtime is loaded once per thread and reused by every solve. In Node the loader finds `highs.wasm`
 * beside `highs.mjs`; in a browser Worker bundled by Vite the caller passes the asset URL first:
 *
 * ```ts
 * import wasmUrl from 'highs/runtime?url';
 * configureHighs({ locateFile: () => wasmUrl });
 * ```
 *
 * Each solve uses a fresh persistent model (parsed from CPLEX LP text), disposed in `finally` so Wasm memory
 * does not leak. The proven dual bound and gap come from the HiGHS info items `mip_dual_bound` and `mip_gap`;
 * on a time limit HiGHS stops with model status "Time limit reached" and keeps the incumbent when it found one
 * (info `primal_solution_status` = 2), which is returned with status `time-limit`.
 */
import loadHighs from 'highs';
import type { Highs, HighsCallbackMap, Model } from 'highs';

/** Outcome of a solve. `time-limit` also covers other limits and a stop requested by `shouldStop`. */
export type MipStatus = 'optimal' | 'time-limit' | 'infeasible' | 'unbounded' | 'error';

/** What `solveMip` returns. */
export interface MipResult {
  status: MipStatus;
  /** Objective of the returned solution (incumbent), or NaN when there is none. */
  objective: number;
  /**
   * Best proven bound on the optimum (lower bound when minimising, upper when maximising); equals `objective`
   * at optimality; for an LP relaxation solved to optimality it is the LP optimum. NaN when unknown.
   */
  bound: number;
  /** Relative gap |objective - bound| / max(|objective|, 1e-9) as HiGHS reports it (`mip_gap`); NaN if unknown. */
  gap: number;
  /** Primal value of every column by name (empty when there is no solution). */
  values: Map<string, number>;
  /** Wall-clock seconds of parsing and solving. */
  seconds: number;
  /** HiGHS's status text or an error message. */
  message?: string;
}

/** Options of `solveMip`. */
export interface MipOptions {
  /** Wall-clock limit in seconds (HiGHS `time_limit`; default none). */
  timeLimitSec?: number;
  /** Solve the LP relaxation (integrality dropped) instead of the MIP (default false). */
  relax?: boolean;
  /** Relative optimality gap at which the MIP stops (HiGHS `mip_rel_gap`; default 1e-4). */
  mipRelGap?: number;
  /** Absolute optimality gap (HiGHS `mip_abs_gap`; default 1e-6). Set e.g. 0.999 when objectives are integral. */
  mipAbsGap?: number;
  /**
   * A known solution to start from (values by column name; columns not listed are completed by HiGHS), e.g. a
   * heuristic's solution: the MIP then starts with that incumbent and prunes with its objective.
   */
  start?: ReadonlyMap<string, number>;
  /** Checked during the MIP search; when it returns true the solve stops with the best incumbent. */
  shouldStop?: () => boolean;
  /** Called on each MIP log line with the incumbent, the dual bound and the gap. */
  onProgress?: (progress: { objective: number; bound: number; gap: number; seconds: number }) => void;
  /** HiGHS `random_seed` (default 0). */
  seed?: number;
}

/** Options for loading the Wasm runtime (see `configureHighs`). */
export interface HighsLoaderConfig {
  /** Maps an asset file name (`highs.wasm`) to its URL or path. */
  locateFile?: (file: string) => string;
}

let loaderConfig: HighsLoaderConfig = {};
let highsPromise: Promise<Highs> | undefined;

/**
 * Sets how the HiGHS Wasm runtime is located. Call before the first solve (a later call takes effect for the
 * next load only if HiGHS is not loaded yet).
 * @param config `locateFile` returning the URL of `highs.wasm`, e.g. from Vite's `highs/runtime?url` import
 */
export function configureHighs(config: HighsLoaderConfig): void {
  loaderConfig = { ...config };
  highsPromise = undefined;
}

/** Loads HiGHS once per thread; later calls return the same runtime. */
export function loadHighsRuntime(): Promise<Highs> {
  if (!highsPromise) {
    const config = loaderConfig.locateFile ? { locateFile: loaderConfig.locateFile } : {};
    highsPromise = loadHighs(config).catch((error: unknown) => {
      highsPromise = undefined;
      throw error;
    });
  }
  return highsPromise;
}

const STATUS_TEXT: Record<number, string> = {
  0: 'Not set',
  1: 'Load error',
  2: 'Model error',
  3: 'Presolve error',
  4: 'Solve error',
  5: 'Postsolve error',
  6: 'Empty',
  7: 'Optimal',
  8: 'Infeasible',
  9: 'Primal infeasible or unbounded',
  10: 'Unbounded',
  11: 'Bound on objective reached',
  12: 'Target for objective reached',
  13: 'Time limit reached',
  14: 'Iteration limit reached',
  15: 'Unknown',
  16: 'Solution limit reached',
  17: 'Interrupted',
};

function now(): number {
  return performance.now() / 1000;
}

function infoNumber(model: Model, name: string): number {
  try {
    return Number(model.info.get(name));
  } catch {
    return NaN;
  }
}

/** Maps a HiGHS model status code to MipStatus; status 9 (infeasible or unbounded) is reported as infeasible. */
function mapStatus(code: number): MipStatus {
  if (code === 7 || code === 6) return 'optimal';
  if (code === 8 || code === 9) return 'infeasible';
  if (code === 10) return 'unbounded';
  if (code >= 11 && code <= 17 && code !== 15) return 'time-limit';
  return 'error';
}

/**
 * Solves a linear or mixed-integer program given in CPLEX LP text with HiGHS (branch-and-cut for a MIP, dual
 * simplex for an LP). Blocking once started (run it in a Worker in the browser); returns a Promise only because
 * the Wasm runtime loads asynchronously the first time.
 *
 * @param lpText the model in CPLEX LP format (see `LpBuilder`)
 * @param options time limit in seconds, LP relaxation, gap tolerances, warm start, stop and progress callbacks
 * @returns status, objective, best proven bound, gap, column values by name, seconds
 * @example
 * const r = await solveMip('Minimize\n obj: x + y\nSubject To\n c: x + y >= 1\nBinaries\n x y\nEnd\n', {});
 * r.status; // 'optimal'
 * r.objective; // 1
 */
export async function solveMip(lpText: string, options: MipOptions = {}): Promise<MipResult> {
  const start = now();
  let highs: Highs;
  try {
    highs = await loadHighsRuntime();
  } catch (error) {
    return failure(`Could not load HiGHS: ${String(error)}`, start);
  }
  let model: Model | undefined;
  try {
    model = highs.createModel({ format: 'lp', data: lpText });
    const settings: Record<string, number | boolean | string> = { output_flag: false };
    if (options.timeLimitSec !== undefined && Number.isFinite(options.timeLimitSec)) {
      settings.time_limit = Math.max(0, options.timeLimitSec);
    }
    if (options.mipRelGap !== undefined) settings.mip_rel_gap = options.mipRelGap;
    if (options.mipAbsGap !== undefined) settings.mip_abs_gap = options.mipAbsGap;
    if (options.seed !== undefined) settings.random_seed = options.seed >>> 0;
    model.options.set(settings);
    const numCols = model.getDimensions().numCols;
    if (options.relax) model.clearIntegrality();
    if (options.start && options.start.size > 0 && !options.relax) {
      const index: number[] = [];
      const value: number[] = [];
      for (const [name, v] of options.start) {
        index.push(model.getColByName(name));
        value.push(v);
      }
      const order = index.map((_, k) => k).sort((a, b) => index[a] - index[b]);
      model.setSolution({ indices: order.map((k) => index[k]), values: order.map((k) => value[k]) });
    }
    const run = model.run(callbacks(highs, options));
    const code = run.modelStatus;
    const status = mapStatus(code);
    const hasPrimal = infoNumber(model, 'primal_solution_status') === 2;
    const isMip = !options.relax && hasIntegers(model, numCols);
    const objective = hasPrimal ? model.getObjectiveValue() : NaN;
    let bound = NaN;
    let gap = NaN;
    if (isMip) {
      bound = infoNumber(model, 'mip_dual_bound');
      gap = infoNumber(model, 'mip_gap');
      if (!Number.isFinite(bound)) bound = NaN;
      if (!Number.isFinite(gap)) gap = NaN;
    } else if (status === 'optimal') {
      bound = objective;
      gap = 0;
    }
    const values = new Map<string, number>();
    if (hasPrimal) {
      const colValue = model.getSolution().colValue;
      for (let j = 0; j < numCols; j++) values.set(model.getColName(j), colValue[j]);
    }
    return { status, objective, bound, gap, values, seconds: now() - start, message: STATUS_TEXT[code] };
  } catch (error) {
    return failure(error instanceof Error ? error.message : String(error), start);
  } finally {
    model?.dispose();
  }
}

function failure(message: string, start: number): MipResult {
  return {
    status: 'error',
    objective: NaN,
    bound: NaN,
    gap: NaN,
    values: new Map(),
    seconds: now() - start,
    message,
  };
}

/** True when some column is integer (the model is a MIP). */
function hasIntegers(model: Model, numCols: number): boolean {
  for (let j = 0; j < numCols; j++) if (model.getColIntegrality(j) !== 0) return true;
  return false;
}

/** The MIP callbacks needed for `shouldStop` and `onProgress` (none when neither is given). */
function callbacks(highs: Highs, options: MipOptions): HighsCallbackMap | undefined {
  const { shouldStop, onProgress } = options;
  if (!shouldStop && !onProgress) return undefined;
  const types = highs.constants.callbackType;
  const map: HighsCallbackMap = {
    ...(shouldStop && {
      [types.mipInterrupt]: (event) => {
        if (shouldStop()) event.interrupt();
        return undefined;
      },
    }),
    ...(onProgress && {
      [types.mipLogging]: (event) => {
        const data = event.data;
        onProgress({
          objective: data.mip_primal_bound ?? NaN,
          bound: data.mip_dual_bound ?? NaN,
          gap: data.mip_gap ?? NaN,
          seconds: data.running_time ?? NaN,
        });
        return undefined;
      },
    }),
  };
  return map;
}
