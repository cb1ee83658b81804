import type { AddressSpec, ServiceSpec } from '../../model/address.js';
import type { InventoryWarning } from '../../model/inventory.js';
import type { Ref } from '../../model/network.js';
import type { Provenance, SourceLocation } from '../../model/provenance.js';
import { unknown, type Maybe } from '../../model/value.js';
import type { ConfigResource, ConfigurationTree } from './configurationTree.js';
import type { PlanResource, PlanResources } from './planResources.js';
import { expressionAt, valueAt, type PathStep } from './planValue.js';
import type { ReferenceResolver, Resolved, Scope } from './referenceResolver.js';
import type { SourceBlock, TerraformSources } from './terraformSources.js';
import { someOf } from './messageList.js';
import type { HclBlock, HclToken } from './hclScanner.js';
import type { Frame, SourceValues } from './sourceValues.js';
import type { Value } from '../../terraform/evaluate.js';
import { hasTemplate, jsonExpression } from '../../terraform/expression.js';

export const AFTER_APPLY = 'known after apply';

/** An attribute as the plan describes it: a value, not set, or unknown with what the configuration says. */
export type AttributeState =
  | { readonly state: 'set'; readonly value: unknown }
  | { readonly state: 'unset' }
  | { readonly state: 'unknown'; readonly items: readonly Resolved[] };

/** IDs named by an attribute: inventory keys (addresses or aliases resolved), or why they are not known. */
export interface LinkedRefs {
  readonly refs: readonly Ref[];
  readonly unknownReason?: string;
}

/** Attributes that name the resource itself (`tencentcloud_clb_listener.x.listener_id`). */
const SELF_ID_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  tencentcloud_clb_listener: ['id', 'listener_id'],
  tencentcloud_clb_listener_rule: ['id', 'rule_id'],
};

/** Typed reads over `attribute()`, shared by a resource and by one of its nested blocks. */
export abstract class AttributeReader {
  abstract readonly view: ResourceView;
  abstract attribute(path: readonly PathStep[]): AttributeState;

  string(path: readonly PathStep[]): Maybe<string> | undefined {
    const state = this.attribute(path);
    if (state.state === 'unset') return undefined;
    if (state.state === 'unknown') return unknown(AFTER_APPLY);
    if (typeof state.value === 'string') return state.value;
    if (typeof state.value === 'number' || typeof state.value === 'boolean') return String(state.value);
    this.view.context.warn(this.view.resource, `${formatPath(path)}: expected a string`);
    return unknown(`${formatPath(path)} has an unexpected shape`);
  }

  number(path: readonly PathStep[]): Maybe<number> | undefined {
    const state = this.attribute(path);
    if (state.state === 'unset') return undefined;
    if (state.state === 'unknown') return unknown(AFTER_APPLY);
    const value = typeof state.value === 'string' && /^-?\d+$/.test(state.value) ? Number(state.value) : state.value;
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    this.view.context.warn(this.view.resource, `${formatPath(path)}: expected a number`);
    return unknown(`${formatPath(path)} has an unexpected shape`);
  }

  boolean(path: readonly PathStep[]): Maybe<boolean> | undefined {
    const state = this.attribute(path);
    if (state.state === 'unset') return undefined;
    if (state.state === 'unknown') return unknown(AFTER_APPLY);
    if (typeof state.value === 'boolean') return state.value;
    if (state.value === 'true' || state.value === 'false') return state.value === 'true';
    this.view.context.warn(this.view.resource, `${formatPath(path)}: expected a boolean`);
    return unknown(`${formatPath(path)} has an unexpected shape`);
  }

  /** The IDs an attribute names, linked to resources of the plan where it can be. */
  links(path: readonly PathStep[]): LinkedRefs | undefined {
    const state = this.attribute(path);
    if (state.state === 'unset') return undefined;
    return this.view.context.linksOf(state, this.view.resource.address, path);
  }

  /** A single linked ID: `null` when not set. */
  link(path: readonly PathStep[]): Maybe<Ref> | null {
    const links = this.links(path);
    if (links === undefined) return null;
    if (links.unknownReason !== undefined) return unknown(links.unknownReason);
    if (links.refs.length === 1) return links.refs[0]!;
    if (links.refs.length === 0) return null;
    return unknown(`${formatPath(path)} names ${links.refs.length} objects: ${someOf(links.refs)}`);
  }
}

/** One resource instance with its configuration and scope, for readers. */
export class ResourceView extends AttributeReader {
  readonly config: ConfigResource | undefined;
  readonly scope: Scope;
  private cachedLocation: SourceLocation | null | undefined;
  private cachedFrame: Frame | undefined;

  constructor(
    readonly context: PlanContext,
    readonly resource: PlanResource,
  ) {
    super();
    this.config = context.config.resource(resource.module, 'managed', resource.type, resource.name);
    this.scope = context.resolver.scopeOf(resource, this.config);
  }

  get view(): ResourceView {
    return this;
  }

  get address(): string {
    return this.resource.address;
  }

  /** The resource block's location, looked up once. */
  get location(): SourceLocation | undefined {
    if (this.cachedLocation === undefined) this.cachedLocation = this.context.location(this.resource) ?? null;
    return this.cachedLocation ?? undefined;
  }

  /**
   * Known values win; an unknown one is explained by the configuration: not written = not set
   * (optional attributes show as unknown in a create plan), a constant, or references.
   * An empty string is "not set" throughout this provider.
   */
  attribute(path: readonly PathStep[]): AttributeState {
    const value = valueAt(this.resource.values, this.resource.unknown, path);
    if (value.known) return knownState(value.value);
    if (this.config === undefined || !this.alignedWithConfig(path)) return UNKNOWN_WITHOUT_CONFIG;
    const top = String(path[0]);
    if (path.length > 1 && this.config.expressions[top] === undefined) return this.missingBlock(top);
    const lookup = expressionAt(this.config.expressions, path);
    if (lookup.found === 'absent') return UNSET;
    if (lookup.found === 'unknown') return UNKNOWN_WITHOUT_CONFIG;
    return (hasReferences(lookup.expression) ? this.sourceState(path) : undefined) ?? this.expressionState(lookup.expression);
  }

  /** Where this instance's `.tf` expressions are evaluated (count.index, each.*). */
  get frame(): Frame {
    this.cachedFrame ??= this.context.values.frameOf(this.resource, this.scope);
    return this.cachedFrame;
  }

  /**
   * An attribute from its `.tf` source: the plan JSON keeps only the references of an
   * expression, not which instance an index picks (`pool[count.index % 2]`) nor what a local,
   * a function or a condition computes. Undefined when the source is not found.
   */
  sourceState(path: readonly PathStep[]): AttributeState | undefined {
    const block = this.context.sourceBlock(this.resource)?.block;
    const found = block === undefined ? undefined : sourceTokens(block, path, this.config?.expressions);
    if (found === undefined) return undefined;
    const values = this.context.values;
    let value = values.evaluateTokens(found.tokens, this.frame);
    for (const step of found.rest) value = values.stepInto(value, step, this.frame);
    return this.context.stateOfValue(value, this.scope);
  }

  /**
   * One element of a list of nested blocks (`ingress[3]`), read without walking the whole path
   * for every attribute: rule sets have thousands.
   */
  element(list: string, index: number): ElementView {
    const values = child(this.resource.values[list], index);
    const unknownList = isPlainObject(this.resource.unknown) ? this.resource.unknown[list] : undefined;
    const unknownElement = unknownList === true ? true : child(unknownList, index);
    const configList = this.config?.expressions[list];
    let config: ElementConfig;
    if (this.config === undefined) config = { kind: 'unknown' };
    else if (configList === undefined) config = this.missingBlock(list).state === 'unset' ? { kind: 'unset' } : { kind: 'unknown' };
    else if (Array.isArray(configList) && Array.isArray(this.resource.values[list]) && configList.length === (this.resource.values[list] as unknown[]).length) {
      const block = configList[index];
      config = isPlainObject(block) ? { kind: 'block', block } : { kind: 'unknown' };
    } else config = { kind: 'unknown' };
    return new ElementView(this, [list, index], values, unknownElement, config);
  }

  /** A configuration expression as a state: constants read, references resolved. */
  expressionState(expression: unknown): AttributeState {
    if (isPlainObject(expression) && 'constant_value' in expression) {
      const constant = expression['constant_value'];
      // Configuration written as `.tf.json` keeps `"${tencentcloud_x.y.id}"` as a constant: it is a template.
      if (hasTemplate(constant)) return this.context.stateOfValue(this.context.values.evaluateExpr(jsonExpression(constant), this.frame), this.scope);
      return knownState(constant);
    }
    const items = this.context.resolver.resolve(expression, this.scope);
    // A variable whose value is null (a module input left at its default) leaves the attribute unset.
    if (items.length > 0 && items.every((item) => item.kind === 'constant' && (item.value === null || item.value === ''))) return UNSET;
    if (items.length === 1 && items[0]!.kind === 'constant') return { state: 'set', value: items[0]!.value };
    return { state: 'unknown', items };
  }

  /**
   * A nested block missing from the configuration: not written (an optional computed block,
   * wholly unknown in a create plan), or written with `dynamic` (then the plan knows its shape).
   */
  private missingBlock(name: string): AttributeState {
    const wholeUnknown = isPlainObject(this.resource.unknown) && this.resource.unknown[name] === true;
    return wholeUnknown && !this.writtenAsDynamic(name) ? UNSET : UNKNOWN_WITHOUT_CONFIG;
  }

  private writtenAsDynamic(name: string): boolean {
    return this.context.sourceBlock(this.resource)?.block.blocks.some((b) => b.type === 'dynamic' && b.labels[0] === name) ?? false;
  }

  /**
   * Nested blocks line up with their configuration only when both lists have the same length;
   * `dynamic` blocks are missing from the configuration, so then it cannot say which is which.
   */
  private alignedWithConfig(path: readonly PathStep[]): boolean {
    let expressions: unknown = this.config?.expressions;
    let values: unknown = this.resource.values;
    for (const step of path) {
      if (typeof step === 'number') {
        if (Array.isArray(expressions) && Array.isArray(values) && expressions.length !== values.length) return false;
      }
      expressions = child(expressions, step);
      values = child(values, step);
    }
    return true;
  }
}

type ElementConfig = { readonly kind: 'block'; readonly block: Record<string, unknown> } | { readonly kind: 'unset' } | { readonly kind: 'unknown' };

/** A nested block of a resource (`ingress[3]`), with its own slice of values, unknowns and configuration. */
export class ElementView extends AttributeReader {
  constructor(
    readonly view: ResourceView,
    readonly path: readonly PathStep[],
    private readonly values: unknown,
    private readonly unknownTree: unknown,
    private readonly config: ElementConfig,
  ) {
    super();
  }

  attribute(path: readonly PathStep[]): AttributeState {
    if (path.length !== 1) return this.view.attribute([...this.path, ...path]);
    const name = String(path[0]);
    const unknownHere = this.unknownTree === true || (isPlainObject(this.unknownTree) && this.unknownTree[name] === true);
    if (!unknownHere) return knownState(isPlainObject(this.values) ? this.values[name] : undefined);
    if (this.config.kind === 'unset') return UNSET;
    if (this.config.kind === 'unknown') return UNKNOWN_WITHOUT_CONFIG;
    const expression = this.config.block[name];
    if (expression === undefined) return UNSET;
    return (hasReferences(expression) ? this.view.sourceState([...this.path, name]) : undefined) ?? this.view.expressionState(expression);
  }
}

const UNSET: AttributeState = { state: 'unset' };
const UNKNOWN_WITHOUT_CONFIG: AttributeState = { state: 'unknown', items: [] };

/** An expression the plan JSON describes by its references only. */
function hasReferences(expression: unknown): boolean {
  return isPlainObject(expression) && Array.isArray(expression['references']);
}

/**
 * The tokens written for a path: a top-level attribute (the rest of the path goes into its
 * value), or an attribute of the i-th static nested block when the blocks line up with the
 * configuration (no `dynamic` block of that type).
 */
function sourceTokens(block: HclBlock, path: readonly PathStep[], expressions: Record<string, unknown> | undefined): { tokens: readonly HclToken[]; rest: readonly PathStep[] } | undefined {
  const top = String(path[0]);
  const attribute = block.attributes.get(top);
  if (attribute !== undefined) return { tokens: attribute.tokens, rest: path.slice(1) };
  const index = path[1];
  if (path.length < 3 || typeof index !== 'number') return undefined;
  if (block.blocks.some((b) => b.type === 'dynamic' && b.labels[0] === top)) return undefined;
  const nested = block.blocks.filter((b) => b.type === top);
  const configured = expressions?.[top];
  if (!Array.isArray(configured) || configured.length !== nested.length) return undefined;
  const inner = nested[index]?.attributes.get(String(path[2]));
  return inner === undefined ? undefined : { tokens: inner.tokens, rest: path.slice(3) };
}

export function knownState(value: unknown): AttributeState {
  return value === null || value === undefined || value === '' ? UNSET : { state: 'set', value };
}

function child(value: unknown, step: PathStep): unknown {
  if (Array.isArray(value)) return typeof step === 'number' ? value[step] : undefined;
  if (isPlainObject(value)) return value[String(step)];
  return undefined;
}

/**
 * What every resource reader shares: the plan's resources, references resolved through the
 * configuration, aliases from cloud IDs, source locations, and a place for warnings.
 */
export class PlanContext {
  readonly warnings: InventoryWarning[] = [];
  /** Known cloud ID → inventory key (address). */
  readonly aliases = new Map<string, Ref>();
  private readonly views = new Map<string, ResourceView>();

  constructor(
    readonly resources: PlanResources,
    readonly config: ConfigurationTree,
    readonly resolver: ReferenceResolver,
    readonly sources: TerraformSources,
    readonly values: SourceValues,
  ) {
    for (const resource of resources.byAddress.values()) {
      for (const name of ['id', ...(SELF_ID_ATTRIBUTES[resource.type] ?? [])]) {
        const id = resource.values[name];
        if (typeof id === 'string' && id !== '' && !this.aliases.has(id)) this.aliases.set(id, resource.address);
      }
    }
  }

  view(resource: PlanResource): ResourceView {
    let view = this.views.get(resource.address);
    if (view === undefined) {
      view = new ResourceView(this, resource);
      this.views.set(resource.address, view);
    }
    return view;
  }

  warn(resource: PlanResource | string, message: string): void {
    this.warnings.push({ address: typeof resource === 'string' ? resource : resource.address, message });
  }

  /** A literal ID: the address of the resource that has it, or the ID itself (external). */
  alias(id: string): Ref {
    return this.aliases.get(id) ?? id;
  }

  sourceBlock(resource: PlanResource): SourceBlock | undefined {
    return this.sources.resourceBlock(this.config.module(resource.module)?.dir, 'managed', resource.type, resource.name);
  }

  location(resource: PlanResource): SourceLocation | undefined {
    const block = this.sourceBlock(resource);
    return block === undefined ? undefined : this.sources.blockLocation(block);
  }

  private readonly shared = new Map<string, object>();

  /**
   * One object for equal, read-only rule parts (`{kind:'cidr', cidr:'0.0.0.0/0'}`,
   * `{kind:'protocol', protocol:'TCP', ports:'443'}`): a large plan repeats a few of them a
   * hundred thousand times.
   */
  sharePeer(peer: AddressSpec): AddressSpec {
    if (peer.kind === 'unknown') return peer;
    return this.shareAs(`${peer.kind}|${peer.kind === 'cidr' ? peer.cidr : peer.ref}`, peer);
  }

  shareService(service: ServiceSpec): ServiceSpec {
    if (service.kind !== 'protocol') return this.shareAs(`${service.kind}|${service.ref}`, service);
    if (typeof service.protocol !== 'string' || typeof service.ports !== 'string') return service;
    return this.shareAs(`protocol|${service.protocol}|${service.ports}`, service);
  }

  /** `ingress[3]`, shared: a large plan has a hundred thousand rules with a few distinct paths. */
  elementPath(list: string, index: number): string {
    return this.shareAs(`path|${list}|${index}`, { path: `${list}[${index}]` }).path;
  }

  private shareAs<T extends object>(key: string, value: T): T {
    const known = this.shared.get(key);
    if (known !== undefined) return known as T;
    this.shared.set(key, value);
    return value;
  }

  provenance(resource: PlanResource, extra: { path?: string; location?: SourceLocation } = {}): Provenance {
    const id = resource.values['id'];
    const location = extra.location ?? this.view(resource).location;
    return {
      address: resource.address,
      ...(typeof id === 'string' && id !== '' ? { cloudId: id } : {}),
      type: resource.type,
      ...(extra.path !== undefined ? { path: extra.path } : {}),
      ...(location !== undefined ? { location } : {}),
    };
  }

  /** An evaluated `.tf` value as an attribute state: set when plain, else the items it names. */
  stateOfValue(value: Value, scope: Scope): AttributeState {
    const items = this.values.itemsOf(value, scope);
    return items === undefined ? knownState(value) : { state: 'unknown', items };
  }

  linksOf(state: AttributeState, owner: string | undefined, path: readonly PathStep[], depth = 0): LinkedRefs {
    if (state.state === 'unset') return { refs: [] };
    if (state.state === 'set') return this.literalLinks(state.value, owner, path);
    if (state.items.length === 0) return { refs: [], unknownReason: AFTER_APPLY };
    const refs: Ref[] = [];
    const reasons: string[] = [];
    for (const item of state.items) {
      const linked = this.linkItem(item, depth);
      for (const ref of linked.refs) if (!refs.includes(ref)) refs.push(ref);
      if (linked.unknownReason !== undefined) reasons.push(linked.unknownReason);
    }
    return reasons.length > 0 ? { refs, unknownReason: reasons.join('; ') } : { refs };
  }

  private literalLinks(value: unknown, owner: string | undefined, path: readonly PathStep[]): LinkedRefs {
    const values = Array.isArray(value) ? value : [value];
    const refs: Ref[] = [];
    for (const entry of values) {
      if (entry === null || entry === '') continue;
      if (typeof entry !== 'string') {
        if (owner !== undefined) this.warn(owner, `${formatPath(path)}: expected an ID, found ${JSON.stringify(entry)}`);
        return { refs, unknownReason: `${owner === undefined ? 'a referenced value' : formatPath(path)} is not an ID` };
      }
      const ref = this.alias(entry);
      if (!refs.includes(ref)) refs.push(ref);
    }
    return { refs };
  }

  /** A resolved reference as IDs: the resource itself, or the attribute it reads, followed. */
  linkItem(item: Resolved, depth = 0): LinkedRefs {
    switch (item.kind) {
      case 'constant':
        return this.literalLinks(item.value, undefined, []);
      case 'external':
        return { refs: [], unknownReason: `external: ${item.reason}` };
      case 'opaque':
        return { refs: [], unknownReason: item.reason };
      case 'resource': {
        const attribute = item.attribute;
        const selfIds = ['id', ...(SELF_ID_ATTRIBUTES[item.resource.type] ?? [])];
        if (attribute.length === 0 || (attribute.length === 1 && selfIds.includes(String(attribute[0])))) return { refs: [item.resource.address] };
        if (depth > 8) return { refs: [], unknownReason: `${item.resource.address}.${attribute.join('.')} could not be followed` };
        // `x.security_group_id` of another resource: that resource's own attribute, followed.
        const state = this.view(item.resource).attribute(attribute);
        return this.linksOf(state, item.resource.address, attribute, depth + 1);
      }
    }
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function formatPath(path: readonly PathStep[]): string {
  return path.map((step, i) => (typeof step === 'number' ? `[${step}]` : `${i === 0 ? '' : '.'}${step}`)).join('');
}
