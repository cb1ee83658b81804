import type { Instance, NetworkInterface } from '../../model/instance.js';
import type { Ref } from '../../model/network.js';
import { isUnknown, unknown } from '../../model/value.js';
import type { Machines } from './instanceReader.js';
import { someOf } from './messageList.js';
import { NOT_DECIDED, type PlanContext } from './planContext.js';

/**
 * Security groups bound out of band (`tencentcloud_cvm_security_group_attachment`,
 * `tencentcloud_eni_sg_attachment`) to an instance or ENI that cannot be told: the group may be
 * on any of them, so no interface's group list is known, and the inventory is incomplete. Read
 * after the machines, whose reader skips such attachments with a warning (so none is added here).
 */
export function withUnlinkedGroupAttachments(context: PlanContext, machines: Machines): Machines {
  const unlinked: string[] = [];
  for (const resource of context.resources.ofType('tencentcloud_cvm_security_group_attachment')) {
    const instance = context.view(resource).link(['instance_id']);
    if (instance !== null && !isUnknown(instance)) continue;
    const why = instance === null ? 'instance_id is not set' : instance.reason;
    context.incomplete(resource.address, `cannot tell which instance its security group is attached to (${why}); ${NOT_DECIDED}`);
    unlinked.push(resource.address);
  }
  for (const resource of context.resources.ofType('tencentcloud_eni_sg_attachment')) {
    const enis = context.view(resource).links(['network_interface_ids']);
    if (enis !== undefined && enis.unknownReason === undefined && enis.refs.length > 0) continue;
    const why = enis?.unknownReason ?? 'network_interface_ids is not set';
    context.incomplete(resource.address, `cannot tell which ENI its security groups are attached to (${why}); ${NOT_DECIDED}`);
    unlinked.push(resource.address);
  }
  if (unlinked.length === 0) return machines;
  const groups = unknown(`the security groups of ${someOf(unlinked)}, whose instance or ENI cannot be told, may be attached to it`);
  const unknownGroups = (eni: NetworkInterface): NetworkInterface => ({ ...eni, securityGroups: groups });
  const instances = new Map<Ref, Instance>();
  for (const [key, instance] of machines.instances) instances.set(key, { ...instance, interfaces: instance.interfaces.map(unknownGroups) });
  const networkInterfaces = new Map<Ref, NetworkInterface>();
  for (const [key, eni] of machines.networkInterfaces) networkInterfaces.set(key, unknownGroups(eni));
  return { instances, networkInterfaces };
}
