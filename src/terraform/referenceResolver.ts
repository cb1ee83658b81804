import type { ConfigResource, ConfigurationTree } from './configurationTree.js';
import { hasTemplate } from './expression.js';
import { listElements, referencesIn } from './hcl/index.js';
import { ModuleInstanceMemo } from './moduleInstanceMemo.js';
import { isObject, type JsonObject } from './planDocument.js';
import type { PlanResource, PlanResources } from './planResources.js';
import { formatKey, formatResource, type InstanceKey, type ModuleStep, parseTraversal, type TraversalStep } from './terraformAddress.js';
import type { TerraformSources } from './terraformSources.js';
import { TwoNameTable } from './twoNameTable.js';

/** What a configuration expression stands for, as far as the plan lets us see. */
export type Resolved =
  /** A resource instance in the plan, and the attribute path read from it (`["id"]`, `["clb_vips", 0]`). */
  | { readonly kind: 'resource'; readonly resource: PlanResource; readonly attribute: readonly (string | number)[] }
  | { readonly kind: 'constant'; readonly value: unknown }
  /** Something outside the plan: a data source. */
  | { readonly kind: 'external'; readonly reason: string }
  /** A reference that could not be followed. */
  | { readonly kind: 'opaque'; readonly reason: string };

/** Where an expression is evaluated: its module instance and the instance key of `count`/`for_each`. */
export interface Scope {
  readonly module: readonly ModuleStep[];
  readonly key?: InstanceKey;
  /** The `for_each` that produced `key`, and where it is evaluated; gives `each.value`. */
  readonly forEach?: { readonly expression: JsonObject; readonly scope: Scope };
}

const MAX_DEPTH = 24;

/**
 * Follows configuration references to the resources they name: `var.` through module calls,
 * `module.x.output` into child modules, `local.` through the `.tf` files (the plan JSON has no
 * locals), `each.value` through `for_each`, and `count`/`for_each` instance keys. References
 * inside a module are relative to that module instance. Every reference counts, in order — not
 * only the first.
 */
export class ReferenceResolver {
  /** Per module instance: its variables and locals, resolved once. */
  private readonly perModule = new ModuleInstanceMemo(() => ({
    variables: new Map<string, Resolved[]>(),
    locals: new Map<string, Resolved[]>(),
    /**
     * The arguments of its module calls that do not depend on the instance key (no `each.*`,
     * no `count.*`), by call and variable name: the same for every instance of the call, so
     * resolved once for all of them rather than once per instance.
     */
    callArguments: new TwoNameTable<Resolved[]>(),
    /**
     * Resource references (`type.name[key].attr`) followed in it, by their parsed steps and by
     * how they were written (`resourceReference`): what they name depends on nothing else, and a
     * large plan follows the same ones from thousands of resources.
     */
    resourceReferences: new Map<readonly TraversalStep[], (Resolved[] | undefined)[]>(),
  }));

  constructor(
    private readonly config: ConfigurationTree,
    private readonly resources: PlanResources,
    private readonly rootVariables: ReadonlyMap<string, unknown>,
    private readonly sources: TerraformSources,
  ) {}

  /** The scope of a resource instance's own expressions. */
  scopeOf(
    resource: PlanResource,
    config: ConfigResource | undefined = this.config.resource(resource.module, 'managed', resource.type, resource.name),
  ): Scope {
    // One per resource instance: built without spreads.
    const scope: { -readonly [K in keyof Scope]: Scope[K] } = { module: resource.module };
    if (resource.key !== undefined) scope.key = resource.key;
    if (config?.forEachExpression) scope.forEach = { expression: config.forEachExpression, scope: { module: resource.module } };
    return scope;
  }

  private readonly traversals = new Map<string, readonly TraversalStep[] | undefined>();

  /** A reference string read once: a large plan writes the same few thousand references a hundred thousand times. */
  private traversal(text: string): readonly TraversalStep[] | undefined {
    let steps = this.traversals.get(text);
    if (steps === undefined && !this.traversals.has(text)) {
      steps = parseTraversal(text);
      this.traversals.set(text, steps);
    }
    return steps;
  }

  /** An expression object (`constant_value` / `references`); undefined or nested blocks give nothing. */
  resolve(expression: unknown, scope: Scope, depth = 0): Resolved[] {
    if (!isObject(expression)) return [];
    const references = expression['references'];
    if ('constant_value' in expression) {
      const constant = expression['constant_value'];
      // A `.tf.json` template (`"${aws_x.y.id}"`) is no literal: follow its references.
      if (hasTemplate(constant))
        return Array.isArray(references)
          ? this.resolveReferences(stringsOf(references), scope, depth)
          : [{ kind: 'opaque', reason: `the template ${JSON.stringify(constant)} cannot be followed` }];
      return [{ kind: 'constant', value: constant }];
    }
    if (Array.isArray(references)) return this.resolveReferences(stringsOf(references), scope, depth);
    return [{ kind: 'opaque', reason: 'an expression the plan does not describe' }];
  }

  resolveReferences(references: readonly string[], scope: Scope, depth = 0): Resolved[] {
    if (depth > MAX_DEPTH) return [{ kind: 'opaque', reason: 'a reference chain too long to follow' }];
    // Terraform lists `a.b[0].id`, then `a.b[0]`, then `a.b`: a reference that is a prefix of
    // one already taken (at a `.` or `[` boundary) adds nothing.
    // Plain loops, no closures: this runs for every reference of every resource of a large plan.
    const kept: string[] = [];
    let sameKey = false;
    for (const reference of references) {
      if (reference === 'count.index' || reference === 'each.key') sameKey = true;
      if (!extendsOrRepeats(kept, reference)) kept.push(reference);
    }
    // `x[count.index]` (recorded as `x` and `count.index`): the key picks the instance, it is no value of its own.
    if (sameKey && kept.length > 1) {
      const values = kept.filter((k) => k !== 'count.index' && k !== 'each.key');
      kept.length = 0;
      kept.push(...values);
    }
    if (kept.length === 1) {
      const steps = this.traversal(kept[0]!);
      return steps === undefined ? [] : this.resolveTraversal(steps, scope, depth, sameKey, true);
    }
    const out: Resolved[] = [];
    const seen = new Set<string>();
    for (const reference of kept) {
      const steps = this.traversal(reference);
      if (steps === undefined) continue;
      for (const item of this.resolveTraversal(steps, scope, depth, sameKey, false)) {
        const id =
          item.kind === 'resource'
            ? `r:${item.resource.address}:${item.attribute.join('.')}`
            : item.kind === 'constant'
              ? undefined
              : `${item.kind}:${item.reason}`;
        if (id !== undefined) {
          if (seen.has(id)) continue;
          seen.add(id);
        }
        out.push(item);
      }
    }
    return out;
  }

  private resolveTraversal(steps: readonly TraversalStep[], scope: Scope, depth: number, sameKey: boolean, alone: boolean): Resolved[] {
    const head = nameAt(steps, 0);
    switch (head) {
      case undefined:
        return [];
      case 'var': {
        const name = nameAt(steps, 1);
        if (name === undefined) return [];
        return applyRest(this.variableAt(name, scope.module, depth), steps.slice(2));
      }
      case 'local': {
        const name = nameAt(steps, 1);
        if (name === undefined) return [];
        return applyRest(this.local(name, scope.module, depth), steps.slice(2));
      }
      case 'module':
        return this.moduleOutput(steps, scope, depth);
      case 'data': {
        const type = nameAt(steps, 1);
        const name = nameAt(steps, 2);
        return [{ kind: 'external', reason: `data source data.${type}.${name}` }];
      }
      case 'each': {
        const what = nameAt(steps, 1);
        if (what === 'key') return scope.key === undefined ? [] : [{ kind: 'constant', value: scope.key }];
        if (what === 'value') return applyRest(this.eachValue(scope, depth), steps.slice(2));
        return [];
      }
      case 'count':
        return scope.key === undefined ? [] : [{ kind: 'constant', value: scope.key }];
      case 'path':
      case 'terraform':
      case 'self':
        return [];
      default:
        return this.resourceReference(steps, scope, sameKey, alone);
    }
  }

  /**
   * `resource`, kept per module instance by the parsed steps and how they were written: what a
   * resource reference names depends on nothing else (not the instance key, not the depth of the
   * chain it was reached through), and a large plan follows the same ones from thousands of resources.
   */
  private resourceReference(steps: readonly TraversalStep[], scope: Scope, sameKey: boolean, alone: boolean): Resolved[] {
    const memo = this.perModule.of(scope.module).resourceReferences;
    let readings = memo.get(steps);
    if (readings === undefined) {
      readings = [undefined, undefined, undefined, undefined];
      memo.set(steps, readings);
    }
    const reading = (sameKey ? 2 : 0) + (alone ? 1 : 0);
    let items = readings[reading];
    if (items === undefined) {
      items = this.resource(steps, scope, sameKey, alone);
      readings[reading] = items;
    }
    return items;
  }

  /**
   * A resource reference. Without a literal key on a resource with several instances, the plan
   * JSON does not say which the expression picks: `x[count.index]`, `x[count.index % 2]` and
   * `x[var.i]` are all recorded as `x` next to their other references. Only a reference that
   * stands alone (`for_each = x`, `x[*].id`) means every instance; otherwise it is unknown —
   * never widened to all of them. (With the `.tf` source, `SourceValues` evaluates the index.)
   */
  private resource(steps: readonly TraversalStep[], scope: Scope, sameKey: boolean, alone: boolean): Resolved[] {
    const type = nameAt(steps, 0)!;
    const name = nameAt(steps, 1);
    if (name === undefined) return [];
    const keyStep = steps[2];
    const key = keyStep !== undefined && 'key' in keyStep ? keyStep.key : undefined;
    const attribute = pathOf(steps.slice(key === undefined ? 2 : 3));
    const instances = this.resources.instancesIn(scope.module, type, name);
    if (key !== undefined) {
      const instance =
        instances.length <= SCANNED_INSTANCES
          ? instanceWithKey(instances, key)
          : this.resources.byAddress.get(`${formatResource({ module: scope.module, mode: 'managed', type, name })}${formatKey(key)}`);
      return instance === undefined ? [] : [{ kind: 'resource', resource: instance, attribute }];
    }
    const keyed = instances.length > 1 || instances[0]?.key !== undefined;
    if (keyed && (sameKey || !alone)) {
      const address = formatResource({ module: scope.module, mode: 'managed', type, name });
      const by = sameKey ? 'an expression of count.index or each.key' : 'an expression';
      return [
        {
          kind: 'opaque',
          reason: `which instance of ${address} is meant cannot be told: it is indexed by ${by} that the plan JSON does not record, and its .tf source was not found`,
        },
      ];
    }
    // `aws_instance.web` of a counted resource, alone, means all its instances.
    return instances.map((resource) => ({ kind: 'resource', resource, attribute }));
  }

  /** `var.NAME` in a module instance: what `resolveReferences(['var.NAME'])` gives, without the reference text. */
  variable(name: string, module: readonly ModuleStep[]): Resolved[] {
    return this.variableAt(name, module, 0);
  }

  private variableAt(name: string, module: readonly ModuleStep[], depth: number): Resolved[] {
    const cache = this.perModule.of(module).variables;
    const cached = cache.get(name);
    if (cached !== undefined) return cached;
    let result: Resolved[];
    if (module.length === 0) {
      const value = this.rootVariables.has(name) ? this.rootVariables.get(name) : (this.config.root.variables.get(name) ?? null);
      result = [{ kind: 'constant', value }];
    } else {
      const parent = module.slice(0, -1);
      const last = module[module.length - 1]!;
      const call = this.config.call(parent, last.name);
      const expression = call?.expressions[name];
      if (call === undefined) result = [{ kind: 'opaque', reason: `var.${name}: module ${last.name} is not in the configuration` }];
      else if (expression === undefined) result = [{ kind: 'constant', value: call.module.variables.get(name) ?? null }];
      else if (!dependsOnInstanceKey(expression)) result = this.callArgument(parent, last.name, name, expression, depth);
      else {
        const callScope: Scope = {
          module: parent,
          ...(last.key !== undefined ? { key: last.key } : {}),
          ...(call.forEachExpression ? { forEach: { expression: call.forEachExpression, scope: { module: parent } } } : {}),
        };
        result = this.resolve(expression, callScope, depth + 1);
      }
    }
    cache.set(name, result);
    return result;
  }

  /** A module argument that is the same for every instance of the call, resolved in the parent once. */
  private callArgument(parent: readonly ModuleStep[], call: string, name: string, expression: unknown, depth: number): Resolved[] {
    const calls = this.perModule.of(parent).callArguments;
    let result = calls.get(call, name);
    if (result === undefined) {
      result = this.resolve(expression, { module: parent }, depth + 1);
      calls.set(call, name, result);
    }
    return result;
  }

  /** Locals are not in the plan JSON: read them from the module's `.tf` files when we have them. */
  private local(name: string, module: readonly ModuleStep[], depth: number): Resolved[] {
    const cache = this.perModule.of(module).locals;
    const cached = cache.get(name);
    if (cached !== undefined) return cached;
    cache.set(name, [{ kind: 'opaque', reason: `local.${name} refers to itself` }]);
    const found = this.sources.local(this.config.module(module)?.dir, name);
    let result: Resolved[];
    if (found === undefined)
      result = [{ kind: 'opaque', reason: `local.${name} (locals are not in the plan JSON and the .tf files were not found)` }];
    else {
      const literal = literalValue(found.attribute.tokens);
      if (literal !== undefined) result = [{ kind: 'constant', value: literal.value }];
      else {
        const references = referencesIn(found.attribute.tokens).filter((r) => plausibleReference(r));
        result =
          references.length === 0
            ? [{ kind: 'opaque', reason: `local.${name} is an expression that cannot be evaluated here` }]
            : this.resolveReferences(references, { module }, depth + 1);
      }
    }
    cache.set(name, result);
    return result;
  }

  private moduleOutput(steps: readonly TraversalStep[], scope: Scope, depth: number): Resolved[] {
    const call = nameAt(steps, 1);
    if (call === undefined) return [];
    const keyStep = steps[2];
    const key = keyStep !== undefined && 'key' in keyStep ? keyStep.key : undefined;
    const outputIndex = key === undefined ? 2 : 3;
    const output = nameAt(steps, outputIndex);
    const config = this.config.call(scope.module, call);
    if (config === undefined) return [{ kind: 'opaque', reason: `module.${call} is not in the configuration` }];
    if (output === undefined) return [{ kind: 'opaque', reason: `the whole of module.${call}` }];
    const expression = config.module.outputs.get(output);
    if (expression === undefined) return [{ kind: 'opaque', reason: `module.${call}.${output} is not an output of that module` }];
    let instances: (readonly ModuleStep[])[];
    if (key !== undefined) instances = [[...scope.module, { name: call, key }]];
    else if (config.countExpression !== undefined || config.forEachExpression !== undefined)
      instances = [...this.resources.moduleInstancesOf(scope.module, call)];
    else instances = [[...scope.module, { name: call }]];
    const out: Resolved[] = [];
    for (const instance of instances)
      out.push(...applyRest(this.resolve(expression, { module: instance }, depth + 1), steps.slice(outputIndex + 1)));
    return out;
  }

  private eachValue(scope: Scope, depth: number): Resolved[] {
    const forEach = scope.forEach;
    if (forEach === undefined || scope.key === undefined) return [{ kind: 'opaque', reason: 'each.value outside a for_each' }];
    const items = this.resolve(forEach.expression, forEach.scope, depth + 1);
    const out: Resolved[] = [];
    for (const item of items) {
      if (item.kind === 'resource') {
        if (item.resource.key === scope.key && item.attribute.length === 0) out.push(item);
      } else if (item.kind === 'constant') {
        const value = item.value;
        if (Array.isArray(value))
          out.push({ kind: 'constant', value: scope.key }); // a set: each.value is the key
        else if (isObject(value)) out.push({ kind: 'constant', value: value[String(scope.key)] ?? null });
      } else out.push(item);
    }
    return out.length > 0 ? out : [{ kind: 'opaque', reason: 'the for_each value could not be followed' }];
  }
}

/** Whether an expression reads the instance key of its `count` / `for_each` (`each.key`, `each.value`, `count.index`). */
function dependsOnInstanceKey(expression: unknown): boolean {
  if (!isObject(expression)) return false;
  const references = expression['references'];
  if (!Array.isArray(references)) return false;
  return references.some((r) => {
    if (typeof r !== 'string') return false;
    const head = r.split(/[.[]/, 1)[0];
    return head === 'each' || head === 'count';
  });
}

/**
 * Whether `reference` adds nothing to those kept: it is one of them, or a prefix of one at a `.`
 * or `[` boundary (Terraform lists `a.b[0].id`, then `a.b[0]`, then `a.b`).
 */
function extendsOrRepeats(kept: readonly string[], reference: string): boolean {
  const length = reference.length;
  for (const k of kept) {
    if (k === reference) return true;
    if (k.length > length && k.startsWith(reference)) {
      const next = k.charCodeAt(length);
      if (next === 46 /* . */ || next === 91 /* [ */) return true;
    }
  }
  return false;
}

/** The references that are strings: the array itself when all are (as the plan writes them), so that no copy is made. */
function stringsOf(references: readonly unknown[]): readonly string[] {
  for (const r of references) if (typeof r !== 'string') return references.filter((x): x is string => typeof x === 'string');
  return references as readonly string[];
}

/** Up to this many instances, the one with a given key is found by a scan of them rather than by building its address text. */
const SCANNED_INSTANCES = 16;

/**
 * The instance with this key: the one its address text `type.name[key]` names (the text tells a
 * number key from a string key, as `===` does). Scanned from the end: should one address occur
 * twice, the plan's address table holds the later one.
 */
function instanceWithKey(instances: readonly PlanResource[], key: InstanceKey): PlanResource | undefined {
  for (let i = instances.length - 1; i >= 0; i--) if (instances[i]!.key === key) return instances[i];
  return undefined;
}

function nameAt(steps: readonly TraversalStep[], index: number): string | undefined {
  const step = steps[index];
  return step !== undefined && 'name' in step ? step.name : undefined;
}

function pathOf(steps: readonly TraversalStep[]): (string | number)[] {
  return steps.map((step) => ('name' in step ? step.name : step.key));
}

/** Applies `.attr` / `[i]` after a variable, local or output: into constants, or onto resource attributes. */
function applyRest(items: Resolved[], rest: readonly TraversalStep[]): Resolved[] {
  if (rest.length === 0) return items;
  const path = pathOf(rest);
  return items.map((item) => {
    if (item.kind === 'resource') return { ...item, attribute: [...item.attribute, ...path] };
    if (item.kind === 'constant') {
      let value: unknown = item.value;
      for (const step of path) {
        if (Array.isArray(value) && typeof step === 'number') value = value[step];
        else if (isObject(value)) value = value[String(step)];
        else return item; // cannot navigate (a computed index was cut off): keep the whole value
      }
      return { kind: 'constant', value: value ?? null };
    }
    return item;
  });
}

/** Resource-type roots have an underscore (`aws_x`); text-scanned `i.private_ip` from a `for` does not. */
function plausibleReference(reference: string): boolean {
  const head = reference.split(/[.[]/, 1)[0]!;
  return ['var', 'local', 'module', 'data', 'each', 'count'].includes(head) || head.includes('_');
}

/** A local written as a literal string or a list of literal strings. */
function literalValue(tokens: Parameters<typeof listElements>[0]): { value: unknown } | undefined {
  const meaningful = tokens.filter((t) => t.kind !== 'newline');
  const only = meaningful.length === 1 ? meaningful[0]! : undefined;
  if (only?.kind === 'string' && only.parts.every((p) => 'literal' in p))
    return { value: only.parts.map((p) => (p as { literal: string }).literal).join('') };
  const elements = listElements(tokens);
  if (elements?.every((e) => e.template?.every((p) => 'literal' in p))) {
    return { value: elements.map((e) => e.template!.map((p) => (p as { literal: string }).literal).join('')) };
  }
  return undefined;
}
