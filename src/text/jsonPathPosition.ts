import { visit } from 'jsonc-parser';

/**
 * Line and column (from 1) where the value at `path` starts in a JSON text, or undefined when
 * there is none. A scan of the text in JavaScript: for error messages only, never on the path
 * of a valid input. Values off the path are skipped without callbacks, and the scan stops at
 * the value found.
 */
export function jsonPathPosition(text: string, path: readonly (string | number)[]): { line: number; column: number } | undefined {
  let found: { line: number; column: number } | undefined;
  /** Whether to look inside the value that starts here; throws `FOUND` at the value wanted. */
  const visitValue = (line: number, character: number, here: () => (string | number)[]): boolean => {
    const at = here();
    if (!startsWith(path, at)) return false;
    if (at.length === path.length) {
      found = { line: line + 1, column: character + 1 };
      throw FOUND;
    }
    return true;
  };
  try {
    visit(
      text,
      {
        onObjectBegin: (_offset, _length, line, character, here) => visitValue(line, character, here),
        onArrayBegin: (_offset, _length, line, character, here) => visitValue(line, character, here),
        // Without end callbacks jsonc-parser never ends a skip (its count of skipped levels needs them).
        onObjectEnd: () => undefined,
        onArrayEnd: () => undefined,
        onLiteralValue: (_value, _offset, _length, line, character, here) => {
          visitValue(line, character, here);
        },
      },
      { disallowComments: true },
    );
  } catch (error) {
    if (error !== FOUND) throw error;
  }
  return found;
}

const FOUND = Symbol('found');

function startsWith(path: readonly (string | number)[], prefix: readonly (string | number)[]): boolean {
  return prefix.length <= path.length && prefix.every((step, i) => step === path[i]);
}
