/**
 * SHA-256 of a file read in slices (`@noble/hashes`, incremental), so a road extract of several hundred MB is
 * hashed without being held whole, off the page's main thread (the road worker runs it). Plans record the hash
 * of the road file they used.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { WINDOW_BYTES, type ByteSource } from './roads-source';

/**
 * Lowercase hex SHA-256 of all the bytes of `source`, read in order `sliceBytes` at a time.
 * @example
 * await sha256Hex(blobSource(new Blob(['abc']))); // 'ba7816bf...f20015ad'
 */
export async function sha256Hex(source: ByteSource, sliceBytes = WINDOW_BYTES): Promise<string> {
  const hash = sha256.create();
  for (let offset = 0; offset < source.size; offset += sliceBytes) {
    hash.update(await source.read(offset, Math.min(sliceBytes, source.size - offset)));
  }
  return bytesToHex(hash.digest());
}
