/**
 * The ArrayBuffers under some typed arrays, for handing a result to another thread without copying (the shells
 * pass them to `Comlink.transfer`). Each buffer once, since transferring a buffer twice throws; shared and empty
 * buffers are left out (a SharedArrayBuffer is never transferred, an empty one need not be).
 *
 * @example
 * uniqueBuffers([result.selected, result.roles, undefined]); // [ArrayBuffer, ArrayBuffer]
 */
export function uniqueBuffers(arrays: readonly (ArrayBufferView | undefined)[]): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const array of arrays) {
    if (array !== undefined && array.buffer instanceof ArrayBuffer && array.buffer.byteLength > 0)
      out.add(array.buffer);
  }
  return [...out];
}
