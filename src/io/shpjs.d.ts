/** The part of shpjs 6 (calvinmetcalf/shapefile-js) that src/io/shapefile.ts uses; the package ships no types. */
declare module 'shpjs' {
  import type { Geometry, GeoJsonProperties } from 'geojson';
  /** Geometries of a .shp in record order (null for null shapes), reprojected when `prj` is a proj4 WKT. */
  export function parseShp(shp: Uint8Array | ArrayBuffer | DataView, prj?: string | false): (Geometry | null)[];
  /** Attribute rows of a .dbf, strings decoded with the .cpg encoding (default ISO-8859-1 / UTF-8 sniffed). */
  export function parseDbf(dbf: Uint8Array | ArrayBuffer | DataView, cpg?: string): GeoJsonProperties[];
}
