import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSections, sectionNames, SECTIONS } from '../../bench/run';

describe('bench runner', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ruralreach-bench-'));
  writeFileSync(
    join(dir, 'extra.ts'),
    "export async function run() { return [{ instance: 'a', model: 'm', objective: 2, optimum: 2, seconds: 0.1 }]; }\n",
  );
  writeFileSync(join(dir, 'broken.ts'), "export async function run() { throw new Error('no data\\nmore'); }\n");
  writeFileSync(join(dir, 'helper.ts'), 'export const x = 1;\n');

  it('lists the known sections first, then other modules with a run export', () => {
    expect(SECTIONS.slice(0, 3)).toEqual(['pmed', 'sjc', 'national']);
    expect(sectionNames(dir)).toEqual([...SECTIONS, 'broken', 'extra']);
  });

  it('runs sections, notes missing and failing ones, and keeps going', async () => {
    const log: string[] = [];
    const rows = await runSections(['pmed', 'broken', 'extra'], (line) => log.push(line), dir);
    expect(log[0]).toBe('bench: section pmed (tests/bench/pmed.ts) is not there yet; skipped');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ instance: 'broken', model: '(section failed)', note: 'no data' });
    expect(rows[1]).toMatchObject({ instance: 'a', model: 'm', objective: 2 });
  });
});
