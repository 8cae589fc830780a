/**
 * The corpus of broken input files (tests/fixtures/bad) and what each must produce: read by the parser test and
 * the CLI test. `expected.json` maps each file to the reader, its options and either the error (a substring of the
 * InputError reason) or the kept count and the exact problems.
 */
import { readFileSync } from 'node:fs';

export const BAD_DIR = 'tests/fixtures/bad';

/** Expected outcome of one broken file. */
export interface BadCase {
  reader: 'points' | 'osrm';
  options?: {
    withStatus?: boolean;
    weightField?: string;
    rows?: number;
    cols?: number;
    field?: 'durations';
    /** Excel: the sheet (`--sheet`). */
    sheet?: string;
    /** GeoPackage: the layer (`--layer`). */
    layer?: string;
  };
  /** The file is unusable: the InputError reason contains this. */
  error?: string;
  /** Else: points kept and the problems listed, in order. */
  kept?: number;
  problems?: { location: string; field?: string; message: string }[];
  /** Warnings about rows that were kept (duplicate columns, points outside China, ...), in order. */
  warnings?: { location: string; field?: string; message: string }[];
}

/** The corpus, by file name. */
export function badCorpus(): [string, BadCase][] {
  const expected = JSON.parse(readFileSync(`${BAD_DIR}/expected.json`, 'utf8')) as Record<string, BadCase>;
  return Object.entries(expected);
}

/** The bytes of a corpus file. */
export function badBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(`${BAD_DIR}/${name}`));
}
