import type { Instance, NetworkInterface, OsFamily } from '../../model/instance.js';
import type { Ref } from '../../model/network.js';
import { isUnknown, type Maybe, unknown } from '../../model/value.js';
import { AFTER_APPLY } from './attributeState.js';
import type { LinkedRefs } from './idLinks.js';
import type { PlanContext } from './planContext.js';
import type { ResourceView } from './resourceView.js';

/** Groups as read, and whether their priority is defined (a Terraform set of two or more is not). */
interface GroupList {
  readonly groups: Maybe<readonly Ref[]>;
  readonly unordered: boolean;
}

export interface Machines {
  readonly instances: Map<Ref, Instance>;
  /** ENIs (`tencentcloud_eni`), keyed by address. */
  readonly networkInterfaces: Map<Ref, NetworkInterface>;
}

/**
 * CVM instances (their primary interface carries the ordered security groups) and ENIs.
 * Groups bound out of band (`tencentcloud_cvm_security_group_attachment`,
 * `tencentcloud_eni_sg_attachment`) are appended after the resource's own list.
 */
export function readMachines(context: PlanContext): Machines {
  const extraGroups = attachedGroups(context);
  const eniInstances = eniAttachments(context);
  const instances = new Map<Ref, Instance>();
  for (const resource of context.resources.ofType('tencentcloud_instance')) {
    const view = context.view(resource);
    const provenance = context.provenance(resource);
    const name = view.string(['instance_name']);
    const primary: NetworkInterface = {
      key: `${resource.address}/eth0`,
      primary: true,
      instance: resource.address,
      privateIps: privateIp(view),
      subnet: view.link(['subnet_id']) ?? unknown('the instance has no subnet'),
      ...interfaceGroups(appendGroups(instanceGroups(view), extraGroups.get(resource.address))),
      provenance,
    };
    instances.set(resource.address, {
      key: resource.address,
      ...(typeof name === 'string' ? { name } : {}),
      os: osFamily(view),
      vpc: view.link(['vpc_id']) ?? unknown('the instance has no VPC'),
      interfaces: [primary],
      provenance,
    });
  }
  const networkInterfaces = new Map<Ref, NetworkInterface>();
  for (const resource of context.resources.ofType('tencentcloud_eni')) {
    const view = context.view(resource);
    const instance = eniInstances.get(resource.address);
    networkInterfaces.set(resource.address, {
      key: resource.address,
      primary: false,
      ...(instance !== undefined ? { instance } : {}),
      privateIps: eniIps(view),
      subnet: view.link(['subnet_id']) ?? unknown('the ENI has no subnet'),
      ...interfaceGroups(appendGroups(ownGroups(view, 'the ENI'), extraGroups.get(resource.address))),
      provenance: context.provenance(resource),
    });
  }
  for (const target of extraGroups.keys()) {
    if (!instances.has(target) && !networkInterfaces.has(target))
      context.warn(target, 'security groups are attached to it, but it is not in this plan');
  }
  return { instances, networkInterfaces };
}

/**
 * Tencent image IDs (`img-…`) do not say which OS they hold, so an instance counts as Windows
 * only when its image ID or OS name mentions it; otherwise Linux is assumed.
 */
function osFamily(view: ResourceView): Maybe<OsFamily> {
  for (const attribute of ['image_id', 'os_name', 'image_name']) {
    const value = view.string([attribute]);
    if (typeof value === 'string' && /win/i.test(value)) return 'windows';
  }
  return 'linux';
}

function privateIp(view: ResourceView): Maybe<readonly string[]> {
  const ip = view.string(['private_ip']);
  if (ip === undefined) return unknown(view.resource.created ? 'assigned from the subnet at apply' : 'the plan has no private IP');
  return isUnknown(ip) ? ip : [ip];
}

function eniIps(view: ResourceView): Maybe<readonly string[]> {
  for (const attribute of ['ipv4s', 'ipv4_info']) {
    const state = view.attribute([attribute]);
    if (state.state !== 'set' || !Array.isArray(state.value) || state.value.length === 0) continue;
    const ips = state.value.map((entry) =>
      typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>)['ip'] : undefined,
    );
    if (ips.every((ip): ip is string => typeof ip === 'string' && ip !== '')) return ips;
  }
  return unknown(AFTER_APPLY);
}

/** `orderly_security_groups` is ordered; the deprecated `security_groups` is a set whose order is not defined. */
function instanceGroups(view: ResourceView): GroupList {
  return ownGroups(view, 'the instance');
}

function ownGroups(view: ResourceView, what: string): GroupList {
  const ordered = view.links(['orderly_security_groups']);
  const legacy = view.links(['security_groups']);
  const usable = (links: LinkedRefs | undefined) => links !== undefined && (links.refs.length > 0 || links.unknownReason !== undefined);
  if (usable(ordered)) return { groups: asMaybe(ordered!), unordered: false };
  if (usable(legacy)) {
    if (legacy!.refs.length > 1 || (legacy!.unknownReason !== undefined && legacy!.refs.length > 0)) {
      view.context.warn(
        view.resource,
        `security_groups is an unordered set: the priority of its ${legacy!.refs.length} groups is not defined; use orderly_security_groups`,
      );
    }
    return { groups: asMaybe(legacy!), unordered: true };
  }
  if (ordered !== undefined || legacy !== undefined) return { groups: [], unordered: false };
  return { groups: unknown(`no security group is set for ${what}; the cloud binds its default group`), unordered: false };
}

/**
 * The interface's groups. One unordered set among them leaves the whole list without a defined
 * priority: where the attached groups rank against the resource's own ones is no better known.
 */
function interfaceGroups(list: GroupList): Pick<NetworkInterface, 'securityGroups' | 'securityGroupsUnordered'> {
  const unordered = list.unordered && !isUnknown(list.groups) && list.groups.length > 1;
  return { securityGroups: list.groups, ...(unordered ? { securityGroupsUnordered: true } : {}) };
}

function asMaybe(links: LinkedRefs): Maybe<readonly Ref[]> {
  return links.unknownReason !== undefined ? unknown(links.unknownReason) : links.refs;
}

function appendGroups(own: GroupList, extra: GroupList | undefined): GroupList {
  if (extra === undefined) return own;
  const unordered = own.unordered || extra.unordered;
  if (isUnknown(own.groups)) return own;
  if (isUnknown(extra.groups)) return { groups: extra.groups, unordered };
  const ownGroups = own.groups;
  return { groups: [...ownGroups, ...extra.groups.filter((ref) => !ownGroups.includes(ref))], unordered };
}

/** Groups bound by attachment resources, per instance or ENI, in address order. */
function attachedGroups(context: PlanContext): Map<Ref, GroupList> {
  const attached = new Map<Ref, GroupList>();
  const add = (target: Ref, groups: Maybe<readonly Ref[]>, unordered: boolean) => {
    const earlier = attached.get(target);
    if (earlier === undefined) attached.set(target, { groups, unordered });
    else attached.set(target, appendGroups(earlier, { groups, unordered }));
  };
  for (const resource of context.resources.ofType('tencentcloud_cvm_security_group_attachment')) {
    const view = context.view(resource);
    const instance = view.link(['instance_id']);
    if (instance === null || isUnknown(instance)) {
      context.warn(
        resource,
        `cannot tell which instance this security group is attached to (${instance === null ? 'instance_id is not set' : instance.reason})`,
      );
      continue;
    }
    const group = view.link(['security_group_id']);
    add(instance, group === null ? [] : isUnknown(group) ? group : [group], false);
  }
  for (const resource of context.resources.ofType('tencentcloud_eni_sg_attachment')) {
    const view = context.view(resource);
    const enis = view.links(['network_interface_ids']);
    if (enis === undefined || enis.unknownReason !== undefined || enis.refs.length === 0) {
      context.warn(
        resource,
        `cannot tell which ENI these security groups are attached to (${enis?.unknownReason ?? 'network_interface_ids is not set'})`,
      );
      continue;
    }
    const groups = view.links(['security_group_ids']);
    if (groups !== undefined && groups.refs.length > 1)
      context.warn(resource, `security_group_ids is an unordered set: the priority of its ${groups.refs.length} groups is not defined`);
    // A set: the array order of its groups is no priority.
    const unordered = groups !== undefined && groups.refs.length > 1;
    for (const eni of enis.refs) add(eni, groups === undefined ? [] : asMaybe(groups), unordered);
  }
  return attached;
}

/** `tencentcloud_eni_attachment` binds an ENI to an instance. */
function eniAttachments(context: PlanContext): Map<Ref, Ref> {
  const bound = new Map<Ref, Ref>();
  for (const resource of context.resources.ofType('tencentcloud_eni_attachment')) {
    const view = context.view(resource);
    const eni = view.link(['eni_id']);
    const instance = view.link(['instance_id']);
    if (typeof eni === 'string' && typeof instance === 'string') bound.set(eni, instance);
  }
  return bound;
}
