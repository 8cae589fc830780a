import { describe, expect, it } from 'vitest';
import { countySeatStandIns } from '../../../src/core/county-seats';

describe('countySeatStandIns', () => {
  it('picks per county the point nearest the mean of its points, ascending', () => {
    const lon = Float64Array.of(10, 0, 1, 2, 11, 30);
    const lat = Float64Array.of(0, 0, 0, 0, 0, 5);
    expect([...countySeatStandIns(lon, lat, [7, 3, 3, 3, 7, 9])]).toEqual([0, 2, 5]);
  });

  it('breaks ties to the lower index', () => {
    expect([...countySeatStandIns(Float64Array.of(0, 2), Float64Array.of(0, 0), [1, 1])]).toEqual([0]);
  });
});
