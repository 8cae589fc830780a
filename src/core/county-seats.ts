/**
 * County seat stand-ins: the candidate sites among which two-tier plans choose their county centers when the data
 * has no seat positions (the embedded dataset has none). Shared by the CLI (`--province`) and the app, so both
 * give the same plan for the same inputs.
 */

/**
 * Per county, the point nearest the mean position of that county's points (planar in degrees, which is enough to
 * pick a central village; ties go to the lower index).
 *
 * @param lon longitude of each point, degrees
 * @param lat latitude of each point, degrees
 * @param county county index (any integer key) of each point
 * @returns indices of the chosen points, one per county, ascending
 * @example
 * countySeatStandIns(Float64Array.of(0, 1, 2, 10), Float64Array.of(0, 0, 0, 0), [0, 0, 0, 1]); // Uint32Array [1, 3]
 */
export function countySeatStandIns(
  lon: ArrayLike<number>,
  lat: ArrayLike<number>,
  county: ArrayLike<number>,
): Uint32Array {
  const sums = new Map<number, { lon: number; lat: number; n: number }>();
  for (let i = 0; i < county.length; i++) {
    const sum = sums.get(county[i]) ?? { lon: 0, lat: 0, n: 0 };
    sums.set(county[i], { lon: sum.lon + lon[i], lat: sum.lat + lat[i], n: sum.n + 1 });
  }
  const best = new Map<number, { i: number; d: number }>();
  for (let i = 0; i < county.length; i++) {
    const sum = sums.get(county[i])!;
    const d = (lon[i] - sum.lon / sum.n) ** 2 + (lat[i] - sum.lat / sum.n) ** 2;
    const current = best.get(county[i]);
    if (current === undefined || d < current.d) best.set(county[i], { i, d });
  }
  return Uint32Array.from([...best.values()].map((b) => b.i)).sort();
}
