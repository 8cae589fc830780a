// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { rolloutParamsFromJson } from '../../../src/app/rollout/link';
import { loadNational } from '../../../src/cli/rollout';
import { defaultRolloutParams } from '../../../src/core/rollout/defaults';
import { runRollout } from '../../../src/core/rollout/run';
import { setLocale } from '../../../src/ui/i18n';
import { renderTargets } from '../../../src/ui/rollout-targets';
import { requireDataset } from '../data/dataset';

describe('transport in the rollout (app)', () => {
  requireDataset();

  it('the targets card says what transport costs per year, and nothing when it is not asked for', () => {
    setLocale('en');
    const { villages, countyNames } = loadNational();
    const base = { ...defaultRolloutParams(), provinceOrder: ['33'], centers: 4, stations: 60, years: 3 };
    const params = { ...base, budgetYuan: 1e8, transport: { daysPerYear: 300, timeBudgetSec: 60 } };
    const result = runRollout({ villages, countyNames, params });
    expect(result.transport?.years).toHaveLength(3);
    const card = document.createElement('section');
    renderTargets(card, result);
    const box = card.querySelector('[data-testid=targets-transport]')!;
    expect(Number(box.getAttribute('data-value'))).toBeCloseTo(result.transport!.totalYuan, 3);
    expect(box.textContent).toMatch(/Transport by van \(300 days a year, not in the budget\)/);
    const items = [...box.querySelectorAll('li')];
    expect(items.map((li) => Number(li.getAttribute('data-value')))).toEqual(
      result.transport!.years.map((y) => y.yearYuan),
    );
    for (const y of result.transport!.years) expect(y.yearYuan).toBeCloseTo(300 * y.costPerDayYuan, 6);
    expect(result.transport!.years.at(-1)!.vans).toBeGreaterThan(0);

    const plain = runRollout({ villages, countyNames, params: { ...base, budgetYuan: 1e8 } });
    expect(plain.transport).toBeUndefined();
    expect(plain.years).toEqual(result.years);
    renderTargets(card, plain);
    expect(card.querySelector('[data-testid=targets-transport]')).toBeNull();
  });

  it('a saved or linked transport option reads back, a bad one is refused with its field', () => {
    expect(rolloutParamsFromJson({ transport: { daysPerYear: 250 } }).params.transport).toEqual({ daysPerYear: 250 });
    const bad = rolloutParamsFromJson({ transport: { daysPerYear: 400 } });
    expect(bad.problems.join()).toMatch(/transport\.daysPerYear must be a number of days from 0 to 366, got 400/);
    expect(rolloutParamsFromJson({ transport: 'yes' }).problems.join()).toMatch(/^transport: expected/);
  });
});
