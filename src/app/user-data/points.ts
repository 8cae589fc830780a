/**
 * The village dots the map draws when the user's villages replace embedded ones: for each province file that the
 * coverage worker merged (`ProvinceSummary.userVillages.points`), the worker's own points, coloured like embedded
 * villages (rural / urban), in place of the embedded file. The same points in the same order as the worker's
 * per-village arrays, so coverage colours line up with `ProvinceSummary.parts`.
 */
import type { ProvinceSummary } from '../../core/live/coverage-api';
import type { VillagePoints } from '../../map/layers/villages';
import { villageColours } from '../../map/village-colours';

const cache = new WeakMap<Float32Array, VillagePoints>();

/**
 * The shown provinces' points with the worker's merged points in place of the embedded ones where it has them.
 * @param provinces the embedded points of the shown provinces (from the data worker)
 * @param province the coverage worker's summary, or null while it loads
 */
export function withUserPoints(
  provinces: readonly VillagePoints[],
  province: ProvinceSummary | null,
): readonly VillagePoints[] {
  const merged = province?.userVillages?.points;
  if (merged === undefined || merged.length === 0) return provinces;
  return provinces.map((points) => {
    const user = merged.find((p) => p.provinceCode === points.provinceCode);
    if (user === undefined) return points;
    let hit = cache.get(user.positions);
    if (hit === undefined) {
      hit = {
        provinceCode: points.provinceCode,
        count: user.rural.length,
        positions: user.positions,
        colours: villageColours(user.rural),
      };
      cache.set(user.positions, hit);
    }
    return hit;
  });
}
