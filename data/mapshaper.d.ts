/** The part of mapshaper's Node API the data build uses (the package ships no types). */
declare module 'mapshaper' {
  interface Mapshaper {
    /**
     * Runs a mapshaper command string on in-memory inputs (file name to content or GeoJSON object) and
     * resolves to the outputs by file name.
     */
    applyCommands(commands: string, input?: Record<string, unknown>): Promise<Record<string, string | Uint8Array>>;
  }
  const mapshaper: Mapshaper;
  export default mapshaper;
}
