import { deepestNesting, lineAndColumn } from '../../text/jsonNesting.js';

/**
 * Policies and configs nest conditions and assertions; past this depth the file is refused with
 * a located line. Real policies stay under ten levels; the limit keeps the recursive validators
 * (and jsonc-parser, which gives lines) far from the call-stack limit whatever a file holds.
 */
export const MAX_NESTING = 64;

/**
 * Where a parsed JSON value first nests deeper than `limit`: its JSON pointer (from the value)
 * and its line (from the text, never from a parse tree, which would recurse that deep).
 * Both walks go in document order, so they name the same place.
 */
export function tooDeep(value: unknown, text: string, limit: number = MAX_NESTING): { pointer: string; line: number } | undefined {
  const offset = deepestNesting(text, limit);
  if (offset === undefined) return undefined;
  const stack: { value: unknown; pointer: string; depth: number }[] = [{ value, pointer: '', depth: 0 }];
  let pointer = '';
  while (stack.length > 0) {
    const { value: node, pointer: at, depth } = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth >= limit) {
      pointer = at;
      break;
    }
    const children: [string, unknown][] = Array.isArray(node) ? node.map((child, i) => [String(i), child]) : Object.entries(node);
    for (let i = children.length - 1; i >= 0; i--) {
      const [key, child] = children[i]!;
      stack.push({ value: child, pointer: `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, depth: depth + 1 });
    }
  }
  return { pointer, line: lineAndColumn(text, offset).line };
}
