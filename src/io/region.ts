/**
 * The extent of China used to recognise swapped coordinates: a point outside it that falls inside it once lon and
 * lat are swapped was almost certainly written as lat,lon. The box spans 73.4 to 135.1 E (Pamirs to the Wusuli
 * river) and 3.8 to 53.6 N (Zengmu reef to Mohe), with a 0.5 degree margin. Coarse on purpose: it only has to
 * separate [120, 30] from [30, 120].
 */

/** West, south, east, north bounds of China in WGS 84 degrees, with a 0.5 degree margin. */
export const CHINA_BBOX: readonly [number, number, number, number] = [72.9, 3.3, 135.6, 54.1];

/** True when [lon, lat] lies inside {@link CHINA_BBOX}. */
export function inChina(lon: number, lat: number): boolean {
  const [west, south, east, north] = CHINA_BBOX;
  return lon >= west && lon <= east && lat >= south && lat <= north;
}

/** True when [lon, lat] is outside China but [lat, lon] is inside: the axes were probably swapped. */
export function looksSwapped(lon: number, lat: number): boolean {
  return !inChina(lon, lat) && inChina(lat, lon);
}
