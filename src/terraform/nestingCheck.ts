import { Worker } from 'node:worker_threads';
import { deepestNesting } from '../text/jsonNesting.js';

/**
 * How deep a JSON file nests, found on a worker thread while the main thread parses it.
 *
 * Native JSON.parse copes with any depth, but the readers after it do not, so a plan nested
 * past the limit is refused. Finding the depth means looking at every byte, which costs a third
 * of a JSON.parse when done in line; on another core it costs nothing the check waits for.
 */
export interface NestingCheck {
  /** The byte offset of the first `{` or `[` past the limit, or undefined. Blocks until known. */
  result(): number | undefined;
}

const PENDING = 0;
const WITHIN = 1;
const TOO_DEEP = 2;
// 3: the worker failed; the check is then done in line.

/**
 * Plain JavaScript for the worker: reads the file at explicit positions (so the main thread's
 * reads are not moved) in 1 MiB chunks, tracking strings and depth across chunk boundaries.
 * The state word is always set, so the waiting main thread always wakes.
 */
const WORKER_SOURCE = `
const { readSync } = require('node:fs');
const { workerData } = require('node:worker_threads');
const { fd, size, max, state } = workerData;
let outcome = 3, offset = 0;
try {
  const chunk = Buffer.allocUnsafe(1 << 20);
  let depth = 0, inString = false, escaped = false, found = -1;
  for (let at = 0; at < size && found < 0; ) {
    const read = readSync(fd, chunk, 0, Math.min(chunk.length, size - at), at);
    if (read <= 0) break;
    for (let i = 0; i < read; i++) {
      const c = chunk[i];
      if (inString) {
        if (escaped) escaped = false;
        else if (c === 92) escaped = true;
        else if (c === 34) inString = false;
      } else if (c === 34) inString = true;
      else if (c === 123 || c === 91) {
        if (++depth > max) { found = at + i; break; }
      } else if (c === 125 || c === 93) depth--;
    }
    at += read;
  }
  if (found >= 0) { outcome = 2; offset = found; } else outcome = 1;
} finally {
  Atomics.store(state, 1, offset);
  Atomics.store(state, 0, outcome);
  Atomics.notify(state, 0);
}
`;

/**
 * Below this size the in-line check (about 4 ms per MiB) is cheaper than starting a worker
 * thread (a Node environment of its own: tens of milliseconds, more on a busy machine).
 */
const WORKER_FROM_BYTES = 16 * 1024 * 1024;

/**
 * Starts checking the open file `fd` (`size` bytes); the file must stay open until `result()`.
 * `text` gives the file's text once read, for the in-line check.
 */
export function startNestingCheck(fd: number, size: number, max: number, text: () => string): NestingCheck {
  const state = new Int32Array(new SharedArrayBuffer(8));
  let worker: Worker | undefined;
  if (size >= WORKER_FROM_BYTES) {
    try {
      worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { fd, size, max, state } });
      worker.unref();
    } catch {
      worker = undefined;
    }
  }
  return {
    result(): number | undefined {
      // A worker that cannot run (or never answers) costs speed, never the check.
      if (worker !== undefined) Atomics.wait(state, 0, PENDING, 120_000);
      void worker?.terminate();
      const outcome = Atomics.load(state, 0);
      if (outcome === WITHIN) return undefined;
      if (outcome === TOO_DEEP) return Atomics.load(state, 1);
      return deepestNestingInBytes(text(), max);
    },
  };
}

/** The in-line check, as a byte offset (the text is re-encoded only up to the place found). */
function deepestNestingInBytes(text: string, max: number): number | undefined {
  const offset = deepestNesting(text, max);
  return offset === undefined ? undefined : Buffer.byteLength(text.slice(0, offset), 'utf8');
}
