import { type Node, parseTree } from 'jsonc-parser';
import { lineIndex } from '../text/lineIndex.js';
import type { HclAttribute, HclBlock } from './hcl/index.js';

/**
 * Terraform's JSON syntax (`.tf.json`), read for the same structure the HCL scanner gives, so
 * findings can be placed on lines: `resource`/`data` blocks (`{"resource": {"TYPE": {"NAME":
 * {…}}}}`, or any level written as a list of objects), `module` calls, and inside them the nested
 * blocks (`ingress`, `targets`, `dynamic "targets"` with its `content`). A block's line is the
 * line of the key that names it (of its opening brace, for an element of a list of objects).
 *
 * Attributes are not returned: in JSON every string is a template whose meaning the plan's
 * `configuration` already carries (`constant_value` beside the references), and that is how
 * `.tf.json` expressions are evaluated. `locals` are not read either. Never throws.
 */
export function scanTfJson(source: string): HclBlock {
  const lineOf = lineIndex(source);
  let root: Node | undefined;
  try {
    root = parseTree(source, [], { allowTrailingComma: true, disallowComments: false });
  } catch {
    root = undefined;
  }
  const blocks: HclBlock[] = [];
  if (root?.type === 'object') {
    for (const [key, value, keyNode] of properties(root)) {
      const labels = TOP_LEVEL_LABELS[key];
      if (labels === undefined) continue;
      blocks.push(...labelled(key, labels, value, keyNode, [], lineOf));
    }
  }
  return { type: '', labels: [], line: 1, endLine: lineOf(source.length), attributes: NO_ATTRIBUTES, blocks };
}

/** How many labels each top-level block type the scan keeps has. */
const TOP_LEVEL_LABELS: Readonly<Record<string, number>> = { resource: 2, data: 2, module: 1 };

const NO_ATTRIBUTES: ReadonlyMap<string, HclAttribute> = new Map();

/** Block types inside a body that are never nested blocks of a resource's schema. */
const META_ARGUMENTS = new Set(['count', 'for_each', 'depends_on', 'provider', 'providers', 'source', 'version', '//']);

/**
 * The blocks of a labelled block type: each label is one level of object keys, and any level may
 * be a list of objects instead of one object.
 */
function labelled(
  type: string,
  remaining: number,
  value: Node,
  keyNode: Node,
  labels: readonly string[],
  lineOf: (offset: number) => number,
): HclBlock[] {
  if (value.type === 'array')
    return (value.children ?? []).flatMap((element) =>
      element.type === 'object' ? labelled(type, remaining, element, element, labels, lineOf) : [],
    );
  if (value.type !== 'object') return [];
  if (remaining === 0) return [body(type, labels, value, keyNode, lineOf)];
  const found: HclBlock[] = [];
  for (const [key, child, childKey] of properties(value)) {
    if (key === '//') continue;
    found.push(...labelled(type, remaining - 1, child, childKey, [...labels, key], lineOf));
  }
  return found;
}

/** One block's body: its nested blocks are the properties whose value is an object or a list of objects. */
function body(type: string, labels: readonly string[], value: Node, keyNode: Node, lineOf: (offset: number) => number): HclBlock {
  const blocks: HclBlock[] = [];
  for (const [key, child, childKey] of properties(value)) {
    if (META_ARGUMENTS.has(key) || key === 'lifecycle' || key === 'provisioner' || key === 'connection') continue;
    if (key === 'dynamic') {
      blocks.push(...labelled('dynamic', 1, child, childKey, [], lineOf));
      continue;
    }
    if (child.type === 'object') blocks.push(body(key, [], child, childKey, lineOf));
    else if (child.type === 'array' && (child.children?.length ?? 0) > 0 && child.children!.every((element) => element.type === 'object')) {
      for (const element of child.children!) blocks.push(body(key, [], element, element, lineOf));
    }
  }
  return {
    type,
    labels,
    line: lineOf(keyNode.offset),
    endLine: lineOf(value.offset + Math.max(0, value.length - 1)),
    attributes: NO_ATTRIBUTES,
    blocks,
  };
}

/** An object's properties, in order, as [key, value, key node]. */
function properties(object: Node): [string, Node, Node][] {
  const found: [string, Node, Node][] = [];
  for (const property of object.children ?? []) {
    const [keyNode, value] = property.children ?? [];
    if (keyNode?.type !== 'string' || typeof keyNode.value !== 'string' || value === undefined) continue;
    found.push([keyNode.value, value, keyNode]);
  }
  return found;
}
