import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOsrmTable } from '../../../src/io/osrm';

const fixture = (name: string): string => readFileSync(`tests/fixtures/plan/${name}`, 'utf8');

describe('parseOsrmTable', () => {
  it('reads durations by default, null as Infinity', () => {
    const table = parseOsrmTable(fixture('table.json'), { rows: 40, cols: 12 });
    expect(table.field).toBe('durations');
    expect(table.unit).toBe('s');
    expect(table.matrix.rows).toBe(40);
    expect(table.matrix.cols).toBe(12);
    expect(table.matrix.values[5]).toBe(Infinity);
    expect(table.matrix.values[0]).toBe(3754);
  });

  it('reads distances on request', () => {
    const table = parseOsrmTable(fixture('table.json'), { field: 'distances' });
    expect(table.unit).toBe('m');
    expect(Number.isFinite(table.matrix.values[5])).toBe(true);
  });

  it('checks dimensions against demand and candidates', () => {
    expect(() => parseOsrmTable(fixture('table-rows.json'), { file: 't.json', rows: 40, cols: 12 })).toThrow(
      't.json: "durations" has 38 rows; expected 40 (one per demand point)',
    );
    expect(() => parseOsrmTable(fixture('table-cols.json'), { file: 't.json', rows: 40, cols: 12 })).toThrow(
      't.json: "durations" has 11 columns; expected 12 (one per candidate site)',
    );
  });

  it('rejects error codes, missing fields, ragged rows and bad cells', () => {
    expect(() => parseOsrmTable(fixture('table-code.json'), { file: 't.json' })).toThrow(
      't.json: OSRM response code is "InvalidQuery" (Query string malformed close to position 28); expected "Ok"',
    );
    expect(() => parseOsrmTable('{"code":"Ok","durations":[[1]]}', { field: 'distances' })).toThrow(
      'table.json: missing "distances" matrix (an array of rows); the file has durations',
    );
    expect(() => parseOsrmTable('{"durations":[[1,2],[3]]}')).toThrow('"durations" row 1 has 1 columns; expected 2');
    expect(() => parseOsrmTable('{"durations":[[1,-2]]}')).toThrow(
      '"durations"[0][1]: expected a non-negative number or null, got -2',
    );
  });
});
