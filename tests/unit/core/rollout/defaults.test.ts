import { describe, expect, it } from 'vitest';
import { checkRolloutParams, defaultRolloutParams } from '../../../../src/core/rollout/defaults';

describe('defaultRolloutParams', () => {
  it('is the programme: 1,000 centers, 100,000 stations, 5 years, 10 billion yuan, Zhejiang first', () => {
    const params = defaultRolloutParams();
    expect(params).toMatchObject({ centers: 1000, stations: 100_000, years: 5, budgetYuan: 1e10 });
    expect(params.provinceOrder).toEqual(['33']);
    expect(params.countyScore).toBe('villages-per-yuan');
    expect(checkRolloutParams(params)).toEqual([]);
  });

  it('fits the budget even front-loaded (every site running all five years), within 10 %', () => {
    const { costs, centers, stations, years, budgetYuan } = defaultRolloutParams();
    const frontLoaded =
      centers * (costs.centerSetupYuan + years * costs.centerYearlyYuan) +
      stations * (costs.stationSetupYuan + years * costs.stationYearlyYuan);
    expect(frontLoaded).toBeLessThanOrEqual(budgetYuan);
    expect(frontLoaded).toBeGreaterThan(0.9 * budgetYuan);
  });
});

describe('checkRolloutParams', () => {
  const base = defaultRolloutParams();
  it.each([
    [{ years: 2 }, /years must be an integer from 3 to 5, got 2/],
    [{ years: 6 }, /years must be an integer from 3 to 5, got 6/],
    [{ centers: -1 }, /centers must be an integer >= 0/],
    [{ stations: 1.5 }, /stations must be an integer >= 0/],
    [{ budgetYuan: Number.NaN }, /budgetYuan/],
    [{ costs: { ...base.costs, stationSetupYuan: -5 } }, /costs.stationSetupYuan must be a finite number of yuan >= 0/],
    [{ costs: { ...base.costs, provinceFactor: { '54': 0 } } }, /provinceFactor\["54"\] must be a finite number > 0/],
    [{ costs: { ...base.costs, provinceFactor: { Tibet: 2 } } }, /"Tibet" is not a 2-digit province code/],
    [{ provinceOrder: ['33', '33'] }, /lists a province twice/],
    [{ provinceOrder: ['zj'] }, /"zj" is not a 2-digit province code/],
    [{ stationRadiusKm: -3 }, /stationRadiusKm/],
    [{ centerRadiusKm: Infinity }, /centerRadiusKm/],
    [{ yearCaps: { stations: [1, 2, 3, 4, 5, 6] } }, /yearCaps.stations has 6 entries for 5 years/],
    [{ yearCaps: { spendYuan: [-1] } }, /yearCaps.spendYuan\[0\] \(year 1\)/],
  ])('%j', (change, message) => {
    const problems = checkRolloutParams({ ...base, ...change });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });
});
