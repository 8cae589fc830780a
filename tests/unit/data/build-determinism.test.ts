import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staleReason } from '../../../data/ensure';
import { readManifest, readProvinceVillages } from '../../../src/data/node-files';
import { PROJECT_ROOT } from './dataset';

function build(out: string): void {
  const result = spawnSync('npx', ['tsx', 'data/build.ts', '--out', out, '--provinces', '33'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`build failed: ${result.stderr}`);
}

function files(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path).map((f) => join(name, f)) : [name];
    })
    .sort();
}

describe('data/build.ts --provinces 33', () => {
  let root: string;
  let a: string;
  let b: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'data-build-'));
    a = join(root, 'a');
    b = join(root, 'b');
    build(a);
    build(b);
  }, 60_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('gives byte-identical output on two runs', () => {
    expect(files(a)).toEqual(files(b));
    for (const file of files(a)) {
      expect(readFileSync(join(a, file)).equals(readFileSync(join(b, file))), relative(root, join(a, file))).toBe(true);
    }
  });

  it('counts only the subset in its manifest, and says so', () => {
    const manifest = readManifest(a);
    expect(manifest.subset).toEqual(['33']);
    expect(manifest.provinces.map((p) => p.code)).toEqual(['33']);
    expect(manifest.counts.provinces).toBe(1);
    expect(manifest.counts.villages).toBe(readProvinceVillages('33', a).count);
    expect(files(a).filter((f) => f.startsWith('villages'))).toEqual(['villages/33.bin', 'villages/33.names.json']);
  });

  it('is seen as stale by data/ensure.ts for public/data, and when a file is missing or resized', () => {
    expect(staleReason(a)).toMatch(/only provinces 33/);
    const manifestPath = join(a, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, subset: null }));
    expect(staleReason(a)).toBeNull();
    const csv = readFileSync(join(a, 'county-match.csv'));
    writeFileSync(join(a, 'county-match.csv'), 'changed');
    expect(staleReason(a)).toMatch(/county-match.csv has 7 bytes/);
    writeFileSync(join(a, 'county-match.csv'), csv);
    rmSync(join(a, 'villages', '33.bin'));
    expect(staleReason(a)).toMatch(/villages\/33.bin is missing/);
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, subset: null, builderHash: '0'.repeat(64) }));
    expect(staleReason(a)).toMatch(/builderHash/);
    rmSync(manifestPath);
    expect(staleReason(a)).toBe('no manifest.json');
  });
});
