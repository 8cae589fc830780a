import type { DistanceMatrix } from '../core/types';

/**
 * The rows and columns of a matrix that belong to the points kept from their files: a matrix is made for every
 * record of the demand and candidate files, and when a reader skips a bad row its matrix row must go too.
 *
 * @param matrix matrix with one row per demand record and one column per candidate record
 * @param rows record index of each kept demand point (PointTable.source)
 * @param cols record index of each kept candidate (PointTable.source)
 * @returns a new rows.length x cols.length matrix (or the same one when nothing was dropped)
 * @example
 * selectMatrix({ rows: 2, cols: 2, values: Float64Array.of(1, 2, 3, 4) }, Uint32Array.of(1), Uint32Array.of(0, 1));
 * // { rows: 1, cols: 2, values: [3, 4] }
 */
export function selectMatrix(matrix: DistanceMatrix, rows: Uint32Array, cols: Uint32Array): DistanceMatrix {
  const identity = (index: Uint32Array, n: number): boolean => index.length === n && index.every((v, k) => v === k);
  if (identity(rows, matrix.rows) && identity(cols, matrix.cols)) return matrix;
  const values = new Float64Array(rows.length * cols.length);
  for (let r = 0; r < rows.length; r++) {
    const from = rows[r] * matrix.cols;
    for (let c = 0; c < cols.length; c++) values[r * cols.length + c] = matrix.values[from + cols[c]];
  }
  return { rows: rows.length, cols: cols.length, values };
}
