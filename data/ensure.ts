/**
 * Builds public/data only when it is missing or stale (run by `npm start`, `npm test` and `npm run build`):
 * stale when the manifest is missing or unreadable, was built from other pipeline sources or package versions
 * (builderHash), covers only some provinces, or lists a file that is missing or has another size.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseManifest, type Manifest } from '../src/data/manifest';
import { builderHash } from './builder-hash';
import { DEFAULT_OUT_DIR } from './sources';

/** Why the dataset in `dir` must be rebuilt, or null when it is up to date. */
export function staleReason(dir: string = DEFAULT_OUT_DIR): string | null {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) return 'no manifest.json';
  let manifest: Manifest;
  try {
    manifest = parseManifest(JSON.parse(readFileSync(path, 'utf8')));
  } catch (error) {
    return `unreadable manifest.json (${(error as Error).message})`;
  }
  if (manifest.builderHash !== builderHash()) return 'the pipeline sources or input packages changed (builderHash)';
  if (manifest.subset !== null) return `it holds only provinces ${manifest.subset.join(', ')}`;
  for (const file of manifest.files) {
    const target = join(dir, file.path);
    if (!existsSync(target)) return `${file.path} is missing`;
    if (statSync(target).size !== file.bytes)
      return `${file.path} has ${statSync(target).size} bytes, not ${file.bytes}`;
  }
  return null;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const reason = staleReason();
  if (reason === null) {
    console.log('public/data is up to date.');
  } else {
    console.log(`public/data must be built: ${reason}.`);
    const { buildDataset } = await import('./build');
    await buildDataset({ outDir: DEFAULT_OUT_DIR, provinces: null });
  }
}
