/** The rollout as `npm run rollout` computes it, in the test process: the engine figures the pages must show. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mergeVillageTables } from '../../src/core/live/national';
import type { RolloutParams, RolloutResult } from '../../src/core/rollout/rollout-types';
import { runRollout } from '../../src/core/rollout/run';
import { countyNamesFromMatchTable } from '../../src/data/county-names';
import { DEFAULT_DATA_DIR, readManifest, readProvinceVillages } from '../../src/data/node-files';

/** `runRollout` on every province file merged in manifest order, with county names from the match table, as the worker. */
export function nodeRollout(params: RolloutParams): RolloutResult {
  const { table } = mergeVillageTables(readManifest().provinces.map((p) => readProvinceVillages(p.code)));
  const names = countyNamesFromMatchTable(readFileSync(join(DEFAULT_DATA_DIR, 'county-match.csv'), 'utf8'));
  return runRollout({ villages: table, countyNames: table.counties.map((c) => names.get(c) ?? ''), params });
}
