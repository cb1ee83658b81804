import type { AddressTemplate, AddressTemplateGroup, ServiceTemplate, ServiceTemplateGroup } from './address.js';
import type { Instance, NetworkInterface } from './instance.js';
import type { LoadBalancer } from './loadBalancer.js';
import type { Ref, Subnet, Vpc } from './network.js';
import type { NetworkAcl } from './networkAcl.js';
import type { SecurityGroup } from './securityGroup.js';

/**
 * Everything a check needs, as produced by the plan source or the live source. Maps are keyed
 * by `key` (Terraform address or cloud ID). `aliases` maps known cloud IDs to keys so that a
 * literal `sg-…` in a plan resolves to the resource that has that ID.
 */
export interface Inventory {
  readonly mode: 'plan' | 'live';
  readonly loadBalancers: ReadonlyMap<Ref, LoadBalancer>;
  readonly instances: ReadonlyMap<Ref, Instance>;
  /** ENIs not already listed in an instance's `interfaces` (standalone or secondary). */
  readonly networkInterfaces: ReadonlyMap<Ref, NetworkInterface>;
  readonly securityGroups: ReadonlyMap<Ref, SecurityGroup>;
  readonly networkAcls: ReadonlyMap<Ref, NetworkAcl>;
  readonly subnets: ReadonlyMap<Ref, Subnet>;
  readonly vpcs: ReadonlyMap<Ref, Vpc>;
  readonly addressTemplates: ReadonlyMap<Ref, AddressTemplate>;
  readonly addressTemplateGroups: ReadonlyMap<Ref, AddressTemplateGroup>;
  readonly serviceTemplates: ReadonlyMap<Ref, ServiceTemplate>;
  readonly serviceTemplateGroups: ReadonlyMap<Ref, ServiceTemplateGroup>;
  readonly aliases: ReadonlyMap<string, Ref>;
  /** Problems met while reading that did not stop the read (odd shapes, unsupported values). */
  readonly warnings: readonly InventoryWarning[];
  /** False when part of the source could not be read (live mode: calls that kept failing). */
  readonly complete: boolean;
  /**
   * Plan mode: the values the plan marks sensitive, as written, that the engine may use but no
   * output may show (`SensitiveText` scrubs them). Absent when there are none.
   */
  readonly sensitiveTexts?: readonly string[];
  /**
   * Why it is not complete, one line each, when the source can say (plan mode: a deferred plan,
   * a part that could not be read, a resource that feeds the checks but could not be linked).
   */
  readonly incompleteReasons?: readonly string[];
}

export interface InventoryWarning {
  readonly address?: string;
  readonly message: string;
}

export function emptyInventory(mode: Inventory['mode']): Inventory {
  return {
    mode,
    loadBalancers: new Map(),
    instances: new Map(),
    networkInterfaces: new Map(),
    securityGroups: new Map(),
    networkAcls: new Map(),
    subnets: new Map(),
    vpcs: new Map(),
    addressTemplates: new Map(),
    addressTemplateGroups: new Map(),
    serviceTemplates: new Map(),
    serviceTemplateGroups: new Map(),
    aliases: new Map(),
    warnings: [],
    complete: true,
  };
}
