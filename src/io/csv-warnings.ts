/**
 * Warnings of a CSV point file whose rows are still read: a column name given twice, an unterminated quote that
 * swallows the rest of the file, and GBK text with broken byte sequences. Each is one {@link InputProblem} of the
 * result's `warnings`, saying what was used or kept.
 */
import type Papa from 'papaparse';
import { problem, WHOLE_FILE, type InputProblem } from './problems';

/**
 * One warning per column name (compared case-insensitively, trimmed) that appears more than once; the reader uses
 * the first such column.
 * @param header the header cells, trimmed
 */
export function duplicateColumns(header: readonly string[], file: string): InputProblem[] {
  const byName = new Map<string, number[]>();
  header.forEach((name, k) => {
    if (name === '') return;
    const key = name.toLowerCase();
    const list = byName.get(key) ?? [];
    list.push(k + 1);
    byName.set(key, list);
  });
  const out: InputProblem[] = [];
  for (const columns of byName.values()) {
    if (columns.length < 2) continue;
    out.push(
      problem(file, 'row 1', header[columns[0] - 1], 'duplicateColumn', {
        name: header[columns[0] - 1],
        count: String(columns.length),
        columns: columns.join(', '),
        used: String(columns[0]),
      }),
    );
  }
  return out;
}

/**
 * The warning for an unterminated quote (papaparse `MissingQuotes`): everything from its row to the end of the
 * file is one cell. Rows are counted as lines (exact when no earlier cell holds a line break).
 * @param body the decoded text
 */
export function quoteToEnd(errors: readonly Papa.ParseError[], body: string, file: string): InputProblem[] {
  const missing = errors.find((error) => error.code === 'MissingQuotes');
  if (missing === undefined) return [];
  const row = (missing.row ?? 0) + 1;
  let lines = 1;
  for (let k = body.indexOf('\n'); k >= 0 && k < body.length - 1; k = body.indexOf('\n', k + 1)) lines++;
  return [
    problem(file, `row ${row}`, undefined, 'quoteToEnd', {
      row: String(row),
      lines: String(Math.max(1, lines - row + 1)),
    }),
  ];
}

/**
 * Byte offsets (0-based, from the start of the file) of the first broken GB18030/GBK sequence of each line
 * (1-based), after the WHATWG gb18030 decoder: a byte 0x80 or 0xFF, or a lead byte 0x81-0xFE not followed by a
 * trail byte 0x40-0xFE (except 0x7F) or by a four-byte sequence [0x30-0x39][0x81-0xFE][0x30-0x39].
 */
export function brokenGbkLines(bytes: Uint8Array): Map<number, number> {
  const out = new Map<number, number>();
  let line = 1;
  const bad = (at: number) => {
    if (!out.has(line)) out.set(line, at);
  };
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x0a) line++;
    if (b < 0x80) continue;
    if (b === 0x80 || b === 0xff) {
      bad(i);
      continue;
    }
    const n = bytes[i + 1] ?? -1;
    if (n >= 0x40 && n <= 0xfe && n !== 0x7f) i++;
    else if (n >= 0x30 && n <= 0x39 && inRange(bytes[i + 2], 0x81, 0xfe) && inRange(bytes[i + 3], 0x30, 0x39)) i += 3;
    else bad(i);
  }
  return out;
}

function inRange(b: number | undefined, low: number, high: number): boolean {
  return b !== undefined && b >= low && b <= high;
}

/**
 * The warning for rows with broken GBK bytes: how many, the first row and byte, and how many of them were kept
 * (with U+FFFD in place of the broken bytes) or skipped for another problem.
 * @param kept for each broken row, whether the reader kept it
 */
export function brokenTextWarning(
  broken: Map<number, number>,
  kept: ReadonlyMap<number, boolean>,
  file: string,
): InputProblem[] {
  if (broken.size === 0) return [];
  const [row, byte] = broken.entries().next().value as [number, number];
  let keptRows = 0;
  for (const line of broken.keys()) if (kept.get(line) !== false) keptRows++;
  return [
    problem(file, WHOLE_FILE, undefined, 'brokenText', {
      count: String(broken.size),
      row: String(row),
      byte: String(byte),
      kept: String(keptRows),
      skipped: String(broken.size - keptRows),
    }),
  ];
}
