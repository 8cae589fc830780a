import { inputError } from './problems';

/**
 * Parses JSON text and, when it is not valid, throws an {@link InputError} that says where: line, column and
 * character offset of the first error. `JSON.parse` in some engines (V8 before 12) gives no position for an
 * unexpected token, so the position comes from a small validating scanner of the JSON grammar (RFC 8259).
 *
 * @param text the file contents
 * @param file the file name used in the error message
 * @returns the parsed value
 */
export function parseJsonText(text: string, file: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    const offset = findJsonErrorOffset(body);
    const { line, column } = lineColumn(body, offset);
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    const where = { line: String(line), column: String(column), offset: String(offset), detail };
    if (offset >= body.length) throw inputError(file, 'badJsonEnd', where);
    throw inputError(file, 'badJson', { ...where, found: JSON.stringify(body.slice(offset, offset + 12)) });
  }
}

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let k = 0; k < end; k++) {
    if (text.charCodeAt(k) === 10) {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

const MAX_DEPTH = 1000;

/**
 * Offset of the first character where `text` stops being valid JSON (text.length when it ends too early).
 * Only meaningful for text that `JSON.parse` rejected. Recursive descent, no values are built.
 */
export function findJsonErrorOffset(text: string): number {
  let pos = 0;
  const fail = (): never => {
    throw pos;
  };
  const skipSpace = (): void => {
    while (pos < text.length && ' \t\n\r'.includes(text[pos])) pos++;
  };
  const literal = (word: string): void => {
    for (let k = 0; k < word.length; k++, pos++) if (text[pos] !== word[k]) fail();
  };
  const digits = (): void => {
    if (!(text[pos] >= '0' && text[pos] <= '9')) fail();
    while (text[pos] >= '0' && text[pos] <= '9') pos++;
  };
  const number = (): void => {
    if (text[pos] === '-') pos++;
    if (text[pos] === '0') pos++;
    else digits();
    if (text[pos] === '.') {
      pos++;
      digits();
    }
    if (text[pos] === 'e' || text[pos] === 'E') {
      pos++;
      if (text[pos] === '+' || text[pos] === '-') pos++;
      digits();
    }
  };
  const string = (): void => {
    pos++; // opening quote
    for (;;) {
      if (pos >= text.length || text.charCodeAt(pos) < 0x20) fail();
      const c = text[pos];
      if (c === '"') {
        pos++;
        return;
      }
      if (c === '\\') {
        pos++;
        if (text[pos] === 'u') {
          pos++;
          for (let k = 0; k < 4; k++, pos++) if (!/[0-9a-fA-F]/.test(text[pos] ?? '')) fail();
        } else if ('"\\/bfnrt'.includes(text[pos] ?? 'x')) pos++;
        else fail();
      } else pos++;
    }
  };
  const value = (depth: number): void => {
    if (depth > MAX_DEPTH) fail();
    skipSpace();
    const c = text[pos];
    if (c === '{') {
      pos++;
      skipSpace();
      if (text[pos] === '}') {
        pos++;
        return;
      }
      for (;;) {
        skipSpace();
        if (text[pos] !== '"') fail();
        string();
        skipSpace();
        if (text[pos] !== ':') fail();
        pos++;
        value(depth + 1);
        skipSpace();
        if (text[pos] === ',') pos++;
        else if (text[pos] === '}') {
          pos++;
          return;
        } else fail();
      }
    } else if (c === '[') {
      pos++;
      skipSpace();
      if (text[pos] === ']') {
        pos++;
        return;
      }
      for (;;) {
        value(depth + 1);
        skipSpace();
        if (text[pos] === ',') pos++;
        else if (text[pos] === ']') {
          pos++;
          return;
        } else fail();
      }
    } else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else if (c === '-' || (c >= '0' && c <= '9')) number();
    else fail();
  };
  try {
    value(0);
    skipSpace();
    if (pos < text.length) fail();
    return text.length;
  } catch (offset) {
    if (typeof offset === 'number') return offset;
    throw offset;
  }
}
