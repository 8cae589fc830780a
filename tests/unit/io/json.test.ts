import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findJsonErrorOffset, lineColumn, parseJsonText } from '../../../src/io/json';

describe('parseJsonText', () => {
  it('parses valid JSON', () => {
    expect(parseJsonText('\uFEFF{"a":[1,2,{"b":null}]}', 'x.json')).toEqual({ a: [1, 2, { b: null }] });
  });

  it('locates errors', () => {
    expect(findJsonErrorOffset('{"a": 1,}')).toBe(8);
    expect(findJsonErrorOffset('[1, 2')).toBe(5);
    expect(findJsonErrorOffset('[01]')).toBe(2);
    expect(findJsonErrorOffset('{"a" 1}')).toBe(5);
    expect(findJsonErrorOffset('"\\x"')).toBe(2);
    expect(findJsonErrorOffset('[1] x')).toBe(4);
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(() => parseJsonText('', 'e.json')).toThrow(
      'e.json: not valid JSON at line 1, column 1 (position 0, found end of file)',
    );
  });

  it('accepts everything JSON.stringify writes (the scanner agrees with JSON.parse on valid text)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value, null, 1);
        expect(findJsonErrorOffset(text)).toBe(text.length);
      }),
      { numRuns: 200 },
    );
  });

  it('finds an error inside the text for every truncated document', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), (value, cut) => {
        const text = JSON.stringify({ v: value });
        const head = text.slice(0, cut % text.length);
        expect(findJsonErrorOffset(head)).toBeLessThanOrEqual(head.length);
        expect(() => JSON.parse(head)).toThrow();
      }),
      { numRuns: 200 },
    );
  });
});
