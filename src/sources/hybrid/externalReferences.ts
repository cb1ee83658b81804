import type { Instance, NetworkInterface } from '../../model/instance.js';
import type { Inventory } from '../../model/inventory.js';
import type { LoadBalancer, Target } from '../../model/loadBalancer.js';
import type { Ref } from '../../model/network.js';
import { isUnknown, type Maybe } from '../../model/value.js';

/** The kinds of cloud object a plan can name by ID without managing it. */
export type ExternalKind =
  | 'securityGroup'
  | 'instance'
  | 'networkInterface'
  | 'subnet'
  | 'vpc'
  | 'networkAcl'
  | 'loadBalancer'
  | 'addressTemplate'
  | 'addressTemplateGroup'
  | 'serviceTemplate'
  | 'serviceTemplateGroup';

const PREFIX: Readonly<Record<ExternalKind, RegExp>> = {
  securityGroup: /^sg-[0-9a-z]+$/,
  instance: /^ins-[0-9a-z]+$/,
  networkInterface: /^eni-[0-9a-z]+$/,
  subnet: /^subnet-[0-9a-z]+$/,
  vpc: /^vpc-[0-9a-z]+$/,
  networkAcl: /^acl-[0-9a-z]+$/,
  loadBalancer: /^lb-[0-9a-z]+$/,
  addressTemplate: /^ipm-[0-9a-z]+$/,
  addressTemplateGroup: /^ipmg-[0-9a-z]+$/,
  serviceTemplate: /^ppm-[0-9a-z]+$/,
  serviceTemplateGroup: /^ppmg-[0-9a-z]+$/,
};

/** Whether a reference is a cloud ID of that kind (not a Terraform address). */
export function isCloudId(kind: ExternalKind, ref: string): boolean {
  return PREFIX[kind].test(ref);
}

export interface ExternalReferences {
  readonly ids: ReadonlyMap<ExternalKind, ReadonlySet<string>>;
  /** Private IPs registered as targets that no interface in the inventory holds. */
  readonly eniIps: ReadonlySet<string>;
  /** Groups named as a rule's source: their members' private IPs are what the rule matches. */
  readonly peerGroups: ReadonlySet<string>;
}

const known = <T>(value: Maybe<T> | undefined): T | undefined => (value === undefined || isUnknown(value) ? undefined : value);

/**
 * A placeholder the plan source made for an object it only knows by ID (a listener's CLB, a
 * group whose rules the plan writes by ID): keyed by the cloud ID, with no Terraform type.
 */
export function isPlaceholder(object: { readonly key: Ref; readonly provenance: { readonly type?: string } }): boolean {
  return object.provenance.type === undefined && Object.values(PREFIX).some((p) => p.test(object.key));
}

/**
 * Every cloud ID the inventory uses and has no object for (`membersOnly`: interfaces that are
 * there only as members of a group a rule names, whose own references are not the plan's) (or only a placeholder for, where the
 * live object has what the placeholder lacks), by kind.
 */
export function externalReferencesOf(inventory: Inventory, membersOnly: ReadonlySet<string> = new Set()): ExternalReferences {
  const ids = new Map<ExternalKind, Set<string>>();
  const has = (kind: ExternalKind, ref: string): boolean => {
    const key = inventory.aliases.get(ref) ?? ref;
    switch (kind) {
      case 'securityGroup': {
        const group = inventory.securityGroups.get(key);
        // Single rules written by ID into a group outside the plan: the group's other rules are live.
        return (
          group !== undefined &&
          !(isPlaceholder(group) && (group.ingress.unknownReason !== undefined || group.egress.unknownReason !== undefined))
        );
      }
      case 'instance':
        return inventory.instances.has(key);
      case 'networkInterface':
        return (
          inventory.networkInterfaces.has(key) || [...inventory.instances.values()].some((i) => i.interfaces.some((n) => n.key === key))
        );
      case 'subnet':
        return inventory.subnets.has(key);
      case 'vpc':
        return inventory.vpcs.has(key);
      case 'networkAcl':
        return inventory.networkAcls.has(key);
      case 'loadBalancer': {
        const lb = inventory.loadBalancers.get(key);
        return lb !== undefined && !isPlaceholder(lb);
      }
      case 'addressTemplate':
        return inventory.addressTemplates.has(key);
      case 'addressTemplateGroup':
        return inventory.addressTemplateGroups.has(key);
      case 'serviceTemplate':
        return inventory.serviceTemplates.has(key);
      case 'serviceTemplateGroup':
        return inventory.serviceTemplateGroups.has(key);
    }
  };
  const want = (kind: ExternalKind, ref: Maybe<Ref | null> | undefined) => {
    const id = known(ref);
    if (id === undefined || id === null || !isCloudId(kind, id) || has(kind, id)) return;
    const set = ids.get(kind) ?? new Set();
    set.add(id);
    ids.set(kind, set);
  };
  const interfaces: NetworkInterface[] = [
    ...[...inventory.instances.values()].flatMap((i: Instance) => i.interfaces),
    ...inventory.networkInterfaces.values(),
  ];
  for (const instance of inventory.instances.values()) want('vpc', instance.vpc);
  for (const nic of interfaces) {
    // An interface read only as a group's member counts for its IPs, nothing else.
    if (membersOnly.has(nic.key)) continue;
    for (const g of known(nic.securityGroups) ?? []) want('securityGroup', g);
    want('subnet', nic.subnet);
  }
  const peerGroups = new Set<string>();
  for (const group of inventory.securityGroups.values()) {
    for (const rule of [...group.ingress.rules, ...group.egress.rules]) {
      if (rule.peer.kind === 'securityGroup') {
        want('securityGroup', rule.peer.ref);
        if (isCloudId('securityGroup', rule.peer.ref) && !inventory.aliases.has(rule.peer.ref)) peerGroups.add(rule.peer.ref);
      }
      if (rule.peer.kind === 'addressTemplate' || rule.peer.kind === 'addressTemplateGroup') want(rule.peer.kind, rule.peer.ref);
      if (rule.service.kind === 'serviceTemplate' || rule.service.kind === 'serviceTemplateGroup')
        want(rule.service.kind, rule.service.ref);
    }
  }
  for (const group of inventory.addressTemplateGroups.values()) for (const m of known(group.members) ?? []) want('addressTemplate', m);
  for (const group of inventory.serviceTemplateGroups.values()) for (const m of known(group.members) ?? []) want('serviceTemplate', m);
  for (const subnet of inventory.subnets.values()) {
    want('vpc', subnet.vpc);
    want('networkAcl', subnet.networkAcl);
  }
  const ownedIps = new Set(interfaces.flatMap((n) => known(n.privateIps) ?? []));
  const eniIps = new Set<string>();
  for (const lb of inventory.loadBalancers.values()) {
    want('loadBalancer', lb.key);
    for (const g of known(lb.securityGroups) ?? []) want('securityGroup', g);
    want('vpc', lb.vpc);
    want('subnet', lb.subnet);
    for (const target of targetsOf(lb)) {
      want('instance', target.instance);
      const ip = known(target.eniIp);
      if (ip !== undefined && !ownedIps.has(ip)) eniIps.add(ip);
    }
  }
  return { ids, eniIps, peerGroups };
}

export function targetsOf(lb: LoadBalancer): Target[] {
  return lb.listeners.flatMap((l) => [...l.targets, ...l.rules.flatMap((r) => r.targets)]);
}
