import { parsePatch } from 'diff';

/** One hunk of a pull request's diff, on the new side (GitHub's `side: RIGHT`). */
export interface RightHunk {
  readonly start: number;
  /** New-side line number → its text, for the added and context lines of the hunk. */
  readonly lines: ReadonlyMap<number, string>;
}

/**
 * The hunks of one file's `patch` (as the pull request files API gives it: hunks without file
 * headers). A review comment can only be anchored on these lines, and a multi-line one only
 * within one hunk.
 */
export function rightHunks(patch: string | undefined): RightHunk[] {
  if (patch === undefined || patch === '') return [];
  return parsePatch(patch).flatMap((file) =>
    file.hunks.map((hunk) => {
      const lines = new Map<number, string>();
      let line = hunk.newStart;
      for (const text of hunk.lines) {
        // "-" lines exist only on the old side; "\ No newline at end of file" on neither.
        if (text.startsWith('-') || text.startsWith('\\')) continue;
        lines.set(line++, text.slice(1));
      }
      return { start: hunk.newStart, lines };
    }),
  );
}

/** The hunk that holds every line from `start` to `end` with exactly this text, if one does. */
export function hunkHolding(hunks: readonly RightHunk[], start: number, expected: readonly string[]): RightHunk | undefined {
  return hunks.find((hunk) => expected.every((text, i) => hunk.lines.get(start + i) === text));
}
