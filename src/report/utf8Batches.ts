/** Bytes a batch holds before it is handed on: few writes, and no buffer in the heap's large-object space for long. */
const BATCH_BYTES = 1 << 20;

/**
 * Text pieces as UTF-8 in batches of about a megabyte: many small pieces (a report's findings)
 * become a few writes, without joining them into a string first. Every batch is a new buffer, so
 * a stream may keep it queued; a piece is never split across batches.
 */
export function* utf8Batches(pieces: Iterable<string>, batchBytes = BATCH_BYTES): Generator<Uint8Array> {
  let batch = Buffer.allocUnsafe(batchBytes);
  let used = 0;
  for (const piece of pieces) {
    // A UTF-16 code unit is at most 3 bytes of UTF-8 (a surrogate pair, 2 units, is 4).
    const most = piece.length * 3;
    if (used + most > batch.length && used > 0) {
      yield batch.subarray(0, used);
      batch = Buffer.allocUnsafe(batchBytes);
      used = 0;
    }
    if (most > batch.length) yield Buffer.from(piece, 'utf8');
    else used += batch.write(piece, used, 'utf8');
  }
  if (used > 0) yield batch.subarray(0, used);
}
