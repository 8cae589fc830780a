/**
 * Streamed reader of OpenStreetMap `.osm` XML files (https://wiki.openstreetmap.org/wiki/OSM_XML): the source is
 * decoded in windows and scanned element by element (`<node>`, `<way>`, `<nd>`, `<tag>`, `</way>`), twice: pass 1
 * keeps the drivable ways, pass 2 the coordinates of their nodes (./osm-ways.ts). Not a general XML parser:
 * comments, CDATA and processing instructions are skipped, attributes are read in `"` or `'` quotes and the five
 * predefined entities and numeric references are decoded. Errors name the line.
 */
import type { CarProfile } from '../core/road/profile';
import type { RoadWays } from '../core/road/types';
import { NodeTable, WayCollector, type OsmReadStats } from './osm-ways';
import { InputError } from './problems';
import { WINDOW_BYTES, type ByteSource, type RoadReadProgress } from './roads-source';

/** Options of {@link readOsmXml}. */
export interface OsmXmlOptions {
  file: string;
  profile: CarProfile;
  onProgress?: (progress: RoadReadProgress) => void;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name] ?? whole;
  });
}

/** The value of attribute `name` in an element's text, or undefined. */
function attribute(element: string, name: string): string | undefined {
  const at = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(element);
  if (at === null) return undefined;
  return decodeEntities(at[2] ?? at[3]);
}

/**
 * Calls `visit(element, line)` for every element tag (`<...>`, without comments, CDATA, `<?...?>`, `<!...>`).
 */
async function scanElements(
  source: ByteSource,
  file: string,
  visit: (element: string, line: number) => void,
  progress: (bytesRead: number) => void,
): Promise<void> {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let carry = '';
  let line = 1;
  for (let offset = 0; offset < source.size; offset += WINDOW_BYTES) {
    const bytes = await source.read(offset, WINDOW_BYTES);
    const last = offset + WINDOW_BYTES >= source.size;
    const text = carry + decoder.decode(bytes, { stream: !last });
    let pos = 0;
    for (;;) {
      const open = text.indexOf('<', pos);
      if (open < 0) {
        line += countLines(text, pos, text.length);
        pos = text.length;
        break;
      }
      let close: number;
      let skip: boolean;
      if (text.startsWith('<!--', open)) {
        close = text.indexOf('-->', open + 4);
        if (close >= 0) close += 2;
        skip = true;
      } else if (text.startsWith('<![CDATA[', open)) {
        close = text.indexOf(']]>', open + 9);
        if (close >= 0) close += 2;
        skip = true;
      } else {
        close = text.indexOf('>', open + 1);
        skip = text[open + 1] === '?' || text[open + 1] === '!';
      }
      if (close < 0) break; // the element continues in the next window
      line += countLines(text, pos, open);
      const element = text.slice(open, close + 1);
      if (!skip) {
        const nested = element.indexOf('<', 1);
        if (nested >= 0) throw new InputError(file, `line ${line}: "<" inside an element (unclosed tag?)`);
        visit(element, line);
      }
      line += countLines(element, 0, element.length);
      pos = close + 1;
    }
    carry = text.slice(pos);
    if (carry.length > WINDOW_BYTES) {
      throw new InputError(file, `line ${line}: an element longer than ${WINDOW_BYTES} characters (unclosed "<"?)`);
    }
    progress(Math.min(source.size, offset + WINDOW_BYTES));
  }
  if (carry.trim() !== '') {
    const at = line + countLines(carry, 0, Math.max(0, carry.indexOf('<')));
    throw new InputError(file, `line ${at}: the file ends inside an element (truncated?)`);
  }
}

function countLines(text: string, from: number, to: number): number {
  let n = 0;
  for (let k = text.indexOf('\n', from); k >= 0 && k < to; k = text.indexOf('\n', k + 1)) n++;
  return n;
}

function elementName(element: string): string {
  const match = /^<\/?([A-Za-z_][\w.:-]*)/.exec(element);
  return match === null ? '' : (element[1] === '/' ? '/' : '') + match[1];
}

/**
 * Reads the drivable ways of an `.osm` XML file.
 * @throws InputError naming the line of a broken part
 */
export async function readOsmXml(
  source: ByteSource,
  options: OsmXmlOptions,
): Promise<{ ways: RoadWays; stats: OsmReadStats }> {
  const { file } = options;
  const collector = new WayCollector(options.profile);
  let sawRoot = false;
  let inWay = -1; // line of the open <way>, -1 = none
  const refs: number[] = [];
  const tags = new Map<string, string>();
  const lookup = (key: string): string | undefined => tags.get(key);
  const number = (element: string, name: string, line: number): number => {
    const text = attribute(element, name);
    const value = text === undefined ? NaN : Number(text);
    if (text === undefined || text.trim() === '' || !Number.isFinite(value)) {
      const what = elementName(element);
      throw new InputError(
        file,
        `line ${line}: <${what}> needs a numeric ${name}, got ${text === undefined ? 'none' : `"${text}"`}`,
      );
    }
    return value;
  };
  await scanElements(
    source,
    file,
    (element, line) => {
      const name = elementName(element);
      if (name === 'osm' || name === 'osmChange') sawRoot = true;
      else if (name === 'way') {
        if (inWay >= 0) throw new InputError(file, `line ${line}: <way> inside the <way> of line ${inWay}`);
        refs.length = 0;
        tags.clear();
        if (element.endsWith('/>')) collector.addWay(lookup, refs);
        else inWay = line;
      } else if (name === '/way') {
        if (inWay < 0) throw new InputError(file, `line ${line}: </way> without <way>`);
        collector.addWay(lookup, refs);
        inWay = -1;
      } else if (name === 'nd' && inWay >= 0) refs.push(number(element, 'ref', line));
      else if (name === 'tag' && inWay >= 0) {
        const k = attribute(element, 'k');
        const v = attribute(element, 'v');
        if (k === undefined || v === undefined) throw new InputError(file, `line ${line}: <tag> needs k and v`);
        tags.set(k, v);
      }
      if (!sawRoot && name !== '' && name !== 'osm') {
        throw new InputError(file, `line ${line}: not an OSM XML file (first element <${name}>, expected <osm>)`);
      }
    },
    (bytesRead) => options.onProgress?.({ pass: 1, bytesRead, bytesTotal: source.size }),
  );
  if (!sawRoot) throw new InputError(file, 'not an OSM XML file: no <osm> element');
  if (inWay >= 0) throw new InputError(file, `line ${inWay}: <way> is never closed`);
  const nodes: NodeTable = collector.finish();
  if (nodes.size > 0) {
    await scanElements(
      source,
      file,
      (element, line) => {
        if (elementName(element) !== 'node') return;
        const lat = number(element, 'lat', line);
        const lon = number(element, 'lon', line);
        if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
          throw new InputError(file, `line ${line}: node coordinates out of range (lon ${lon}, lat ${lat})`);
        }
        nodes.addNode(number(element, 'id', line), lon, lat);
      },
      (bytesRead) => options.onProgress?.({ pass: 2, bytesRead, bytesTotal: source.size }),
    );
  }
  return nodes.finish();
}
