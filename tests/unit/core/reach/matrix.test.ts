import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverageFromMatrix } from '../../../../src/core/reach/matrix';

describe('coverageFromMatrix', () => {
  it('covers exactly the cells <= threshold, Infinity and NaN never', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 0, max: 12 }),
        fc.array(fc.oneof(fc.double({ min: 0, max: 100, noNaN: true }), fc.constant(Infinity), fc.constant(NaN)), {
          minLength: 144,
          maxLength: 144,
        }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (rows, cols, cells, threshold) => {
          const values = Float64Array.from(cells.slice(0, rows * cols));
          const cov = coverageFromMatrix({ rows, cols, values }, threshold);
          for (let i = 0; i < rows; i++) {
            const expected = [];
            for (let j = 0; j < cols; j++) if (values[i * cols + j] <= threshold) expected.push(j);
            expect(Array.from(cov.demandSites.slice(cov.demandOffsets[i], cov.demandOffsets[i + 1]))).toEqual(expected);
          }
          for (let j = 0; j < cols; j++) {
            const expected = [];
            for (let i = 0; i < rows; i++) if (values[i * cols + j] <= threshold) expected.push(i);
            expect(Array.from(cov.siteDemands.slice(cov.siteOffsets[j], cov.siteOffsets[j + 1]))).toEqual(expected);
          }
        },
      ),
    );
  });

  it('checks the matrix size', () => {
    expect(() => coverageFromMatrix({ rows: 2, cols: 2, values: new Float64Array(3) }, 1)).toThrow(
      'Expected 2 x 2 = 4',
    );
  });
});
