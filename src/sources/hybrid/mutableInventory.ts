import type { AddressTemplate, AddressTemplateGroup, ServiceTemplate, ServiceTemplateGroup } from '../../model/address.js';
import type { Instance, NetworkInterface } from '../../model/instance.js';
import type { Inventory, InventoryWarning } from '../../model/inventory.js';
import type { LoadBalancer } from '../../model/loadBalancer.js';
import type { Ref, Subnet, Vpc } from '../../model/network.js';
import type { NetworkAcl } from '../../model/networkAcl.js';
import type { SecurityGroup } from '../../model/securityGroup.js';

/** An inventory being completed from the account: its own maps, the plan's left untouched. */
export interface MutableInventory {
  readonly mode: Inventory['mode'];
  readonly loadBalancers: Map<Ref, LoadBalancer>;
  readonly instances: Map<Ref, Instance>;
  readonly networkInterfaces: Map<Ref, NetworkInterface>;
  readonly securityGroups: Map<Ref, SecurityGroup>;
  readonly networkAcls: Map<Ref, NetworkAcl>;
  readonly subnets: Map<Ref, Subnet>;
  readonly vpcs: Map<Ref, Vpc>;
  readonly addressTemplates: Map<Ref, AddressTemplate>;
  readonly addressTemplateGroups: Map<Ref, AddressTemplateGroup>;
  readonly serviceTemplates: Map<Ref, ServiceTemplate>;
  readonly serviceTemplateGroups: Map<Ref, ServiceTemplateGroup>;
  readonly aliases: Map<string, Ref>;
  readonly warnings: InventoryWarning[];
  complete: boolean;
  readonly incompleteReasons?: readonly string[];
}

export function mutableCopy(inventory: Inventory): MutableInventory {
  return {
    mode: inventory.mode,
    loadBalancers: new Map(inventory.loadBalancers),
    instances: new Map(inventory.instances),
    networkInterfaces: new Map(inventory.networkInterfaces),
    securityGroups: new Map(inventory.securityGroups),
    networkAcls: new Map(inventory.networkAcls),
    subnets: new Map(inventory.subnets),
    vpcs: new Map(inventory.vpcs),
    addressTemplates: new Map(inventory.addressTemplates),
    addressTemplateGroups: new Map(inventory.addressTemplateGroups),
    serviceTemplates: new Map(inventory.serviceTemplates),
    serviceTemplateGroups: new Map(inventory.serviceTemplateGroups),
    aliases: new Map(inventory.aliases),
    warnings: [...inventory.warnings],
    complete: inventory.complete,
    ...(inventory.incompleteReasons !== undefined ? { incompleteReasons: inventory.incompleteReasons } : {}),
  };
}
