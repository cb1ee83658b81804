/**
 * Terraform addresses and reference strings: `module.app["b"].aws_instance.web[0]`,
 * `aws_security_group.web.id`, `var.vpc_id`. Parsed into steps so that module paths,
 * instance keys and attribute paths can be compared and rebuilt in one canonical spelling.
 */

export type InstanceKey = string | number;

/** A traversal step: `.name` or `[key]`. */
export type TraversalStep = { readonly name: string } | { readonly key: InstanceKey };

export interface ModuleStep {
  readonly name: string;
  readonly key?: InstanceKey;
}

export interface ResourceAddress {
  readonly module: readonly ModuleStep[];
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly key?: InstanceKey;
}

function isNameStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

function isNameChar(code: number): boolean {
  return isNameStart(code) || (code >= 48 && code <= 57) || code === 45;
}

/**
 * Reads `a.b[0]["k"].c` into steps. Stops (without failing) at a splat or a computed index such
 * as `[count.index]`: what came before is still a valid, less specific traversal.
 */
export function parseTraversal(text: string): TraversalStep[] | undefined {
  const steps: TraversalStep[] = [];
  let i = 0;
  const readName = (): string | undefined => {
    if (i >= text.length || !isNameStart(text.charCodeAt(i))) return undefined;
    const start = i;
    i++;
    while (i < text.length && isNameChar(text.charCodeAt(i))) i++;
    return text.slice(start, i);
  };
  const first = readName();
  if (first === undefined) return undefined;
  steps.push({ name: first });
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 46 /* . */) {
      i++;
      const name = readName();
      if (name === undefined) break; // `.*` splat or garbage: keep what we have
      steps.push({ name });
    } else if (code === 91 /* [ */) {
      const key = readKey(text, i + 1);
      if (key === undefined) break;
      steps.push({ key: key.value });
      i = key.end;
    } else {
      break;
    }
  }
  return steps;
}

function readKey(text: string, start: number): { value: InstanceKey; end: number } | undefined {
  if (text[start] === '"') {
    let j = start + 1;
    while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
    if (text[j + 1] !== ']') return undefined;
    try {
      return { value: JSON.parse(text.slice(start, j + 1)) as string, end: j + 2 };
    } catch {
      return undefined;
    }
  }
  const match = /^(\d+)\]/.exec(text.slice(start, start + 12));
  if (match === null) return undefined;
  return { value: Number(match[1]), end: start + match[0].length };
}

export function formatKey(key: InstanceKey | undefined): string {
  if (key === undefined) return '';
  return typeof key === 'number' ? `[${key}]` : `[${JSON.stringify(key)}]`;
}

const prefixes = new WeakMap<readonly ModuleStep[], string>();

/** `module.a["x"].module.b.` (with the trailing dot), or `` for the root module. */
export function modulePrefix(module: readonly ModuleStep[]): string {
  if (module.length === 0) return '';
  let prefix = prefixes.get(module);
  if (prefix === undefined) {
    prefix = module.map((step) => `module.${step.name}${formatKey(step.key)}.`).join('');
    prefixes.set(module, prefix);
  }
  return prefix;
}

/** The resource (all its instances) an instance belongs to: the address without the last key. */
export function formatResource(address: Omit<ResourceAddress, 'key'>): string {
  return `${modulePrefix(address.module)}${address.mode === 'data' ? 'data.' : ''}${address.type}.${address.name}`;
}

export function formatResourceAddress(address: ResourceAddress): string {
  return `${formatResource(address)}${formatKey(address.key)}`;
}

export function parseModulePath(text: string): ModuleStep[] | undefined {
  if (text === '') return [];
  const steps = parseTraversal(text);
  if (steps === undefined) return undefined;
  const module: ModuleStep[] = [];
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    if (!('name' in step) || step.name !== 'module') return undefined;
    const name = steps[i + 1];
    if (name === undefined || !('name' in name)) return undefined;
    const key = steps[i + 2];
    if (key !== undefined && 'key' in key) {
      module.push({ name: name.name, key: key.key });
      i += 2;
    } else {
      module.push({ name: name.name });
      i += 1;
    }
  }
  return module;
}

export function parseResourceAddress(text: string): ResourceAddress | undefined {
  const steps = parseTraversal(text);
  if (steps === undefined) return undefined;
  const module: ModuleStep[] = [];
  let i = 0;
  while (i < steps.length) {
    const step = steps[i]!;
    if (!('name' in step) || step.name !== 'module') break;
    const name = steps[i + 1];
    if (name === undefined || !('name' in name)) return undefined;
    const key = steps[i + 2];
    if (key !== undefined && 'key' in key) {
      module.push({ name: name.name, key: key.key });
      i += 3;
    } else {
      module.push({ name: name.name });
      i += 2;
    }
  }
  let mode: ResourceAddress['mode'] = 'managed';
  const head = steps[i];
  if (head !== undefined && 'name' in head && head.name === 'data') {
    mode = 'data';
    i++;
  }
  const type = steps[i];
  const name = steps[i + 1];
  if (type === undefined || name === undefined || !('name' in type) || !('name' in name)) return undefined;
  const key = steps[i + 2];
  const rest = steps.length - (i + 2);
  if (rest > 1 || (rest === 1 && !(key !== undefined && 'key' in key))) return undefined;
  return { module, mode, type: type.name, name: name.name, ...(key !== undefined && 'key' in key ? { key: key.key } : {}) };
}

/** The canonical spelling of an address, so that lookups do not depend on how it was written. */
export function canonicalAddress(text: string): string {
  const parsed = parseResourceAddress(text);
  return parsed === undefined ? text : formatResourceAddress(parsed);
}

/** Terraform orders count instances by number and for_each instances by key. */
export function compareKeys(a: InstanceKey | undefined, b: InstanceKey | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : 1;
}
