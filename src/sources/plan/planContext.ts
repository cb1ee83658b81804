import type { InventoryWarning } from '../../model/inventory.js';
import type { Provenance, SourceLocation } from '../../model/provenance.js';
import type { ConfigurationTree } from '../../terraform/configurationTree.js';
import type { Value } from '../../terraform/evaluate.js';
import type { PlanResource, PlanResources } from '../../terraform/planResources.js';
import type { ReferenceResolver, Scope } from '../../terraform/referenceResolver.js';
import type { SourceValues } from '../../terraform/sourceValues.js';
import type { SourceBlock, TerraformSources } from '../../terraform/terraformSources.js';
import { type AttributeState, knownState } from './attributeState.js';
import { IdLinks } from './idLinks.js';
import { ResourceView } from './resourceView.js';
import { SharedParts } from './sharedParts.js';

/** What an unlinked resource costs the report, said once for every reader. */
export const NOT_DECIDED = 'the checks it feeds are not decided';

const NO_EXTRA: { path?: string; location?: SourceLocation } = {};

/**
 * What every resource reader shares: the plan's resources, references resolved through the
 * configuration, aliases from cloud IDs, source locations, and a place for warnings.
 */
export class PlanContext {
  readonly warnings: InventoryWarning[] = [];
  /** Why the inventory is not complete: resources that feed the checks but could not be linked. */
  readonly incompleteReasons: string[] = [];
  readonly links: IdLinks;
  readonly shared = new SharedParts();
  /** By the resource object: readers ask for views hundreds of thousands of times. */
  private readonly views = new Map<PlanResource, ResourceView>();

  constructor(
    readonly resources: PlanResources,
    readonly config: ConfigurationTree,
    readonly resolver: ReferenceResolver,
    readonly sources: TerraformSources,
    readonly values: SourceValues,
  ) {
    this.links = new IdLinks(resources, {
      attributeOf: (resource, path) => this.view(resource).attribute(path),
      warn: (address, message) => this.warn(address, message),
    });
  }

  view(resource: PlanResource): ResourceView {
    let view = this.views.get(resource);
    if (view === undefined) {
      view = new ResourceView(this, resource);
      this.views.set(resource, view);
    }
    return view;
  }

  warn(resource: PlanResource | string, message: string): void {
    this.warnings.push({ address: typeof resource === 'string' ? resource : resource.address, message });
  }

  /**
   * A resource that feeds the checks (rules of a group, a listener of a CLB, an attachment, a
   * target) whose link could not be resolved: what it would change is not decided, so the
   * inventory is incomplete (exit 2 unless --allow-partial), never silently smaller.
   */
  unlinked(resource: PlanResource | string, message: string): void {
    const address = typeof resource === 'string' ? resource : resource.address;
    const text = `${message}; ${NOT_DECIDED}`;
    this.warn(address, text);
    this.incomplete(address, text);
  }

  /** A reason the inventory is not complete, for a resource already warned about. */
  incomplete(address: string, message: string): void {
    this.incompleteReasons.push(`${address}: ${message}`);
  }

  /** The resource's block in the `.tf` source, looked up once per resource (readers ask for it per attribute). */
  sourceBlock(resource: PlanResource): SourceBlock | undefined {
    return this.view(resource).sourceBlock;
  }

  location(resource: PlanResource): SourceLocation | undefined {
    const block = this.sourceBlock(resource);
    return block === undefined ? undefined : this.sources.blockLocation(block);
  }

  provenance(resource: PlanResource, extra: { path?: string; location?: SourceLocation } = NO_EXTRA): Provenance {
    const id = resource.values['id'];
    const location = extra.location ?? this.view(resource).location;
    // Built field by field, in the order reports print them: one object per resource, no spreads.
    const provenance: { -readonly [K in keyof Provenance]: Provenance[K] } = { address: resource.address };
    if (typeof id === 'string' && id !== '') provenance.cloudId = id;
    provenance.type = resource.type;
    if (extra.path !== undefined) provenance.path = extra.path;
    if (location !== undefined) provenance.location = location;
    return provenance;
  }

  /** An evaluated `.tf` value as an attribute state: set when plain, else the items it names. */
  stateOfValue(value: Value, scope: Scope): AttributeState {
    const items = this.values.itemsOf(value, scope);
    return items === undefined ? knownState(value) : { state: 'unknown', items };
  }
}
