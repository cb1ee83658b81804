import type { AddressTemplate, AddressTemplateGroup, ServiceTemplate, ServiceTemplateGroup } from '../../model/address.js';
import type { Instance, NetworkInterface } from '../../model/instance.js';
import { emptyInventory, type Inventory, type InventoryWarning } from '../../model/inventory.js';
import type { Listener, LoadBalancer, Target } from '../../model/loadBalancer.js';
import type { Subnet, Vpc } from '../../model/network.js';
import type { NetworkAcl } from '../../model/networkAcl.js';
import type { SecurityGroup } from '../../model/securityGroup.js';
import { unknown } from '../../model/value.js';
import type { Logger } from '../../logging/logger.js';
import { instanceOf, listenerOf, loadBalancerOf, networkAclOf, networkInterfaceOf, quintupleEntriesOf, securityGroupOf, subnetOf, targetOf, templateOf, vpcOf } from './apiToInventory.js';
import { CallFailed, type CallScheduler } from './callScheduler.js';
import type { Service } from './tencentApi.js';

type Api = Record<string, unknown>;
const list = (v: unknown): Api[] => (Array.isArray(v) ? (v as Api[]) : []);
const PAGE = 100;

/**
 * Reads one account, region by region, fetching each object once: CLBs (pages of 100), their
 * listeners and targets, target-group members, the instances behind them (100 IDs a call), every
 * security group they and their rules refer to, the templates those rules use, the backends'
 * subnets, VPCs and ACLs. A call that keeps failing makes what it was for unknown.
 */
export class AccountReader {
  private readonly loadBalancers = new Map<string, LoadBalancer>();
  private readonly instances = new Map<string, Instance>();
  private readonly networkInterfaces = new Map<string, NetworkInterface>();
  private readonly securityGroups = new Map<string, SecurityGroup>();
  private readonly subnets = new Map<string, Subnet>();
  private readonly vpcs = new Map<string, Vpc>();
  private readonly networkAcls = new Map<string, NetworkAcl>();
  private readonly addressTemplates = new Map<string, AddressTemplate>();
  private readonly addressTemplateGroups = new Map<string, AddressTemplateGroup>();
  private readonly serviceTemplates = new Map<string, ServiceTemplate>();
  private readonly serviceTemplateGroups = new Map<string, ServiceTemplateGroup>();
  private readonly warnings: InventoryWarning[] = [];
  private complete = true;

  constructor(
    private readonly scheduler: CallScheduler,
    private readonly logger: Logger,
    private readonly concurrency = 16,
  ) {}

  async read(regions: readonly string[]): Promise<Inventory> {
    for (const region of regions) await this.logger.group(`Reading ${region}`, () => this.readRegion(region));
    return {
      ...emptyInventory('live'),
      loadBalancers: this.loadBalancers,
      instances: this.instances,
      networkInterfaces: this.networkInterfaces,
      securityGroups: this.securityGroups,
      subnets: this.subnets,
      vpcs: this.vpcs,
      networkAcls: this.networkAcls,
      addressTemplates: this.addressTemplates,
      addressTemplateGroups: this.addressTemplateGroups,
      serviceTemplates: this.serviceTemplates,
      serviceTemplateGroups: this.serviceTemplateGroups,
      warnings: this.warnings,
      complete: this.complete,
    };
  }

  private async call(service: Service, action: string, region: string, params: Api): Promise<Api | undefined> {
    try {
      return await this.scheduler.call(service, action, region, params);
    } catch (error) {
      if (!(error instanceof CallFailed)) throw error;
      this.complete = false;
      this.warnings.push({ message: `${region}: ${error.message}; what it was for is unknown` });
      return undefined;
    }
  }

  /** Pages through an action with Offset/Limit until TotalCount is reached. */
  private async pages(service: Service, action: string, region: string, params: Api, field: string, stringPaging = false): Promise<Api[] | undefined> {
    const out: Api[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const response = await this.call(service, action, region, { ...params, Offset: stringPaging ? String(offset) : offset, Limit: stringPaging ? String(PAGE) : PAGE });
      if (response === undefined) return undefined;
      const items = list(response[field]);
      out.push(...items);
      const total = Number(response.TotalCount ?? out.length);
      if (items.length < PAGE || out.length >= total) return out;
    }
  }

  private async byIds(service: Service, action: string, region: string, idField: string, ids: string[], resultField: string, extra: Api = {}): Promise<Map<string, Api>> {
    const out = new Map<string, Api>();
    const idKey = idField.replace(/s$/, '');
    for (let i = 0; i < ids.length; i += PAGE) {
      const batch = ids.slice(i, i + PAGE);
      const response = await this.call(service, action, region, { [idField]: batch, Limit: PAGE, ...extra });
      for (const item of list(response?.[resultField])) out.set(String(item[idKey]), item);
    }
    return out;
  }

  private async readRegion(region: string): Promise<void> {
    const lbs = await this.pages('clb', 'DescribeLoadBalancers', region, {}, 'LoadBalancerSet');
    if (lbs === undefined) {
      this.warnings.push({ message: `${region}: the load balancers could not be listed; nothing in this region was checked` });
      return;
    }
    let done = 0;
    const listenersByLb = new Map<string, { listeners: Api[] | undefined; backends: Api[] | undefined }>();
    await forEachConcurrent(lbs, this.concurrency, async (lb) => {
      const id = String(lb.LoadBalancerId);
      const [listeners, targets] = await Promise.all([
        this.call('clb', 'DescribeListeners', region, { LoadBalancerId: id }),
        this.call('clb', 'DescribeTargets', region, { LoadBalancerId: id }),
      ]);
      listenersByLb.set(id, { listeners: listeners === undefined ? undefined : list(listeners.Listeners), backends: targets === undefined ? undefined : list(targets.Listeners) });
      this.logger.progress(`${region}: ${++done}/${lbs.length} CLBs`);
    });

    // Target-group members, once per group.
    const groupIds = new Set<string>();
    for (const { listeners } of listenersByLb.values()) {
      for (const l of listeners ?? []) {
        for (const g of [...list(l.TargetGroupList), ...(l.TargetGroup ? [l.TargetGroup as Api] : []), ...list(l.Rules).flatMap((r) => list(r.TargetGroupList))]) groupIds.add(String(g.TargetGroupId));
      }
    }
    const groupMembers = new Map<string, Target[] | string>();
    await forEachConcurrent([...groupIds], this.concurrency, async (groupId) => {
      const rows = await this.pages('clb', 'DescribeTargetGroupInstances', region, { Filters: [{ Name: 'TargetGroupId', Values: [groupId] }] }, 'TargetGroupInstanceSet');
      groupMembers.set(groupId, rows === undefined ? `members of target group ${groupId} could not be read` : rows.map((r) => targetOf(r, 'targetGroup', groupId, groupId)));
    });

    for (const lb of lbs) {
      const id = String(lb.LoadBalancerId);
      const read = listenersByLb.get(id);
      let listeners: Listener[];
      if (read?.listeners === undefined) {
        const reason = `listeners of ${id} could not be read`;
        listeners = [{ key: `${id}/listeners`, loadBalancer: id, protocol: unknown(reason), port: unknown(reason), healthCheck: { enabled: unknown(reason), sourceIpType: unknown(reason), provenance: { address: id } }, rules: [], targets: [], targetsUnknownReason: reason, provenance: { address: id } }];
      } else {
        listeners = read.listeners.map((l) => listenerOf(l, id, region, read.backends?.find((b) => b.ListenerId === l.ListenerId) ?? (read.backends === undefined ? undefined : {}), (g) => groupMembers.get(g) ?? `target group ${g} was not read`));
      }
      this.loadBalancers.set(id, loadBalancerOf(lb, region, listeners));
    }

    // Instances behind the targets, 100 IDs a call.
    const instanceIds = new Set<string>();
    for (const lb of this.loadBalancers.values()) for (const l of lb.listeners) for (const t of [...l.targets, ...l.rules.flatMap((r) => r.targets)]) if (typeof t.instance === 'string') instanceIds.add(t.instance);
    await this.readInstances(region, [...instanceIds].filter((i) => !this.instances.has(i)));

    // Targets registered by ENI IP (secondary NICs, other VPCs): the ENI that holds the IP.
    const known = new Set([...this.instances.values()].flatMap((i) => i.interfaces.flatMap((n) => (Array.isArray(n.privateIps) ? n.privateIps : []))));
    const eniIps = new Set<string>();
    for (const lb of this.loadBalancers.values()) for (const l of lb.listeners) for (const t of [...l.targets, ...l.rules.flatMap((r) => r.targets)]) if (typeof t.eniIp === 'string' && !known.has(t.eniIp)) eniIps.add(t.eniIp);
    const ips = [...eniIps];
    for (let i = 0; i < ips.length; i += 5) {
      const found = await this.pages('vpc', 'DescribeNetworkInterfaces', region, { Filters: [{ Name: 'address-ip', Values: ips.slice(i, i + 5) }] }, 'NetworkInterfaceSet');
      for (const eni of found ?? []) this.networkInterfaces.set(String(eni.NetworkInterfaceId), networkInterfaceOf(eni, region));
    }

    // Security groups of CLBs and instances, then those their rules name as sources.
    const groups = new Set<string>();
    for (const lb of this.loadBalancers.values()) if (Array.isArray(lb.securityGroups)) for (const g of lb.securityGroups) groups.add(g);
    for (const nic of [...[...this.instances.values()].flatMap((i) => i.interfaces), ...this.networkInterfaces.values()]) if (Array.isArray(nic.securityGroups)) for (const g of nic.securityGroups) groups.add(g);
    await this.readSecurityGroups(region, [...groups]);
    const peerGroups = new Set<string>();
    for (const sg of this.securityGroups.values()) for (const rule of [...sg.ingress.rules, ...sg.egress.rules]) if (rule.peer.kind === 'securityGroup') peerGroups.add(rule.peer.ref);
    // A group named as a source means its members' private IPs: read the members.
    for (const group of peerGroups) {
      const members = await this.pages('cvm', 'DescribeInstances', region, { Filters: [{ Name: 'security-group-id', Values: [group] }] }, 'InstanceSet');
      for (const m of members ?? []) if (!this.instances.has(String(m.InstanceId))) this.instances.set(String(m.InstanceId), instanceOf(m, region));
    }
    await this.readTemplates(region);

    // The backends' subnets, their VPCs and ACLs.
    const subnetIds = new Set<string>();
    for (const nic of [...[...this.instances.values()].flatMap((i) => i.interfaces), ...this.networkInterfaces.values()]) if (typeof nic.subnet === 'string') subnetIds.add(nic.subnet);
    for (const lb of this.loadBalancers.values()) if (typeof lb.subnet === 'string') subnetIds.add(lb.subnet);
    const subnets = await this.byIds('vpc', 'DescribeSubnets', region, 'SubnetIds', [...subnetIds].filter((s) => !this.subnets.has(s)), 'SubnetSet');
    for (const s of subnets.values()) this.subnets.set(String(s.SubnetId), subnetOf(s, region));
    const vpcIds = new Set<string>();
    for (const lb of this.loadBalancers.values()) if (typeof lb.vpc === 'string') vpcIds.add(lb.vpc);
    for (const s of this.subnets.values()) if (typeof s.vpc === 'string') vpcIds.add(s.vpc);
    const vpcs = await this.byIds('vpc', 'DescribeVpcs', region, 'VpcIds', [...vpcIds].filter((v) => !this.vpcs.has(v)), 'VpcSet');
    for (const v of vpcs.values()) this.vpcs.set(String(v.VpcId), vpcOf(v));
    const aclIds = [...new Set([...this.subnets.values()].map((s) => s.networkAcl).filter((a): a is string => typeof a === 'string'))].filter((a) => !this.networkAcls.has(a));
    const acls = await this.byIds('vpc', 'DescribeNetworkAcls', region, 'NetworkAclIds', aclIds, 'NetworkAclSet');
    for (const a of acls.values()) this.networkAcls.set(String(a.NetworkAclId), networkAclOf(a, region));
    for (const acl of [...this.networkAcls.values()].filter((a) => a.type === 'QUINTUPLE' && aclIds.includes(a.key))) {
      const rows = await this.pages('vpc', 'DescribeNetworkAclQuintupleEntries', region, { NetworkAclId: acl.key }, 'NetworkAclQuintupleSet');
      if (rows !== undefined) this.networkAcls.set(acl.key, quintupleEntriesOf(acl, rows, region));
    }
  }

  private async readInstances(region: string, ids: string[]): Promise<void> {
    const found = await this.byIds('cvm', 'DescribeInstances', region, 'InstanceIds', ids, 'InstanceSet');
    for (const instance of found.values()) this.instances.set(String(instance.InstanceId), instanceOf(instance, region));
  }

  private async readSecurityGroups(region: string, ids: string[]): Promise<void> {
    await forEachConcurrent(ids.filter((id) => !this.securityGroups.has(id)), this.concurrency, async (id) => {
      const response = await this.call('vpc', 'DescribeSecurityGroupPolicies', region, { SecurityGroupId: id });
      if (response !== undefined) this.securityGroups.set(id, securityGroupOf(id, (response.SecurityGroupPolicySet ?? {}) as Api, region));
    });
  }

  /** The parameter templates the rules use, and the members of template groups. */
  private async readTemplates(region: string): Promise<void> {
    const want = { address: new Set<string>(), addressGroup: new Set<string>(), service: new Set<string>(), serviceGroup: new Set<string>() };
    for (const sg of this.securityGroups.values()) {
      for (const rule of [...sg.ingress.rules, ...sg.egress.rules]) {
        if (rule.peer.kind === 'addressTemplate') want.address.add(rule.peer.ref);
        if (rule.peer.kind === 'addressTemplateGroup') want.addressGroup.add(rule.peer.ref);
        if (rule.service.kind === 'serviceTemplate') want.service.add(rule.service.ref);
        if (rule.service.kind === 'serviceTemplateGroup') want.serviceGroup.add(rule.service.ref);
      }
    }
    const fetch = async (action: string, filter: string, ids: Set<string>, field: string) => {
      const out: Api[] = [];
      const all = [...ids];
      // Filters take at most five values.
      for (let i = 0; i < all.length; i += 5) out.push(...((await this.pages('vpc', action, region, { Filters: [{ Name: filter, Values: all.slice(i, i + 5) }] }, field, true)) ?? []));
      return out;
    };
    for (const g of await fetch('DescribeAddressTemplateGroups', 'address-template-group-id', want.addressGroup, 'AddressTemplateGroupSet')) {
      const group = templateOf.addressGroup(g);
      this.addressTemplateGroups.set(group.key, group);
      if (Array.isArray(group.members)) for (const m of group.members) want.address.add(m);
    }
    for (const g of await fetch('DescribeServiceTemplateGroups', 'service-template-group-id', want.serviceGroup, 'ServiceTemplateGroupSet')) {
      const group = templateOf.serviceGroup(g);
      this.serviceTemplateGroups.set(group.key, group);
      if (Array.isArray(group.members)) for (const m of group.members) want.service.add(m);
    }
    for (const t of await fetch('DescribeAddressTemplates', 'address-template-id', want.address, 'AddressTemplateSet')) this.addressTemplates.set(String(t.AddressTemplateId), templateOf.address(t));
    for (const t of await fetch('DescribeServiceTemplates', 'service-template-id', want.service, 'ServiceTemplateSet')) this.serviceTemplates.set(String(t.ServiceTemplateId), templateOf.service(t));
  }
}

async function forEachConcurrent<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]!);
  });
  await Promise.all(workers);
}
