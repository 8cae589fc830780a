/**
 * The builder hash: SHA-256 of the data pipeline's source files (data/*.ts, data/*.json, src/data/*.ts, by
 * path and content, in path order) and of the versions of the input and tool packages. data/ensure.ts rebuilds the
 * dataset when the manifest's hash differs from this one. Kept free of heavy imports so ensure stays fast.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  BOUNDARY_PACKAGE,
  GEOMETRY_PACKAGE,
  packageVersion,
  PROJECT_ROOT,
  REGISTRY_PACKAGE,
  TILE_PACKAGES,
} from './sources';

/** Project-relative paths of the files the hash covers, sorted. */
export function builderSourceFiles(): string[] {
  const list = (dir: string, pattern: RegExp) =>
    readdirSync(join(PROJECT_ROOT, dir))
      .filter((name) => pattern.test(name))
      .map((name) => `${dir}/${name}`);
  return [...list('data', /\.(ts|json)$/), ...list('src/data', /\.ts$/)].sort();
}

/** The current builder hash, 64 hex digits. */
export function builderHash(): string {
  const hash = createHash('sha256');
  for (const path of builderSourceFiles()) {
    hash.update(`${path}\n`);
    hash.update(readFileSync(join(PROJECT_ROOT, path)));
    hash.update('\n');
  }
  for (const name of [REGISTRY_PACKAGE, BOUNDARY_PACKAGE, GEOMETRY_PACKAGE, ...TILE_PACKAGES])
    hash.update(`${name}@${packageVersion(name)}\n`);
  return hash.digest('hex');
}
