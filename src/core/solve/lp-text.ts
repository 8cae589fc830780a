/**
 * Builder of linear programs in CPLEX LP text format, the format `solveMip` reads (HiGHS `readModel`, format "lp").
 *
 * Large models (a p-median assignment model has demand x candidates columns) are streamed into an array of
 * string chunks that is joined once by `toString()`, so building costs linear time and no quadratic string
 * concatenation. Long rows are broken across lines (LP format treats newlines inside a section as spaces).
 *
 * Variable names must start with a letter other than `e`/`E` and contain only letters, digits and `_`
 * (e.g. `x12`, `y3_4`); the builder checks this, since a bad name otherwise fails deep inside the parser.
 */

/** Relational operator of a constraint row. */
export type LpOperator = '<=' | '>=' | '=';

const NAME = /^[A-DF-Za-df-z_][A-Za-z0-9_]*$/;
/** Terms per physical line inside one expression. */
const TERMS_PER_LINE = 16;

/** Formats a number for LP text: finite, shortest round-trip form (no exponent surprises for integers). */
function num(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`LP coefficient must be finite, got ${value}.`);
  return String(value);
}

function checkName(name: string): void {
  if (!NAME.test(name)) {
    throw new Error(`LP name "${name}" is invalid: expected a letter (not e/E) or _ then letters, digits or _.`);
  }
}

/**
 * Appends `c1 v1 + c2 v2 ...` to `out`; zero coefficients are skipped; returns how many terms were written.
 * Coefficients of 1 and -1 are written without the number.
 */
function writeTerms(
  out: string[],
  names: readonly string[],
  coefs: ArrayLike<number> | number,
  first: boolean,
  check: boolean,
): number {
  let written = 0;
  for (let k = 0; k < names.length; k++) {
    const c = typeof coefs === 'number' ? coefs : coefs[k];
    if (c === 0) continue;
    const name = names[k];
    if (check) checkName(name);
    const abs = Math.abs(c);
    const sign = c < 0 ? '-' : first && written === 0 ? '' : '+';
    const coefText = abs === 1 ? '' : `${num(abs)} `;
    const sep = written > 0 && written % TERMS_PER_LINE === 0 ? '\n   ' : ' ';
    out.push(`${sep}${sign}${sign ? ' ' : ''}${coefText}${name}`);
    written++;
  }
  return written;
}

/**
 * Streams a linear or mixed-integer program into CPLEX LP text.
 *
 * Call order is free: the objective, constraints, bounds and integrality lists are kept in separate chunk
 * arrays and assembled in the section order LP format requires. A variable without a bound line gets the LP
 * default bounds [0, +inf); binaries are [0, 1] integers.
 *
 * @example
 * const lp = new LpBuilder('minimize');
 * lp.objective(['x', 'y'], [1, 2]);
 * lp.constraint('c1', ['x', 'y'], 1, '>=', 1);
 * lp.binaries(['x', 'y']);
 * const text = lp.toString(); // "Minimize\n obj: x + 2 y\nSubject To\n c1: x + y >= 1\n..."
 */
export class LpBuilder {
  private readonly sense: 'minimize' | 'maximize';
  private readonly objectiveChunks: string[] = [];
  private objectiveTerms = 0;
  private readonly rowChunks: string[] = [];
  private readonly boundChunks: string[] = [];
  private readonly binaryChunks: string[] = [];
  private readonly generalChunks: string[] = [];
  private rowCount = 0;
  /** Set when an empty row or objective needs the placeholder variable `x_empty_row_` (fixed at 0). */
  private needsEmptyRowVariable = false;
  /** When false, names are not validated (faster for generated names known to be valid). */
  private readonly checkNames: boolean;

  /**
   * @param sense whether the objective is minimised or maximised
   * @param options.checkNames validate every name (default true; turn off for generated `x123`-style names)
   */
  constructor(sense: 'minimize' | 'maximize', options: { checkNames?: boolean } = {}) {
    this.sense = sense;
    this.checkNames = options.checkNames ?? true;
  }

  /** Number of constraint rows added so far. */
  get rows(): number {
    return this.rowCount;
  }

  /**
   * Adds terms to the objective (may be called many times; terms accumulate).
   * @param names variable names
   * @param coefs one coefficient per name, or one number for all
   */
  objective(names: readonly string[], coefs: ArrayLike<number> | number): this {
    this.objectiveTerms += writeTerms(this.objectiveChunks, names, coefs, this.objectiveTerms === 0, this.checkNames);
    return this;
  }

  /**
   * Adds the row `sum coefs[k] * names[k]  op  rhs`.
   * @param name row name, unique (e.g. `assign12`)
   * @param names variable names of the row's nonzeros
   * @param coefs one coefficient per name, or one number for all
   * @param op `<=`, `>=` or `=`
   * @param rhs right-hand side, finite
   */
  constraint(
    name: string,
    names: readonly string[],
    coefs: ArrayLike<number> | number,
    op: LpOperator,
    rhs: number,
  ): this {
    if (this.checkNames) checkName(name);
    const chunks: string[] = [` ${name}:`];
    const written = writeTerms(chunks, names, coefs, true, this.checkNames);
    if (written === 0) chunks.push(' 0 x_empty_row_');
    chunks.push(` ${op} ${num(rhs)}\n`);
    this.rowChunks.push(chunks.join(''));
    if (written === 0) this.needsEmptyRowVariable = true;
    this.rowCount++;
    return this;
  }

  /**
   * Sets the bounds of a variable; use -Infinity / Infinity for a free side.
   * @param name variable name
   * @param lower lower bound (default LP lower bound is 0)
   * @param upper upper bound
   */
  bound(name: string, lower: number, upper: number): this {
    if (this.checkNames) checkName(name);
    const lo = lower === -Infinity ? '-inf' : num(lower);
    const hi = upper === Infinity ? '+inf' : num(upper);
    if (lower === upper) this.boundChunks.push(` ${name} = ${lo}\n`);
    else this.boundChunks.push(` ${lo} <= ${name} <= ${hi}\n`);
    return this;
  }

  /** Declares variables binary (integer in [0, 1]). */
  binaries(names: readonly string[]): this {
    this.pushNames(this.binaryChunks, names);
    return this;
  }

  /** Declares variables general integers (bounds from `bound`, default [0, +inf)). */
  generals(names: readonly string[]): this {
    this.pushNames(this.generalChunks, names);
    return this;
  }

  private pushNames(out: string[], names: readonly string[]): void {
    for (let k = 0; k < names.length; k++) {
      if (this.checkNames) checkName(names[k]);
      out.push(k % TERMS_PER_LINE === 0 ? `\n ${names[k]}` : ` ${names[k]}`);
    }
  }

  /** Assembles the LP text (sections in the order LP format requires), joining all chunks once. */
  toString(): string {
    const parts: string[] = [this.sense === 'minimize' ? 'Minimize\n obj:' : 'Maximize\n obj:'];
    if (this.objectiveTerms === 0) parts.push(' 0 x_empty_row_');
    for (const c of this.objectiveChunks) parts.push(c);
    parts.push('\nSubject To\n');
    for (const c of this.rowChunks) parts.push(c);
    parts.push('Bounds\n');
    for (const c of this.boundChunks) parts.push(c);
    if (this.needsEmptyRowVariable || this.objectiveTerms === 0) parts.push(' x_empty_row_ = 0\n');
    // (No spread: a national model has hundreds of thousands of chunks, past the engine's argument limit.)
    for (const [title, chunks] of [
      ['Binaries', this.binaryChunks],
      ['Generals', this.generalChunks],
    ] as const) {
      if (chunks.length === 0) continue;
      parts.push(title);
      for (const c of chunks) parts.push(c);
      parts.push('\n');
    }
    parts.push('End\n');
    return parts.join('');
  }
}
