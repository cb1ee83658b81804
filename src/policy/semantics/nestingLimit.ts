/**
 * Policies and configs nest conditions and assertions; past this depth the file is refused with
 * a located line. Real policies stay under ten levels; the limit keeps the recursive validators
 * and evaluators far from the call-stack limit whatever a file holds.
 */
export const MAX_NESTING = 64;

/** The JSON pointer of the first value nested deeper than `limit`, or undefined. Iterative: it cannot overflow the stack itself. */
export function tooDeep(value: unknown, limit: number = MAX_NESTING): string | undefined {
  const stack: { value: unknown; pointer: string; depth: number }[] = [{ value, pointer: '', depth: 0 }];
  while (stack.length > 0) {
    const { value: node, pointer, depth } = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth >= limit) return pointer;
    if (Array.isArray(node)) node.forEach((child, i) => stack.push({ value: child, pointer: `${pointer}/${i}`, depth: depth + 1 }));
    else for (const [key, child] of Object.entries(node)) stack.push({ value: child, pointer: `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, depth: depth + 1 });
  }
  return undefined;
}
