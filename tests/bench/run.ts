/**
 * `npm run bench [-- --only NAME]`: runs the benchmark sections and prints one table and a summary per model.
 * Sections are modules of this folder that export `run(): Promise<BenchRow[]>`: first `pmed` (OR-Library p-median,
 * Beasley 1990), `sjc` (Sao Jose dos Campos max-coverage instance, Lorena & Pereira 2002), `national` (the embedded
 * villages) and `drag` (drag-to-metrics latency of the live coverage evaluator), then any other module here with a
 * `run` export, by name. A listed section whose file is not there yet is reported as missing; one that throws is
 * reported and the others still run. Prints figures only; the exit code never depends on time or gaps.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatSummary, formatTable, summarize, type BenchRow } from './table';

/** Section names in run order. */
export const SECTIONS = ['pmed', 'sjc', 'national', 'drag', 'map'] as const;

interface Section {
  run: () => Promise<BenchRow[]>;
}

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Every section name: the listed ones, then the other modules of this folder that export `run` (found by reading
 * their text, so helper modules are not imported), by name.
 * @param dir folder of the sections
 */
export function sectionNames(dir = here): string[] {
  const others = readdirSync(dir)
    .filter((file) => file.endsWith('.ts') && !['run.ts', 'table.ts'].includes(file))
    .map((file) => file.slice(0, -3))
    .filter((name) => !(SECTIONS as readonly string[]).includes(name))
    .filter((name) => /export\s+(async\s+)?function\s+run\s*\(/.test(readFileSync(join(dir, `${name}.ts`), 'utf8')))
    .sort();
  return [...SECTIONS, ...others];
}

/** Runs the sections (all, or the one named) and returns their rows, with a row noting each failure. */
export async function runSections(
  names: readonly string[],
  log: (line: string) => void,
  dir = here,
): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const name of names) {
    const file = join(dir, `${name}.ts`);
    if (!existsSync(file)) {
      log(`bench: section ${name} (tests/bench/${name}.ts) is not there yet; skipped`);
      continue;
    }
    log(`bench: running ${name}...`);
    const started = performance.now();
    try {
      const section = (await import(pathToFileURL(file).href)) as Partial<Section>;
      if (typeof section.run !== 'function') throw new Error(`tests/bench/${name}.ts exports no run()`);
      rows.push(...(await section.run()));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const seconds = (performance.now() - started) / 1000;
      rows.push({ instance: name, model: '(section failed)', objective: NaN, seconds, note: message.split('\n')[0] });
    }
  }
  return rows;
}

async function main(argv: string[]): Promise<number> {
  const all = sectionNames();
  let names: readonly string[] = all;
  if (argv.length > 0) {
    if (argv[0] !== '--only' || argv.length !== 2 || !all.includes(argv[1])) {
      process.stderr.write(`bench: usage: npm run bench [-- --only ${all.join('|')}]\n`);
      return 2;
    }
    names = [argv[1]];
  }
  const rows = await runSections(names, (line) => process.stderr.write(`${line}\n`));
  process.stdout.write(`${formatTable(rows)}\n\nSummary\n${formatSummary(summarize(rows))}\n`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
