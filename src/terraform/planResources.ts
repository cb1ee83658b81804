import type { InventoryWarning } from '../model/inventory.js';
import { isObject, type JsonObject, type PlanDocument } from './planDocument.js';
import { type ResourceChange, removesObject } from './resourceChangeShape.js';
import {
  canonicalAddress,
  compareKeys,
  formatKey,
  formatResourceAddress,
  type InstanceKey,
  type ModuleStep,
  modulePrefix,
  parseModulePath,
  parseResourceAddress,
  type ResourceAddress,
} from './terraformAddress.js';
import { TwoNameTable } from './twoNameTable.js';

/** One managed resource instance as it will be after apply. */
export interface PlanResource {
  /** Canonical Terraform address: `module.app["b"].aws_instance.web[0]`. */
  readonly address: string;
  readonly module: readonly ModuleStep[];
  readonly type: string;
  readonly name: string;
  readonly key?: InstanceKey;
  /** Known values after apply (the parsed plan's own object, not a copy). */
  readonly values: JsonObject;
  /** `after_unknown`: `true` where a value is known only after apply. */
  readonly unknown: unknown;
  /** A new object (create or replace): its IDs do not exist yet. */
  readonly created: boolean;
}

/**
 * Every managed resource instance that exists after apply, indexed by address and by resource.
 * Sources, in order of authority: `resource_changes` (skipping deletes), then `prior_state` for
 * resources that do not appear there, then `planned_values` for anything still missing.
 */
export class PlanResources {
  readonly byAddress = new Map<string, PlanResource>();
  /** The instances of each resource, one list per resource (sorted by key once all are read). */
  private readonly resourceLists: PlanResource[][] = [];
  private readonly byType = new Map<string, PlanResource[]>();
  /** Addresses the plan deletes: never read from prior state. */
  private readonly deleted = new Set<string>();
  /** Module instances that hold at least one resource, for `module.x` references without a key; sorted when first asked. */
  private readonly moduleInstances = new Map<
    string,
    { readonly byKey: Map<InstanceKey | undefined, ModuleStep[]>; sorted: ModuleStep[][] | undefined }
  >();

  constructor(document: PlanDocument, warnings: InventoryWarning[]) {
    for (const change of document.resourceChanges) this.addChange(change, warnings);
    if (document.deferredChanges.length > 0) warnings.push({ message: deferredMessage(document.deferredChanges) });
    const prior = isObject(document.priorState?.['values']) ? document.priorState['values'] : undefined;
    if (prior !== undefined) this.addModuleValues(prior['root_module'], false);
    if (document.plannedValues !== undefined) this.addModuleValues(document.plannedValues['root_module'], true);
    for (const list of this.resourceLists) if (list.length > 1) list.sort((a, b) => compareKeys(a.key, b.key));
  }

  /**
   * The resources of each module instance by type and name, filled as they are added. Every
   * resource of one module instance shares one path array (`internModule`), so readers find a
   * module's `type.name` without building its address text.
   */
  private readonly byModuleInstance = new WeakMap<readonly ModuleStep[], TwoNameTable<PlanResource[]>>();

  /** The instances of managed resource `type.name` in a module instance (`module.x["k"].type.name` → `[0]`, `[1]`), in key order. */
  instancesIn(module: readonly ModuleStep[], type: string, name: string): readonly PlanResource[] {
    let byType = this.byModuleInstance.get(module);
    if (byType === undefined) {
      // A path built afresh (`module.x["k"]` of a reference): the plan's own array for that text.
      const own = this.modulesByText.get(modulePrefix(module));
      byType = own === undefined ? undefined : this.byModuleInstance.get(own);
      // Every resource is added by the constructor, so the table found is final: keep it for this array too.
      if (byType !== undefined) this.byModuleInstance.set(module, byType);
    }
    return byType?.get(type, name) ?? NO_RESOURCES;
  }

  /** The instances of a module call under a parent module instance, e.g. `module.internal["blue"]`. */
  moduleInstancesOf(parent: readonly ModuleStep[], call: string): readonly (readonly ModuleStep[])[] {
    const known = this.moduleInstances.get(moduleCallKey(parent, call));
    if (known === undefined) return [];
    known.sorted ??= [...known.byKey.entries()].sort(([a], [b]) => compareKeys(a, b)).map(([, instance]) => instance);
    return known.sorted;
  }

  /** Instances of one resource type, in plan order. */
  ofType(type: string): readonly PlanResource[] {
    return this.byType.get(type) ?? [];
  }

  /** One entry of `resource_changes`, whose shape `readPlanDocument` has checked. */
  private addChange(change: ResourceChange, warnings: InventoryWarning[]): void {
    if (change.mode !== 'managed' || change['deposed'] !== undefined) return;
    const { address } = change;
    const { actions, after } = change.change;
    const parsed = this.addressOf(change, address);
    if (parsed === undefined) {
      warnings.push({ address, message: 'cannot read this resource address; skipped' });
      return;
    }
    const canonical = parsed.address;
    if (removesObject(actions)) {
      this.deleted.add(canonical);
      return;
    }
    // Never so (checked when read): an object that remains has its values after the change.
    if (after === null || after === undefined) return;
    this.add(parsed, after, change.change['after_unknown'] ?? {}, actions.includes('create'));
  }

  private addModuleValues(module: unknown, planned: boolean): void {
    if (!isObject(module)) return;
    const resources = module['resources'];
    if (Array.isArray(resources)) {
      for (const resource of resources) {
        if (!isObject(resource) || resource['mode'] !== 'managed' || typeof resource['address'] !== 'string') continue;
        if (resource['deposed_key'] !== undefined) continue;
        const parsed = this.addressOf(resource, resource['address']);
        if (parsed === undefined) continue;
        const canonical = parsed.address;
        if (this.byAddress.has(canonical) || this.deleted.has(canonical)) continue;
        const values = resource['values'];
        if (!isObject(values)) continue;
        // planned_values leaves unknown values out; without resource_changes we cannot tell them from unset.
        this.add(parsed, values, {}, planned);
      }
    }
    const children = module['child_modules'];
    if (Array.isArray(children)) for (const child of children) this.addModuleValues(child, planned);
  }

  private readonly modulePaths = new Map<string, readonly ModuleStep[] | undefined>();
  private readonly seenModules = new WeakSet<readonly ModuleStep[]>();
  private readonly strings = new Map<string, string>();

  /** One copy of each type and name: a large plan repeats them hundreds of thousands of times. */
  private intern(text: string): string {
    const known = this.strings.get(text);
    if (known !== undefined) return known;
    this.strings.set(text, text);
    return text;
  }

  /**
   * The plan spells out `type`, `name`, `index` and `module_address` next to `address`; using
   * them avoids parsing every address (a large plan has hundreds of thousands).
   */
  private addressOf(entry: JsonObject, address: string): ParsedAddress | undefined {
    const type = entry['type'];
    const name = entry['name'];
    const index = entry['index'];
    const moduleAddress = entry['module_address'] ?? '';
    if (
      typeof type === 'string' &&
      typeof name === 'string' &&
      typeof moduleAddress === 'string' &&
      (index === undefined || typeof index === 'number' || typeof index === 'string')
    ) {
      let module = this.modulePaths.get(moduleAddress);
      if (module === undefined && !this.modulePaths.has(moduleAddress)) {
        const path = parseModulePath(moduleAddress);
        module = path === undefined ? undefined : this.internModule(path);
        this.modulePaths.set(moduleAddress, module);
      }
      if (module !== undefined) {
        const parsed: ResourceAddress =
          index === undefined
            ? { module, mode: 'managed', type: this.intern(type), name: this.intern(name) }
            : { module, mode: 'managed', type: this.intern(type), name: this.intern(name), key: index };
        // Keep the plan's own (flat) string when it is already canonical: it is what other parts refer to.
        if (spells(address, modulePrefix(module), parsed)) return { parsed, address };
        const canonical = formatResourceAddress(parsed);
        if (canonicalAddress(address) === canonical) return { parsed, address: canonical };
      }
    }
    const read = parseResourceAddress(address);
    if (read === undefined) return undefined;
    const parsed = { ...read, module: this.internModule(read.module) };
    return { parsed, address: formatResourceAddress(parsed) };
  }

  private readonly modulesByText = new Map<string, readonly ModuleStep[]>();

  /** One path array per module instance, however its address was spelled: `byModuleInstance` is keyed by it. */
  private internModule(module: readonly ModuleStep[]): readonly ModuleStep[] {
    const text = modulePrefix(module);
    const known = this.modulesByText.get(text);
    if (known !== undefined) return known;
    this.modulesByText.set(text, module);
    return module;
  }

  private add({ parsed, address }: ParsedAddress, values: JsonObject, unknown: unknown, created: boolean): void {
    const { module, type, name, key } = parsed;
    const resource: PlanResource =
      key === undefined
        ? { address, module, type, name, values, unknown, created }
        : { address, module, type, name, key, values, unknown, created };
    this.byAddress.set(address, resource);
    let byType = this.byModuleInstance.get(module);
    if (byType === undefined) {
      byType = new TwoNameTable();
      this.byModuleInstance.set(module, byType);
    }
    const list = byType.get(type, name);
    if (list === undefined) {
      const first = [resource];
      byType.set(type, name, first);
      this.resourceLists.push(first);
    } else list.push(resource);
    const typed = this.byType.get(resource.type);
    if (typed === undefined) this.byType.set(resource.type, [resource]);
    else typed.push(resource);
    for (let depth = 1; depth <= resource.module.length && !this.seenModules.has(resource.module); depth++) {
      const instance = resource.module.slice(0, depth);
      const key = moduleCallKey(instance.slice(0, -1), instance[depth - 1]!.name);
      let known = this.moduleInstances.get(key);
      if (known === undefined) {
        known = { byKey: new Map(), sorted: undefined };
        this.moduleInstances.set(key, known);
      }
      const last = instance[depth - 1]!.key;
      if (!known.byKey.has(last)) {
        known.byKey.set(last, instance);
        known.sorted = undefined;
      }
    }
    if (resource.module.length > 0) this.seenModules.add(resource.module);
  }
}

const NO_RESOURCES: readonly PlanResource[] = [];

/** What a plan with deferred changes leaves out: those resources are in no list here. */
function deferredMessage(addresses: readonly string[]): string {
  const more = addresses.length > 5 ? ` and ${addresses.length - 5} more` : '';
  return `Terraform deferred these changes until what they depend on is known; they are not checked: ${addresses.slice(0, 5).join(', ')}${more}`;
}

/**
 * Whether an address is the canonical spelling of a managed resource instance
 * (`formatResourceAddress`), checked piece by piece instead of building that text for each of
 * a plan's resources.
 */
function spells(address: string, prefix: string, { type, name, key }: ResourceAddress): boolean {
  let at = prefix.length;
  if (!address.startsWith(prefix) || !address.startsWith(type, at)) return false;
  at += type.length;
  if (address.charCodeAt(at) !== 46 /* . */ || !address.startsWith(name, at + 1)) return false;
  at += 1 + name.length;
  if (key === undefined) return at === address.length;
  const keyText = formatKey(key);
  return address.length === at + keyText.length && address.startsWith(keyText, at);
}

/** An address read from the plan: its parts and its canonical text. */
interface ParsedAddress {
  readonly parsed: ResourceAddress;
  readonly address: string;
}

function moduleCallKey(parent: readonly ModuleStep[], call: string): string {
  return `${parent.map((s) => `${s.name}${s.key === undefined ? '' : `[${JSON.stringify(s.key)}]`}`).join('.')}|${call}`;
}
