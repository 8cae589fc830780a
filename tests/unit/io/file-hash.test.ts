import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../src/io/file-hash';
import { blobSource, bytesSource } from '../../../src/io/roads-source';

describe('sha256Hex', () => {
  it('hashes "abc" to the FIPS 180-2 value (appendix B.1)', async () => {
    expect(await sha256Hex(blobSource(new Blob(['abc'])))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('gives Node crypto hash of the whole bytes whatever the slice size, reading each slice once and in order', async () => {
    const bytes = Uint8Array.from({ length: 100_003 }, (_, k) => (k * 7919) % 251);
    const expected = createHash('sha256').update(bytes).digest('hex');
    for (const slice of [1 << 10, 4099, 1 << 20]) {
      const source = bytesSource(bytes);
      const reads: number[] = [];
      const counted = {
        size: source.size,
        read: (offset: number, length: number) => (reads.push(offset), source.read(offset, length)),
      };
      expect(await sha256Hex(counted, slice)).toBe(expected);
      expect(reads).toEqual(Array.from({ length: Math.ceil(bytes.length / slice) }, (_, k) => k * slice));
    }
    expect(await sha256Hex(bytesSource(new Uint8Array(0)))).toBe(createHash('sha256').update('').digest('hex'));
  });
});
