import type { PathStep } from './attributePath.js';
import type { ConfigurationTree } from './configurationTree.js';
import { type EvalHost, evaluate, expressionOf, isObjectValue, isPlain, Opaque, steppedText, Unknown, type Value } from './evaluate.js';
import { type Expr, PLAIN_NAME, render } from './expression.js';
import type { HclAttribute, HclToken } from './hcl/index.js';
import { ModuleInstanceMemo } from './moduleInstanceMemo.js';
import type { PlanResource, PlanResources } from './planResources.js';
import { valueAt } from './planValue.js';
import type { ReferenceResolver, Resolved, Scope } from './referenceResolver.js';
import { formatResource, type InstanceKey, type ModuleStep } from './terraformAddress.js';
import type { TerraformSources } from './terraformSources.js';
import { TwoNameTable } from './twoNameTable.js';

/** Where an expression of the `.tf` source is evaluated. */
export interface Frame {
  readonly module: readonly ModuleStep[];
  /** The resolver's scope, for what only the plan JSON describes (module arguments and outputs). */
  readonly scope: Scope;
  /** `count.index` / `each.key`. */
  readonly key?: InstanceKey;
  /** `each.value`, computed when first asked. */
  readonly eachValue?: () => Value;
  /** Names bound around the expression: a `dynamic` block's iterator. */
  readonly bindings?: ReadonlyMap<string, Value>;
}

type Handle =
  | { readonly kind: 'namespace'; readonly name: string; readonly parts: readonly string[] }
  /** A resource type, waiting for its name. */
  | { readonly kind: 'type'; readonly type: string }
  /** Resolved: a resource instance with the attribute path read so far, or an external value. */
  | { readonly kind: 'item'; readonly item: Resolved }
  /** A reference only the resolver can follow (a module output), written as the value's text. */
  | { readonly kind: 'reference' }
  /** What the plan JSON's references say of a value, when its expression could not be read. */
  | { readonly kind: 'items'; readonly items: readonly Resolved[] };

const NAMESPACES = new Set(['var', 'local', 'count', 'each', 'module', 'data', 'path', 'terraform', 'self']);
const REFERENCE: Handle = { kind: 'reference' };

const MAX_DEPTH = 32;

/**
 * Evaluates the `.tf` source of expressions the plan JSON keeps only as references: index
 * arithmetic on `count.index`, `each.key`/`each.value`, `local.*`, `var.*`, functions and
 * conditionals (see `src/terraform/evaluate.ts`). Resource attributes stay symbolic (`Opaque`)
 * and become the resolver's `Resolved` items, so linking works as for references; a value that
 * cannot be decided stays unknown with the expression in its reason.
 */
export class SourceValues {
  /**
   * Per module instance (its path, shared by all its resources), what every expression there
   * sees alike: locals, `type.name` values, and `for_each` collections (by source attribute).
   * Without them each of N instances would evaluate the same collection again: N² work.
   */
  private readonly perModule = new ModuleInstanceMemo<ModuleValues>(() => ({
    locals: new Map(),
    variables: new Map(),
    resources: new TwoNameTable(),
    forEach: new Map(),
  }));
  private depth = 0;

  constructor(
    private readonly config: ConfigurationTree,
    private readonly resources: PlanResources,
    private readonly resolver: ReferenceResolver,
    private readonly sources: TerraformSources,
    private readonly rootVariables: ReadonlyMap<string, unknown>,
  ) {}

  /** The frame of a resource instance's own expressions. */
  frameOf(resource: PlanResource, scope: Scope): Frame {
    const dir = this.config.module(resource.module)?.dir;
    const forEach = this.sources.resourceBlock(dir, 'managed', resource.type, resource.name)?.block.attributes.get('for_each');
    const module = resource.module;
    let cached: Value | undefined;
    const eachValue = (): Value => {
      if (cached !== undefined) return cached;
      if (forEach !== undefined) {
        const collections = this.valuesOf(module).forEach;
        let collection = collections.get(forEach);
        if (collection === undefined) {
          collection = this.evaluateTokens(forEach.tokens, { module, scope: { module } });
          collections.set(forEach, collection);
        }
        cached = elementOf(collection, resource.key, 'each.value');
      } else cached = this.fromResolved(this.resolver.resolveReferences(['each.value'], scope), 'each.value');
      return cached;
    };
    return resource.key !== undefined ? { module, scope, key: resource.key, eachValue } : { module, scope, eachValue };
  }

  /** The value of an expression's tokens; never throws. */
  evaluateTokens(tokens: readonly HclToken[], frame: Frame): Value {
    return this.evaluateExpr(expressionOf(tokens), frame);
  }

  evaluateExpr(expr: Expr, frame: Frame): Value {
    if (this.depth > MAX_DEPTH) return new Unknown(`\`${render(expr)}\`: references nest too deeply to follow`);
    this.depth++;
    try {
      return evaluate(expr, this.host(frame), frame.bindings);
    } catch (error) {
      return new Unknown(`\`${render(expr)}\` could not be evaluated (${error instanceof Error ? error.message : String(error)})`);
    } finally {
      this.depth--;
    }
  }

  /** A value, one step further (`.name` / `[key]`): for paths into a value written as one expression. */
  stepInto(value: Value, step: PathStep, frame: Frame): Value {
    if (value instanceof Unknown) return value;
    if (value instanceof Opaque) return this.host(frame).step(value, step);
    if (Array.isArray(value) && typeof step === 'number') return step < value.length ? value[step]! : null;
    if (isObjectValue(value)) return Object.hasOwn(value, String(step)) ? value[String(step)]! : null;
    return null;
  }

  /**
   * A value as the resolver's items: constants, resource attributes, or the reasons a part is
   * not known. `undefined` when the value is plain (then it is simply set).
   */
  itemsOf(value: Value, scope: Scope): readonly Resolved[] | undefined {
    if (isPlain(value)) return undefined;
    if (value instanceof Unknown) return [{ kind: 'opaque', reason: value.reason }];
    if (value instanceof Opaque) return this.opaqueItems(value, scope);
    if (Array.isArray(value)) {
      const items: Resolved[] = [];
      for (const element of value as readonly Value[]) {
        if (element === null) continue;
        if (element instanceof Unknown) items.push({ kind: 'opaque', reason: element.reason });
        else if (element instanceof Opaque) items.push(...this.opaqueItems(element, scope));
        else if (isPlain(element)) items.push({ kind: 'constant', value: element });
        else items.push({ kind: 'opaque', reason: 'a nested value is known only after apply' });
      }
      return items;
    }
    return [{ kind: 'opaque', reason: 'an object with values known only after apply' }];
  }

  private opaqueItems(value: Opaque, scope: Scope): readonly Resolved[] {
    const handle = value.handle as Handle;
    switch (handle.kind) {
      case 'item':
        return [handle.item];
      case 'items':
        return handle.items;
      case 'reference':
        return this.resolver.resolveReferences([value.text], scope);
      default:
        return [{ kind: 'opaque', reason: `\`${value.text}\` is not a value` }];
    }
  }

  /** The host of a frame's expressions, made once per frame (an instance's attributes share it). */
  private readonly hosts = new WeakMap<Frame, EvalHost>();

  private host(frame: Frame): EvalHost {
    let host = this.hosts.get(frame);
    if (host === undefined) {
      host = { root: (name) => this.rootValue(name), step: (value, step) => this.step(value, step, frame) };
      this.hosts.set(frame, host);
    }
    return host;
  }

  private readonly roots = new Map<string, Opaque>();

  /** A root name's value: a namespace (`var`, `local`…) or a resource type waiting for its name; the same in every frame. */
  private rootValue(name: string): Opaque {
    let value = this.roots.get(name);
    if (value === undefined) {
      value = NAMESPACES.has(name)
        ? new Opaque({ kind: 'namespace', name, parts: [] } satisfies Handle, name)
        : new Opaque({ kind: 'type', type: name } satisfies Handle, name);
      this.roots.set(name, value);
    }
    return value;
  }

  private step(value: Opaque, step: string | number, frame: Frame): Value {
    const handle = value.handle as Handle;
    switch (handle.kind) {
      case 'namespace':
        return this.namespaceStep(handle, value, step, frame);
      case 'type':
        return typeof step === 'string'
          ? this.resourceValue(handle.type, step, frame.module)
          : new Unknown(`\`${steppedText(value, step)}\` is not a resource`);
      case 'item': {
        const item = handle.item;
        if (item.kind !== 'resource') return value; // an external value stays external
        const attribute = [...item.attribute, step];
        // An attribute the plan already knows is that value.
        const known = valueAt(item.resource.values, item.resource.unknown, attribute);
        if (
          known.known &&
          known.value !== null &&
          known.value !== '' &&
          (typeof known.value === 'string' || typeof known.value === 'number' || typeof known.value === 'boolean')
        )
          return known.value;
        return Opaque.stepped(
          { kind: 'item', item: { kind: 'resource', resource: item.resource, attribute } } satisfies Handle,
          value,
          step,
        );
      }
      case 'reference':
        return Opaque.stepped(REFERENCE, value, step);
      case 'items':
        return new Unknown(`\`${steppedText(value, step)}\`: ${value.text} is an expression whose parts cannot be told apart`);
    }
  }

  private namespaceStep(handle: Extract<Handle, { kind: 'namespace' }>, value: Opaque, step: string | number, frame: Frame): Value {
    const name = String(step);
    switch (handle.name) {
      case 'var':
        return this.variable(name, frame);
      case 'local':
        return this.local(name, frame.module);
      case 'count':
        if (name !== 'index') return new Unknown(`\`${steppedText(value, step)}\` is not a value`);
        return typeof frame.key === 'number' ? frame.key : new Unknown('`count.index` outside a resource with count');
      case 'each':
        if (name === 'key')
          return frame.key === undefined || typeof frame.key === 'number'
            ? new Unknown('`each.key` outside a resource with for_each')
            : frame.key;
        if (name === 'value') return frame.eachValue?.() ?? new Unknown('`each.value` outside a resource with for_each');
        return new Unknown(`\`${steppedText(value, step)}\` is not a value`);
      case 'module':
        return Opaque.stepped(REFERENCE, value, step);
      case 'data':
        if (handle.parts.length === 0)
          return Opaque.stepped({ kind: 'namespace', name: 'data', parts: [name] } satisfies Handle, value, step);
        return Opaque.stepped(
          { kind: 'item', item: { kind: 'external', reason: `data source data.${handle.parts[0]}.${name}` } } satisfies Handle,
          value,
          step,
        );
      default:
        return new Unknown(`\`${steppedText(value, step)}\` is not evaluated here`);
    }
  }

  private valuesOf(module: readonly ModuleStep[]): ModuleValues {
    return this.perModule.of(module);
  }

  /** `type.name`: one instance, a list (count) or a map (for_each) of instances. */
  private resourceValue(type: string, name: string, module: readonly ModuleStep[]): Value {
    const known = this.valuesOf(module).resources;
    let value = known.get(type, name);
    if (value === undefined) {
      value = this.buildResourceValue(type, name, module);
      known.set(type, name, value);
    }
    return value;
  }

  private buildResourceValue(type: string, name: string, module: readonly ModuleStep[]): Value {
    const address = formatResource({ module, mode: 'managed', type, name });
    const instances = this.resources.instancesIn(module, type, name);
    const config = this.config.resource(module, 'managed', type, name);
    const source = this.sources.resourceBlock(this.config.module(module)?.dir, 'managed', type, name)?.block.attributes;
    const item = (resource: PlanResource) =>
      new Opaque({ kind: 'item', item: { kind: 'resource', resource, attribute: [] } } satisfies Handle, resource.address);
    const counted =
      config?.countExpression !== undefined || source?.has('count') === true || instances.some((r) => typeof r.key === 'number');
    const forEach =
      config?.forEachExpression !== undefined || source?.has('for_each') === true || instances.some((r) => typeof r.key === 'string');
    if (counted) {
      const list: Value[] = [];
      for (const resource of instances) if (typeof resource.key === 'number') list[resource.key] = item(resource);
      for (let i = 0; i < list.length; i++) list[i] ??= new Unknown(`${address}[${i}] is not in this plan`);
      return list;
    }
    if (forEach) {
      const map: Record<string, Value> = {};
      for (const resource of instances) if (typeof resource.key === 'string') map[resource.key] = item(resource);
      return map;
    }
    const only = instances.find((r) => r.key === undefined);
    if (only !== undefined) return item(only);
    return new Unknown(`${address} is not in this plan`);
  }

  /** `var.NAME`: the same for every expression of one module instance, so computed once there. */
  private variable(name: string, frame: Frame): Value {
    const known = this.valuesOf(frame.module).variables;
    let value = known.get(name);
    if (value === undefined) {
      value = this.computeVariable(name, frame);
      known.set(name, value);
    }
    return value;
  }

  private computeVariable(name: string, frame: Frame): Value {
    const module = frame.module;
    if (module.length === 0) {
      if (this.rootVariables.has(name)) return plainValue(this.rootVariables.get(name));
      return plainValue(this.config.root.variables.get(name) ?? null);
    }
    const call = this.config.call(module.slice(0, -1), module[module.length - 1]!.name);
    const expression = call?.expressions[name];
    if (call !== undefined && expression === undefined) return plainValue(call.module.variables.get(name) ?? null);
    if (isObjectValue(expression as Value) && 'constant_value' in (expression as Record<string, unknown>))
      return plainValue((expression as Record<string, unknown>)['constant_value']);
    // A module argument written as an expression: the plan JSON has only its references.
    // (A name the reference syntax cannot spell, `var["a b"]`, is read as that reference would be.)
    const items = PLAIN_NAME.test(name)
      ? this.resolver.variable(name, frame.module)
      : this.resolver.resolveReferences([`var.${name}`], frame.scope);
    return this.fromResolved(items, `var.${name}`);
  }

  private local(name: string, module: readonly ModuleStep[]): Value {
    const locals = this.valuesOf(module).locals;
    const cached = locals.get(name);
    if (cached !== undefined) return cached;
    locals.set(name, new Unknown(`local.${name} refers to itself`));
    const found = this.sources.local(this.config.module(module)?.dir, name);
    const value =
      found === undefined
        ? new Unknown(`local.${name} (locals are not in the plan JSON and the .tf files were not found)`)
        : this.evaluateTokens(found.attribute.tokens, { module, scope: { module } });
    locals.set(name, value);
    return value;
  }

  /** A value from the resolver's items: a constant, one resource attribute, or several references. */
  private fromResolved(items: readonly Resolved[], text: string): Value {
    if (items.length === 1) {
      const only = items[0]!;
      if (only.kind === 'constant') return plainValue(only.value);
      if (only.kind === 'opaque') return new Unknown(only.reason);
      return new Opaque({ kind: 'item', item: only } satisfies Handle, text);
    }
    if (items.length === 0) return new Unknown(`${text} is known only after apply`);
    return new Opaque({ kind: 'items', items } satisfies Handle, text);
  }
}

interface ModuleValues {
  readonly locals: Map<string, Value>;
  readonly variables: Map<string, Value>;
  readonly resources: TwoNameTable<Value>;
  readonly forEach: Map<HclAttribute, Value>;
}

/** A JSON value from the plan as an evaluator value. */
function plainValue(value: unknown): Value {
  if (value === undefined) return null;
  return value as Value;
}

/** `each.value`: the element of the `for_each` collection at this instance's key. */
function elementOf(collection: Value, key: InstanceKey | undefined, text: string): Value {
  if (collection instanceof Unknown) return collection;
  if (key === undefined) return new Unknown(`${text} outside a for_each`);
  if (collection instanceof Opaque) return new Unknown(`${text}: the for_each value ${collection.text} is known only after apply`);
  if (Array.isArray(collection)) return String(key); // a set: each.value is the key
  if (isObjectValue(collection))
    return Object.hasOwn(collection, String(key))
      ? collection[String(key)]!
      : new Unknown(`${text}: the for_each value has no key "${key}"`);
  return new Unknown(`${text}: the for_each value is not a map or set`);
}
