/**
 * Real GDAL (Debian's gdal-bin, installed by .ci/run) in the tests: `ogrinfo -ro -al -so` reads an export and
 * summarises it. Shared by the unit tests of the writers and the CLI and by the browser test of the app's exports.
 */
import { execFileSync, spawnSync } from 'node:child_process';

/** True when `ogrinfo` runs here. Under CI it must: a missing GDAL fails there instead of skipping the checks. */
export function hasOgrinfo(): boolean {
  try {
    execFileSync('ogrinfo', ['--version']);
    return true;
  } catch {
    if (process.env.CI) throw new Error('ogrinfo (gdal-bin) is required under CI: .ci/run installs it');
    return false;
  }
}

/** `ogrinfo -ro -al -so FILE`: exit status, summary and whatever GDAL wrote on stderr (trimmed). */
export function ogrinfo(
  file: string,
  extra: string[] = [],
): { status: number | null; summary: string; stderr: string } {
  const run = spawnSync('ogrinfo', ['-ro', '-al', '-so', ...extra, file], { encoding: 'utf8' });
  return { status: run.status, summary: run.stdout, stderr: run.stderr.trim() };
}

/** Field names of a summary, in order (`name: Type (w.p)` lines after the geometry). */
export function ogrFields(summary: string): string[] {
  return [...summary.matchAll(/^(\w+): (String|Integer|Integer64|Real|Date|Integer\(Boolean\)|StringList)/gm)].map(
    (m) => m[1],
  );
}
