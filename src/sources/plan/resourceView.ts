import type { SourceLocation } from '../../model/provenance.js';
import { childAt, type PathStep } from '../../terraform/attributePath.js';
import type { ConfigResource } from '../../terraform/configurationTree.js';
import { hasTemplate, jsonExpression } from '../../terraform/expression.js';
import type { HclBlock, HclToken } from '../../terraform/hcl/index.js';
import type { PlanResource } from '../../terraform/planResources.js';
import { expressionAt, valueAt } from '../../terraform/planValue.js';
import type { Scope } from '../../terraform/referenceResolver.js';
import type { Frame } from '../../terraform/sourceValues.js';
import type { SourceBlock, TerraformSources } from '../../terraform/terraformSources.js';
import { AttributeReader } from './attributeReader.js';
import { type AttributeState, knownState, UNKNOWN_WITHOUT_CONFIG, UNSET } from './attributeState.js';
import type { PlanContext } from './planContext.js';

/** One resource instance with its configuration and scope, for readers. */
export class ResourceView extends AttributeReader {
  readonly config: ConfigResource | undefined;
  readonly scope: Scope;
  private cachedLocation: SourceLocation | null | undefined;
  private cachedBlock: SourceBlock | null | undefined;
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

  /** The resource's block in the `.tf` source, looked up once. */
  get sourceBlock(): SourceBlock | undefined {
    if (this.cachedBlock === undefined) {
      const { context, resource } = this;
      this.cachedBlock =
        context.sources.resourceBlock(context.config.module(resource.module)?.dir, 'managed', resource.type, resource.name) ?? null;
    }
    return this.cachedBlock ?? undefined;
  }

  /** The resource block's location, looked up once. */
  get location(): SourceLocation | undefined {
    if (this.cachedLocation === undefined) this.cachedLocation = this.context.location(this.resource) ?? null;
    return this.cachedLocation ?? undefined;
  }

  /**
   * Known values win; an unknown one is explained by the configuration: not written = not set
   * (optional attributes show as unknown in a create plan), a constant, or references. Blocks
   * written with `dynamic` are missing from the configuration too, but they are written: over
   * a collection known only after apply they are unknown, never "not set".
   * An empty string is "not set" throughout this provider.
   */
  attribute(path: readonly PathStep[]): AttributeState {
    const value = valueAt(this.resource.values, this.resource.unknown, path);
    if (value.known) return knownState(value.value);
    if (this.config === undefined || !this.alignedWithConfig(path)) return UNKNOWN_WITHOUT_CONFIG;
    const top = String(path[0]);
    if (this.config.expressions[top] === undefined) return this.missingBlock(top);
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
    const block = this.sourceBlock?.block;
    const found = block === undefined ? undefined : sourceTokens(this.context.sources, block, path, this.config?.expressions);
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
    const values = childAt(this.resource.values[list], index);
    const unknownList = isPlainObject(this.resource.unknown) ? this.resource.unknown[list] : undefined;
    const unknownElement = unknownList === true ? true : childAt(unknownList, index);
    const configList = this.config?.expressions[list];
    let config: ElementConfig;
    if (this.config === undefined) config = UNKNOWN_CONFIG;
    else if (configList === undefined) config = this.missingBlock(list).state === 'unset' ? UNSET_CONFIG : UNKNOWN_CONFIG;
    else if (
      Array.isArray(configList) &&
      Array.isArray(this.resource.values[list]) &&
      configList.length === (this.resource.values[list] as unknown[]).length
    ) {
      const block = configList[index];
      config = isPlainObject(block) ? { kind: 'block', block } : UNKNOWN_CONFIG;
    } else config = UNKNOWN_CONFIG;
    return new ElementView(this, list, index, values, unknownElement, config);
  }

  /** A configuration expression as a state: constants read, references resolved. */
  expressionState(expression: unknown): AttributeState {
    if (isPlainObject(expression) && 'constant_value' in expression) {
      const constant = expression['constant_value'];
      // Configuration written as `.tf.json` keeps `"${tencentcloud_x.y.id}"` as a constant: it is a template.
      if (hasTemplate(constant))
        return this.context.stateOfValue(this.context.values.evaluateExpr(jsonExpression(constant), this.frame), this.scope);
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
    const block = this.sourceBlock?.block;
    return block !== undefined && this.context.sources.nestedBlocks(block).dynamic.has(name);
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
      expressions = childAt(expressions, step);
      values = childAt(values, step);
    }
    return true;
  }
}

type ElementConfig =
  | { readonly kind: 'block'; readonly block: Record<string, unknown> }
  | { readonly kind: 'unset' }
  | { readonly kind: 'unknown' };

const UNSET_CONFIG: ElementConfig = { kind: 'unset' };
const UNKNOWN_CONFIG: ElementConfig = { kind: 'unknown' };

/** A nested block of a resource (`ingress[3]`), with its own slice of values, unknowns and configuration. */
export class ElementView extends AttributeReader {
  constructor(
    readonly view: ResourceView,
    private readonly list: string,
    private readonly index: number,
    private readonly values: unknown,
    private readonly unknownTree: unknown,
    private readonly config: ElementConfig,
  ) {
    super();
  }

  attribute(path: readonly PathStep[]): AttributeState {
    if (path.length !== 1) return this.view.attribute([this.list, this.index, ...path]);
    return this.field(String(path[0]));
  }

  /** `attribute([name])` without building the path: rule sets read a dozen fields of each of thousands of blocks. */
  field(name: string): AttributeState {
    const unknownHere = this.unknownTree === true || (isPlainObject(this.unknownTree) && this.unknownTree[name] === true);
    if (!unknownHere) return knownState(isPlainObject(this.values) ? this.values[name] : undefined);
    if (this.config.kind === 'unset') return UNSET;
    if (this.config.kind === 'unknown') return UNKNOWN_WITHOUT_CONFIG;
    const expression = this.config.block[name];
    if (expression === undefined) return UNSET;
    return (
      (hasReferences(expression) ? this.view.sourceState([this.list, this.index, name]) : undefined) ??
      this.view.expressionState(expression)
    );
  }
}

/** An expression the plan JSON describes by its references only. */
function hasReferences(expression: unknown): boolean {
  return isPlainObject(expression) && Array.isArray(expression['references']);
}

/**
 * The tokens written for a path: a top-level attribute (the rest of the path goes into its
 * value), or an attribute of the i-th static nested block when the blocks line up with the
 * configuration (no `dynamic` block of that type).
 */
function sourceTokens(
  sources: TerraformSources,
  block: HclBlock,
  path: readonly PathStep[],
  expressions: Record<string, unknown> | undefined,
): { tokens: readonly HclToken[]; rest: readonly PathStep[] } | undefined {
  const top = String(path[0]);
  const attribute = block.attributes.get(top);
  if (attribute !== undefined) return { tokens: attribute.tokens, rest: path.length === 1 ? NO_STEPS : path.slice(1) };
  const index = path[1];
  if (path.length < 3 || typeof index !== 'number') return undefined;
  if (sources.nestedBlocks(block).dynamic.has(top)) return undefined;
  const nested = sources.blocksOfType(block, top);
  const configured = expressions?.[top];
  if (!Array.isArray(configured) || configured.length !== nested.length) return undefined;
  const inner = nested[index]?.attributes.get(String(path[2]));
  return inner === undefined ? undefined : { tokens: inner.tokens, rest: path.slice(3) };
}

const NO_STEPS: readonly PathStep[] = [];

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
