import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** Each layer rule of eslint.config.js on a bad import (it must fail) and on an allowed one (it must pass). */
const CASES: { file: string; bad: string; good: string; rule: string }[] = [
  {
    file: 'src/core/solve/p-median/example.ts',
    bad: "import { fetchOk } from '../../../data/fetch-villages';\nexport const f = fetchOk;\n",
    good: "import { createRandom } from '../../../core/random';\nexport const f = createRandom;\n",
    rule: 'no-restricted-imports',
  },
  {
    file: 'src/core/plan-example.ts',
    bad: "import { readPointsFile } from '../io/read-points';\nexport const f = readPointsFile;\n",
    good: "import { createRandom } from './random';\nexport const f = createRandom;\n",
    rule: 'no-restricted-imports',
  },
  {
    file: 'src/core/dom-example.ts',
    bad: 'export const width = () => window.innerWidth;\n',
    good: 'export const width = () => Math.max(1, 2);\n',
    rule: 'no-restricted-globals',
  },
  {
    file: 'src/io/example.ts',
    bad: "import { t } from '../ui/i18n';\nexport const f = t;\n",
    good: "import { createRandom } from '../core/random';\nexport const f = createRandom;\n",
    rule: 'no-restricted-imports',
  },
  {
    file: 'src/data/example.ts',
    bad: "import { villagePoints } from '../map/village-colours';\nexport const f = villagePoints;\n",
    good: "import { createRandom } from '../core/random';\nexport const f = createRandom;\n",
    rule: 'no-restricted-imports',
  },
  {
    file: 'workers/example.worker.ts',
    bad: "import { ImportFlow } from '../src/app/import/flow';\nexport const f = ImportFlow;\n",
    good: "import { readPointsFile } from '../src/io/read-points';\nexport const f = readPointsFile;\n",
    rule: 'no-restricted-imports',
  },
  {
    file: 'src/ui/example.ts',
    bad: "import { throttle } from '../../workers/toolkit';\nexport const f = throttle;\n",
    good: "import type { PlannerService } from '../../workers/planner-service';\nexport type S = PlannerService;\n",
    rule: '@typescript-eslint/no-restricted-imports',
  },
  {
    file: 'src/map/example.ts',
    bad: "import { throttle } from '../../workers/toolkit';\nexport const f = throttle;\n",
    good: "import type { PlannerService } from '../../workers/planner-service';\nexport type S = PlannerService;\n",
    rule: '@typescript-eslint/no-restricted-imports',
  },
];

describe('layer rules in eslint.config.js', () => {
  const eslint = new ESLint();
  it.each(CASES)('$file: a bad import fails with $rule, an allowed one passes', async ({ file, bad, good, rule }) => {
    const [badResult] = await eslint.lintText(bad, { filePath: file });
    expect(badResult.messages.map((m) => m.ruleId)).toContain(rule);
    const [goodResult] = await eslint.lintText(good, { filePath: file });
    expect(goodResult.messages.filter((m) => m.ruleId?.includes('restricted'))).toEqual([]);
  });
});
