/**
 * A small, strict command-line parser driven by a table of options, so that `--help` and the checks come from
 * one place. Accepts `--name value` and `--name=value`; flags take no value. Every mistake throws a
 * {@link UsageError} whose message is one line saying which option and what was expected.
 */

/** Kinds of option values. `choice` takes one of `choices`. */
export type OptionKind = 'string' | 'file' | 'int' | 'number' | 'flag' | 'choice';

/** One option of a command. */
export interface OptionSpec {
  /** Long name without dashes, e.g. `time-limit`. */
  name: string;
  kind: OptionKind;
  /** Placeholder in the help, e.g. `SECONDS`. */
  value?: string;
  /** Allowed values of a `choice` option. */
  choices?: readonly string[];
  /** Smallest allowed value of an `int` or `number` option (inclusive unless `minExclusive`). */
  min?: number;
  minExclusive?: boolean;
  /** Largest allowed value of an `int` or `number` option (inclusive). */
  max?: number;
  /** One or more lines of help. */
  help: string;
}

/** Parsed values by option name: strings, numbers, or true for flags. Absent options are absent. */
export type ParsedArgs = Map<string, string | number | boolean>;

/** A mistake on the command line; the message is the whole explanation. Exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * Parses `argv` (without the node and script paths) against `specs`.
 * @throws UsageError on an unknown option, a missing or bad value, a repeated option or a positional argument
 */
export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[]): ParsedArgs {
  const byName = new Map(specs.map((spec) => [spec.name, spec]));
  const out: ParsedArgs = new Map();
  for (let k = 0; k < argv.length; k++) {
    const token = argv[k];
    if (!token.startsWith('--')) {
      throw new UsageError(`unexpected argument "${token}"; options start with -- (see --help)`);
    }
    const eq = token.indexOf('=');
    const name = token.slice(2, eq < 0 ? undefined : eq);
    const spec = byName.get(name);
    if (spec === undefined) throw new UsageError(`unknown option --${name} (see --help)`);
    if (out.has(name)) throw new UsageError(`--${name} is given twice`);
    if (spec.kind === 'flag') {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      out.set(name, true);
      continue;
    }
    let text: string;
    if (eq >= 0) text = token.slice(eq + 1);
    else {
      const next = argv[k + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) {
        throw new UsageError(`--${name} needs a value (${describe(spec)})`);
      }
      text = next;
      k++;
    }
    out.set(name, convert(spec, text));
  }
  return out;
}

function convert(spec: OptionSpec, text: string): string | number {
  const name = `--${spec.name}`;
  if (spec.kind === 'string' || spec.kind === 'file') {
    if (text.trim() === '') throw new UsageError(`${name} needs a non-empty value (${describe(spec)})`);
    return text;
  }
  if (spec.kind === 'choice') {
    const choices = spec.choices ?? [];
    if (!choices.includes(text)) throw new UsageError(`${name} must be one of ${choices.join(', ')}, got "${text}"`);
    return text;
  }
  const value = Number(text);
  const integer = spec.kind === 'int';
  if (text.trim() === '' || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
    throw new UsageError(`${name} expects ${describe(spec)}, got "${text}"`);
  }
  const belowMin = spec.min !== undefined && (spec.minExclusive ? value <= spec.min : value < spec.min);
  if (belowMin || (spec.max !== undefined && value > spec.max)) {
    throw new UsageError(`${name} expects ${describe(spec)}, got "${text}"`);
  }
  return value;
}

/** What a value should look like, for messages: "an integer >= 1", "a number in (0, 1]". */
function describe(spec: OptionSpec): string {
  if (spec.kind === 'choice') return `one of ${(spec.choices ?? []).join(', ')}`;
  if (spec.kind === 'string' || spec.kind === 'file') return spec.value ?? 'a value';
  const what = spec.kind === 'int' ? 'an integer' : 'a number';
  const { min, max } = spec;
  if (min !== undefined && max !== undefined) return `${what} in ${spec.minExclusive ? '(' : '['}${min}, ${max}]`;
  if (min !== undefined) return `${what} ${spec.minExclusive ? '>' : '>='} ${min}`;
  if (max !== undefined) return `${what} <= ${max}`;
  return what;
}

/** Widest option column of a help text; a longer option name puts its help on the next line. */
const HELP_COLUMN_MAX = 26;

/** The option list of a help text: one entry per option, help lines indented and aligned. */
export function formatOptions(specs: readonly OptionSpec[]): string {
  const heads = specs.map((spec) => {
    const value = spec.kind === 'flag' ? '' : ` ${spec.value ?? spec.choices?.join('|') ?? 'VALUE'}`;
    return `  --${spec.name}${value}`;
  });
  const width = Math.min(HELP_COLUMN_MAX, Math.max(...heads.map((head) => head.length)) + 2);
  const indent = ' '.repeat(width);
  return specs
    .map((spec, k) => {
      const lines = spec.help.split('\n').map((line) => indent + line);
      const head = heads[k];
      if (head.length + 2 > width) return [head, ...lines].join('\n');
      return [head.padEnd(width) + lines[0].trimStart(), ...lines.slice(1)].join('\n');
    })
    .join('\n');
}
