/**
 * Names of the vector source of the county and province boundaries (`boundaries.pmtiles`, built by
 * data/tiles.ts) and of its layers. Feature ids are the codes as integers; `code` is also a property.
 */
export const BOUNDARY_SOURCE = 'boundaries';
export const COUNTY_LAYER = 'counties';
export const PROVINCE_LAYER = 'provinces';

/** The feature of a county in the boundary source, for `setFeatureState`. */
export function countyFeature(code: string): { source: string; sourceLayer: string; id: number } {
  return { source: BOUNDARY_SOURCE, sourceLayer: COUNTY_LAYER, id: Number(code) };
}
