import type { Ref } from '../../model/network.js';
import { formatPath, type PathStep } from '../../terraform/attributePath.js';
import type { PlanResource, PlanResources } from '../../terraform/planResources.js';
import type { Resolved } from '../../terraform/referenceResolver.js';
import { AFTER_APPLY, type AttributeState } from './attributeState.js';

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

/** What links need from the rest of the plan: another resource's attribute, and a place for warnings. */
export interface LinkHost {
  attributeOf(resource: PlanResource, path: readonly PathStep[]): AttributeState;
  warn(address: string, message: string): void;
}

/**
 * IDs to inventory keys: a known cloud ID to the address of the resource that has it, a
 * reference to the resource it names (or the attribute it reads, followed).
 */
export class IdLinks {
  /** Known cloud ID → inventory key (address). */
  readonly aliases = new Map<string, Ref>();

  constructor(
    resources: PlanResources,
    private readonly host: LinkHost,
  ) {
    for (const resource of resources.byAddress.values()) {
      for (const name of selfIds(resource.type)) {
        const id = resource.values[name];
        if (typeof id === 'string' && id !== '' && !this.aliases.has(id)) this.aliases.set(id, resource.address);
      }
    }
  }

  /** A literal ID: the address of the resource that has it, or the ID itself (external). */
  alias(id: string): Ref {
    return this.aliases.get(id) ?? id;
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
        if (owner !== undefined) this.host.warn(owner, `${formatPath(path)}: expected an ID, found ${JSON.stringify(entry)}`);
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
        if (attribute.length === 0 || (attribute.length === 1 && selfIds(item.resource.type).includes(String(attribute[0]))))
          return { refs: [item.resource.address] };
        if (depth > 8) return { refs: [], unknownReason: `${item.resource.address}.${attribute.join('.')} could not be followed` };
        // `x.security_group_id` of another resource: that resource's own attribute, followed.
        const state = this.host.attributeOf(item.resource, attribute);
        return this.linksOf(state, item.resource.address, attribute, depth + 1);
      }
    }
  }
}

const ID_ONLY: readonly string[] = ['id'];
const SELF_IDS = new Map<string, readonly string[]>(Object.entries(SELF_ID_ATTRIBUTES).map(([type, names]) => [type, ['id', ...names]]));

function selfIds(type: string): readonly string[] {
  return SELF_IDS.get(type) ?? ID_ONLY;
}
