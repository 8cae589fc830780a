/** The part of vt-pbf's API the data build uses (the package ships no types). */
declare module 'vt-pbf' {
  interface VtPbf {
    /**
     * Encodes geojson-vt tiles as one Mapbox Vector Tile (protobuf bytes), one layer per key.
     * @param layers source-layer name -> a tile returned by geojson-vt's `getTile`
     */
    fromGeojsonVt(layers: Record<string, unknown>, options?: { version?: number; extent?: number }): Uint8Array;
  }
  const vtpbf: VtPbf;
  export default vtpbf;
}
