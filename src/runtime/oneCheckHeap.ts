import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Asks for a full garbage collection now: called where a large part of what was read has just become garbage. */
export type ReleaseGarbage = () => void;

/**
 * Sizes V8's heap for what one check is: a large tree read once, linked and dropped, then a
 * smaller inventory evaluated — not a long-lived server. Called by the process entries (CLI and
 * Action) only, never by a library caller or a test runner, because the flags are the process's.
 *
 * - The young generation stays at its initial size (`--semi-space-growth-factor=1`). By default
 *   V8 doubles it while a check allocates at full speed (reading and linking make garbage at
 *   hundreds of MB a second) and never gives the memory back within a run: on the bench's
 *   real-format module plan that growth was a third of the peak (364 → 258 MiB). Of the size
 *   flags only this one is read while the process runs (`--max-semi-space-size` is read at start
 *   only, and the Action's `node24` runner passes no start flags). Its cost is time on plans
 *   whose evaluation keeps many objects alive (findings): measured in BENCHMARKS.md.
 * - The returned function runs a full collection. V8 collects the old generation only when it
 *   has grown well past what survived the last collection, so the parsed plan — text and tree,
 *   several times the inventory — stays in memory, dead, while linking and evaluation add their
 *   own garbage on top. Two collections at the moments the check knows are right (the full
 *   tree trimmed; the trimmed tree linked and dropped) cost a few tens of milliseconds each and
 *   keep the peak near the bare parse's. `gc` is exposed the way jest's leak detector obtains it:
 *   the flag, then a fresh context, which is created with the flag in force; a runtime that does
 *   not give it leaves the hint a no-op.
 */
export function tuneHeapForOneCheck(): ReleaseGarbage {
  setFlagsFromString('--semi-space-growth-factor=1');
  let collect: (() => void) | undefined;
  return () => {
    if (collect === undefined) {
      setFlagsFromString('--expose-gc');
      const gc: unknown = runInNewContext('typeof gc === "function" ? gc : undefined');
      // A runtime that does not expose it: the check runs as it would without the hint.
      collect = typeof gc === 'function' ? (gc as () => void) : () => {};
    }
    collect();
  };
}
