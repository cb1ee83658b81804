import { childAt, type PathStep } from './attributePath.js';
import { isObject } from './planDocument.js';

/** A value after apply: known (possibly null), or known only after apply. */
export type PlanValue = { readonly known: true; readonly value: unknown } | { readonly known: false };

/** Known only after apply: one value for every such read (readers make hundreds of thousands). */
export const NOT_KNOWN: PlanValue = { known: false };

/**
 * Reads a path from `after` and `after_unknown` together. Unknown values are absent from
 * `after` and `true` in `after_unknown` — at that path or at any parent (a whole list).
 */
export function valueAt(values: unknown, unknownTree: unknown, path: readonly PathStep[]): PlanValue {
  let value = values;
  let unknown = unknownTree;
  for (const step of path) {
    if (unknown === true) return NOT_KNOWN;
    value = childAt(value, step);
    unknown = childAt(unknown, step);
  }
  if (unknown === true) return NOT_KNOWN;
  return { known: true, value: value ?? null };
}

/** The configuration expression for a path: `expressions.ingress[2].cidr_block`. */
export type ConfigLookup =
  | { readonly found: 'expression'; readonly expression: unknown }
  /** The attribute is not written in the configuration: it is not set. */
  | { readonly found: 'absent' }
  /** The configuration does not say (no configuration, or a `dynamic` block). */
  | { readonly found: 'unknown' };

const ABSENT: ConfigLookup = { found: 'absent' };
const NOT_SAID: ConfigLookup = { found: 'unknown' };

export function expressionAt(expressions: unknown, path: readonly PathStep[]): ConfigLookup {
  let current = expressions;
  for (let i = 0; i < path.length; i++) {
    const step = path[i]!;
    if (Array.isArray(current)) {
      if (typeof step !== 'number' || step >= current.length) return NOT_SAID;
      current = current[step];
      continue;
    }
    if (!isObject(current)) return NOT_SAID;
    if ('constant_value' in current || 'references' in current) {
      // An expression for the whole value (a list written as one expression): it covers the rest of the path.
      return { found: 'expression', expression: current };
    }
    const next = current[String(step)];
    if (next === undefined) return i === path.length - 1 ? ABSENT : NOT_SAID;
    current = next;
  }
  return { found: 'expression', expression: current };
}
