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
/** A paged list as read: `complete` false when it did not add up (some objects may be missing). */
interface Paged {
  readonly rows: Api[];
  readonly complete: boolean;
}
const list = (v: unknown): Api[] => (Array.isArray(v) ? (v as Api[]) : []);
const PAGE = 100;
const isApi = (v: unknown): v is Api => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A list of objects, or undefined when the answer has something else (missing, null, a string…). */
const objects = (v: unknown): Api[] | undefined => (Array.isArray(v) && v.every(isApi) ? (v as Api[]) : undefined);
const id = (item: Api, field: string): string | undefined => (typeof item[field] === 'string' && item[field] !== '' ? (item[field] as string) : undefined);
const count = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined);

/** The ID field of each listed object, by the field that lists them. */
const ID_FIELD: Readonly<Record<string, string>> = {
  LoadBalancerSet: 'LoadBalancerId',
  InstanceSet: 'InstanceId',
  SubnetSet: 'SubnetId',
  VpcSet: 'VpcId',
  NetworkAclSet: 'NetworkAclId',
  NetworkInterfaceSet: 'NetworkInterfaceId',
  AddressTemplateSet: 'AddressTemplateId',
  AddressTemplateGroupSet: 'AddressTemplateGroupId',
  ServiceTemplateSet: 'ServiceTemplateId',
  ServiceTemplateGroupSet: 'ServiceTemplateGroupId',
};

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

  /** Part of the account could not be read as the API promises: say so, and the scan is incomplete. */
  private short(message: string, address?: string): void {
    this.complete = false;
    this.warnings.push({ ...(address ? { address } : {}), message });
  }

  /**
   * The list `field` of an answer, checked: an array of objects, each with its ID when the list
   * has one. Anything else makes what the call was for unknown (`undefined`).
   */
  private listIn(response: Api, action: string, region: string, field: string, idField = ID_FIELD[field]): Api[] | undefined {
    const items = objects(response[field]);
    if (items === undefined) {
      this.short(`${region}: ${action} answered without a list "${field}"; what it was for is unknown`);
      return undefined;
    }
    if (idField !== undefined && items.some((item) => id(item, idField) === undefined)) {
      this.short(`${region}: ${action} listed an object without "${idField}"; what the call was for is unknown`);
      return undefined;
    }
    return items;
  }

  /**
   * Pages through an action with Offset/Limit until TotalCount is reached. Every page must have
   * the list and the count; the objects read must add up to the count, with no ID twice, and
   * the count must not change while paging. Short of that, what was read is returned with the
   * scan marked incomplete (the objects that were not read cannot be named, let alone checked).
   * `undefined`: nothing usable came back.
   */
  private async pages(service: Service, action: string, region: string, params: Api, field: string, stringPaging = false): Promise<Paged | undefined> {
    const out = new Map<string, Api>();
    const idField = ID_FIELD[field];
    const rows: Api[] = [];
    let total: number | undefined;
    let problem: string | undefined;
    for (let offset = 0, page = 0; ; page++) {
      const response = await this.call(service, action, region, { ...params, Offset: stringPaging ? String(offset) : offset, Limit: stringPaging ? String(PAGE) : PAGE });
      if (response === undefined) return offset === 0 ? undefined : this.partialPages(action, region, rows, `a later page failed`);
      const items = this.listIn(response, action, region, field);
      if (items === undefined) return offset === 0 ? undefined : this.partialPages(action, region, rows, undefined);
      const pageTotal = count(response.TotalCount);
      if (pageTotal === undefined) {
        this.short(`${region}: ${action} answered without a valid "TotalCount"; what it was for is unknown`);
        return undefined;
      }
      if (total === undefined) total = pageTotal;
      else if (pageTotal !== total) problem ??= `the TotalCount changed from ${total} to ${pageTotal} while paging`;
      for (const item of items) {
        if (idField === undefined) rows.push(item);
        else if (out.has(id(item, idField)!)) problem ??= `${id(item, idField)} came back twice`;
        else {
          out.set(id(item, idField)!, item);
          rows.push(item);
        }
      }
      offset += items.length;
      if (items.length > PAGE) problem ??= `a page had ${items.length} objects, more than the ${PAGE} asked for`;
      if (rows.length >= total || items.length === 0 || items.length > PAGE) break;
      if (items.length < PAGE) problem ??= `a page before the last had ${items.length} objects, not ${PAGE}`;
      // Short pages are read on from where they ended, but not without end.
      if (page > Math.ceil(total / PAGE) + 10) {
        problem ??= 'the pages did not add up';
        break;
      }
    }
    if (rows.length !== total) problem ??= `${rows.length} objects were read of the ${total} its TotalCount says`;
    return problem === undefined ? { rows, complete: true } : this.partialPages(action, region, rows, problem);
  }

  private partialPages(action: string, region: string, rows: Api[], problem: string | undefined): Paged {
    if (problem !== undefined) this.short(`${region}: ${action}: ${problem}; objects it should have listed may be missing and are not checked`);
    else this.warnings.push({ message: `${region}: ${action}: only the first pages could be read; objects on the others are not checked` });
    return { rows, complete: false };
  }

  /**
   * Objects by ID, 100 IDs a call. Each call's list is checked; an ID asked for and not
   * answered is in `missing` with the reason, so the caller can make that object unknown.
   */
  private async byIds(service: Service, action: string, region: string, idField: string, ids: string[], resultField: string, extra: Api = {}): Promise<{ found: Map<string, Api>; missing: Map<string, string> }> {
    const found = new Map<string, Api>();
    const missing = new Map<string, string>();
    const idKey = idField.replace(/s$/, '');
    for (let i = 0; i < ids.length; i += PAGE) {
      const batch = ids.slice(i, i + PAGE);
      const response = await this.call(service, action, region, { [idField]: batch, Limit: PAGE, ...extra });
      const items = response === undefined ? undefined : this.listIn(response, action, region, resultField, idKey);
      if (items === undefined) {
        for (const wanted of batch) missing.set(wanted, `${action} did not answer for ${wanted}`);
        continue;
      }
      for (const item of items) if (batch.includes(String(item[idKey]))) found.set(String(item[idKey]), item);
      const absent = batch.filter((wanted) => !found.has(wanted));
      for (const wanted of absent) missing.set(wanted, `${action} was asked for ${wanted} and did not return it`);
      if (absent.length > 0) this.short(`${region}: ${action} returned ${batch.length - absent.length} of the ${batch.length} objects asked for; ${absent.slice(0, 5).join(', ')}${absent.length > 5 ? ', …' : ''} unknown`);
    }
    return { found, missing };
  }

  private async readRegion(region: string): Promise<void> {
    const lbs = (await this.pages('clb', 'DescribeLoadBalancers', region, {}, 'LoadBalancerSet'))?.rows;
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
      listenersByLb.set(id, {
        listeners: listeners === undefined ? undefined : this.checkedListeners(listeners, 'DescribeListeners', region, id, ['TargetGroupList', 'Rules']),
        backends: targets === undefined ? undefined : this.checkedListeners(targets, 'DescribeTargets', region, id, ['Targets', 'Rules']),
      });
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
      const read = await this.pages('clb', 'DescribeTargetGroupInstances', region, { Filters: [{ Name: 'TargetGroupId', Values: [groupId] }] }, 'TargetGroupInstanceSet');
      groupMembers.set(groupId, read === undefined || !read.complete ? `members of target group ${groupId} could not be read in full` : read.rows.map((r) => targetOf(r, 'targetGroup', groupId, groupId)));
    });

    for (const lb of lbs) {
      const id = String(lb.LoadBalancerId);
      const read = listenersByLb.get(id);
      let listeners: Listener[];
      if (read?.listeners === undefined) {
        const reason = `listeners of ${id} could not be read`;
        listeners = [{ key: `${id}/listeners`, loadBalancer: id, protocol: unknown(reason), port: unknown(reason), healthCheck: { enabled: unknown(reason), sourceIpType: unknown(reason), provenance: { address: id } }, rules: [], targets: [], targetsUnknownReason: reason, provenance: { address: id } }];
      } else {
        listeners = read.listeners.map((l) => {
          const backend = read.backends?.find((b) => b.ListenerId === l.ListenerId);
          // DescribeTargets lists every listener, with or without targets: one it leaves out has unknown targets.
          if (read.backends !== undefined && backend === undefined) this.short(`${region}: DescribeTargets did not list ${String(l.ListenerId)} of ${id}; its targets are unknown`, id);
          return listenerOf(l, id, region, backend, (g) => groupMembers.get(g) ?? `target group ${g} was not read`);
        });
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
      for (const eni of found?.rows ?? []) this.networkInterfaces.set(String(eni.NetworkInterfaceId), networkInterfaceOf(eni, region));
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
      for (const m of members?.rows ?? []) if (!this.instances.has(String(m.InstanceId))) this.instances.set(String(m.InstanceId), instanceOf(m, region));
    }
    await this.readTemplates(region);

    // The backends' subnets, their VPCs and ACLs.
    const subnetIds = new Set<string>();
    for (const nic of [...[...this.instances.values()].flatMap((i) => i.interfaces), ...this.networkInterfaces.values()]) if (typeof nic.subnet === 'string') subnetIds.add(nic.subnet);
    for (const lb of this.loadBalancers.values()) if (typeof lb.subnet === 'string') subnetIds.add(lb.subnet);
    const subnets = await this.byIds('vpc', 'DescribeSubnets', region, 'SubnetIds', [...subnetIds].filter((s) => !this.subnets.has(s)), 'SubnetSet');
    for (const s of subnets.found.values()) this.subnets.set(String(s.SubnetId), subnetOf(s, region));
    for (const [key, reason] of subnets.missing) this.subnets.set(key, { key, vpc: unknown(reason), cidr: unknown(reason), networkAcl: unknown(reason), provenance: { address: key, cloudId: key, type: 'subnet' } });
    const vpcIds = new Set<string>();
    for (const lb of this.loadBalancers.values()) if (typeof lb.vpc === 'string') vpcIds.add(lb.vpc);
    for (const s of this.subnets.values()) if (typeof s.vpc === 'string') vpcIds.add(s.vpc);
    const vpcs = await this.byIds('vpc', 'DescribeVpcs', region, 'VpcIds', [...vpcIds].filter((v) => !this.vpcs.has(v)), 'VpcSet');
    for (const v of vpcs.found.values()) this.vpcs.set(String(v.VpcId), vpcOf(v));
    for (const [key, reason] of vpcs.missing) this.vpcs.set(key, { key, cidr: unknown(reason), provenance: { address: key, cloudId: key, type: 'VPC' } });
    const aclIds = [...new Set([...this.subnets.values()].map((s) => s.networkAcl).filter((a): a is string => typeof a === 'string'))].filter((a) => !this.networkAcls.has(a));
    const acls = await this.byIds('vpc', 'DescribeNetworkAcls', region, 'NetworkAclIds', aclIds, 'NetworkAclSet');
    for (const a of acls.found.values()) this.networkAcls.set(String(a.NetworkAclId), networkAclOf(a, region));
    for (const [key, reason] of acls.missing) this.networkAcls.set(key, { key, type: 'TRIPLE', vpc: unknown(reason), ingress: { entries: [], unknownReason: reason }, egress: { entries: [], unknownReason: reason }, provenance: { address: key, cloudId: key, type: 'network ACL' } });
    for (const acl of [...this.networkAcls.values()].filter((a) => a.type === 'QUINTUPLE' && aclIds.includes(a.key))) {
      const rows = await this.pages('vpc', 'DescribeNetworkAclQuintupleEntries', region, { NetworkAclId: acl.key }, 'NetworkAclQuintupleSet');
      // A partial list of entries would be judged as the whole list: unknown instead.
      if (rows?.complete === true) this.networkAcls.set(acl.key, quintupleEntriesOf(acl, rows.rows, region));
    }
  }

  /**
   * DescribeListeners' and DescribeTargets' `Listeners`, checked: a list of objects with their
   * ListenerId, whose nested lists are lists (or absent). Otherwise that CLB's listeners (or
   * targets) are unknown.
   */
  private checkedListeners(response: Api, action: string, region: string, lb: string, nested: readonly string[]): Api[] | undefined {
    const items = objects(response.Listeners);
    const optionalList = (v: unknown) => v === undefined || v === null || objects(v) !== undefined;
    const bad =
      items === undefined
        ? 'without a list "Listeners"'
        : items.some((l) => id(l, 'ListenerId') === undefined)
          ? 'with a listener without "ListenerId"'
          : items.some((l) => nested.some((n) => !optionalList(l[n])) || list(l.Rules).some((r) => !optionalList(r.TargetGroupList) || !optionalList(r.Targets)))
            ? 'with a listener whose nested lists are not lists'
            : undefined;
    if (bad === undefined) return items;
    this.short(`${region}: ${action} answered ${lb} ${bad}; ${action === 'DescribeListeners' ? 'its listeners' : 'its targets'} are unknown`, lb);
    return undefined;
  }

  private async readInstances(region: string, ids: string[]): Promise<void> {
    const { found, missing } = await this.byIds('cvm', 'DescribeInstances', region, 'InstanceIds', ids, 'InstanceSet');
    for (const instance of found.values()) this.instances.set(String(instance.InstanceId), instanceOf(instance, region));
    for (const [key, reason] of missing) {
      const provenance = { address: key, cloudId: key, type: 'CVM' };
      this.instances.set(key, { key, os: unknown(reason), vpc: unknown(reason), interfaces: [{ key: `${key}/eth0`, primary: true, instance: key, privateIps: unknown(reason), subnet: unknown(reason), securityGroups: unknown(reason), provenance }], provenance });
    }
  }

  private async readSecurityGroups(region: string, ids: string[]): Promise<void> {
    await forEachConcurrent(ids.filter((id) => !this.securityGroups.has(id)), this.concurrency, async (id) => {
      const response = await this.call('vpc', 'DescribeSecurityGroupPolicies', region, { SecurityGroupId: id });
      if (response === undefined) return;
      // Both lists must be there: a missing list is not an empty one (empty means "drop all").
      const set = response.SecurityGroupPolicySet;
      const missing = !isApi(set) ? 'SecurityGroupPolicySet' : (['Ingress', 'Egress'] as const).filter((d) => objects(set[d]) === undefined).join(' and ');
      if (missing === '') {
        this.securityGroups.set(id, securityGroupOf(id, set as Api, region));
        return;
      }
      const reason = `DescribeSecurityGroupPolicies answered ${id} without a valid ${missing}`;
      this.short(`${region}: ${reason}; its rules are unknown`, id);
      const read = securityGroupOf(id, isApi(set) ? set : {}, region);
      const unknownIf = (direction: 'Ingress' | 'Egress', rules: SecurityGroup['ingress']) => (!isApi(set) || objects(set[direction]) === undefined ? { rules: [], unknownReason: reason } : rules);
      this.securityGroups.set(id, { ...read, ingress: unknownIf('Ingress', read.ingress), egress: unknownIf('Egress', read.egress) });
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
      for (let i = 0; i < all.length; i += 5) out.push(...((await this.pages('vpc', action, region, { Filters: [{ Name: filter, Values: all.slice(i, i + 5) }] }, field, true))?.rows ?? []));
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
