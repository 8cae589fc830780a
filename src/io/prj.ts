/**
 * The .prj of a Shapefile: an OGC WKT coordinate system. Geographic systems (GEOGCS: WGS 84, CGCS2000, which
 * differs from WGS 84 by centimetres) are read as degrees; a projected one (PROJCS, e.g. CGCS2000 / 3-degree
 * Gauss-Kruger, UTM, Web Mercator) is reprojected to WGS 84 with proj4js when proj4 understands the WKT, else the
 * file is refused: coordinates in metres cannot be guessed.
 */
import proj4 from 'proj4';
import { inputError } from './problems';

/** Maps projected [x, y] to WGS 84 [lon, lat] degrees. */
export type ToLonLat = (x: number, y: number) => [number, number];

/**
 * The function that turns a Shapefile's coordinates into WGS 84 [lon, lat], or undefined when they are degrees
 * already (no .prj, or a geographic one).
 * @param wkt the .prj text
 * @param file the .prj name, for messages
 * @throws InputError when the .prj is projected (or unknown) and proj4 cannot parse it
 */
export function prjToLonLat(wkt: string | undefined, file: string): ToLonLat | undefined {
  if (wkt === undefined) return undefined;
  const text = wkt.trim();
  if (text === '' || /^GEOGCS\[/i.test(text) || /^GEOGCRS\[/i.test(text)) return undefined;
  let converter: proj4.Converter;
  try {
    converter = proj4(text, 'EPSG:4326');
  } catch (error) {
    // proj4 quotes the whole WKT in its message: a 100 KB .prj must still give one short line.
    const message = (error instanceof Error ? error.message : String(error)).split(text).join('the WKT');
    const detail = message.length > 80 ? `${message.slice(0, 77)}...` : message;
    const head = text.length > 60 ? `${text.slice(0, 57)}...` : text;
    throw inputError(file, 'badPrj', { head, detail });
  }
  return (x, y) => {
    const [lon, lat] = converter.forward([x, y]);
    return [lon, lat];
  };
}
