/**
 * Text encodings of user files. Chinese spreadsheets are often saved as GBK (Excel on Windows "CSV"), sometimes
 * as UTF-8 with a byte-order mark, and tools such as QGIS write UTF-8 without one. A file is read as UTF-8 when
 * its bytes are valid UTF-8 (WHATWG Encoding Standard, fatal decoder), else as GB18030, the superset of GBK and
 * GB 2312 that `TextDecoder('gb18030')` implements.
 */

/** Encodings recognised by {@link decodeText}. */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** Decoded text and the encoding it was found in. */
export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/**
 * Decodes the bytes of a text file: a UTF-8 or UTF-16 byte-order mark decides; else valid UTF-8 is UTF-8; else
 * GB18030 (GBK). The byte-order mark is not part of the returned text.
 * @param bytes the file contents
 * @example
 * decodeText(new Uint8Array([0xb4, 0xe5])).text; // '村' (GBK)
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** Text as given, or bytes decoded with {@link decodeText}. */
export function asText(input: string | Uint8Array): string {
  if (typeof input !== 'string') return decodeText(input).text;
  return input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
}
