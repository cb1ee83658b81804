import type { Logger } from '../../logging/logger.js';
import type { AddressTemplate, AddressTemplateGroup, ServiceTemplate, ServiceTemplateGroup } from '../../model/address.js';
import type { Instance, NetworkInterface } from '../../model/instance.js';
import { emptyInventory, type Inventory, type InventoryWarning } from '../../model/inventory.js';
import type { Listener, LoadBalancer, Target } from '../../model/loadBalancer.js';
import type { Subnet, Vpc } from '../../model/network.js';
import type { NetworkAcl } from '../../model/networkAcl.js';
import type { SecurityGroup } from '../../model/securityGroup.js';
import { unknown } from '../../model/value.js';
import {
  instanceOf,
  loadBalancerOf,
  networkAclOf,
  networkInterfaceOf,
  quintupleEntriesOf,
  securityGroupOf,
  subnetOf,
  targetOf,
  templateOf,
  vpcOf,
} from './apiToInventory.js';
import { CallFailed, type CallScheduler } from './callScheduler.js';
import { type Api, FILTER_VALUES, isApi, ListedReads, objects, PAGE, type ReadProblems } from './listedReads.js';
import { ReadPipeline } from './readPipeline.js';
import type { Service } from './tencentApi.js';

const list = (v: unknown): Api[] => (Array.isArray(v) ? (v as Api[]) : []);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x !== '') : []);
type Call = (service: Service, action: string, params: Api) => Promise<Api | undefined>;

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
  ) {}

  /** Regions side by side: each action's budget is the scheduler's (per account unless it was told per region). */
  async read(regions: readonly string[]): Promise<Inventory> {
    this.logger.info(`Reading ${regions.join(', ')}`);
    await Promise.all(regions.map((region) => this.readRegion(region)));
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

  /** One call; a call that kept failing is handed back for the read to judge (a "not found" may narrow a batch). */
  private async rawCall(service: Service, action: string, region: string, params: Api): Promise<Api | CallFailed> {
    try {
      return await this.scheduler.call(service, action, region, params);
    } catch (error) {
      if (!(error instanceof CallFailed)) throw error;
      return error;
    }
  }

  /** Part of the account could not be read as the API promises: say so, and the scan is incomplete. */
  private readonly problems: ReadProblems = {
    incomplete: (message, address) => {
      this.complete = false;
      this.warnings.push({ ...(address ? { address } : {}), message });
    },
    note: (message) => this.warnings.push({ message }),
  };

  /**
   * Objects by ID, 100 IDs a call. An ID asked for and not answered is in `missing` with the
   * reason, so the caller can make that object unknown: here every object asked for is named by
   * another, so even one the region lacks makes the scan incomplete.
   */
  private async byIds(
    reads: ListedReads,
    service: Service,
    action: string,
    idField: string,
    ids: string[],
    resultField: string,
  ): Promise<{ found: Map<string, Api>; missing: Map<string, string> }> {
    const { found, absent, unread } = await reads.byIds(service, action, idField, ids, resultField);
    const missing = new Map(unread);
    for (const wanted of absent) missing.set(wanted, `${action} was asked for ${wanted} and did not return it`);
    if (absent.length > 0)
      this.problems.incomplete(
        `${reads.region}: ${action} returned ${ids.length - missing.size} of the ${ids.length} objects asked for; ${absent.slice(0, 5).join(', ')}${absent.length > 5 ? ', …' : ''} unknown`,
      );
    return { found, missing };
  }

  /**
   * One region as a data flow (see `ReadPipeline`): every read starts as soon as what it needs
   * is known, and every action runs at its own pace at the same time — instances while later
   * listeners are still being read, groups as soon as an instance or ENI names them.
   */
  private async readRegion(region: string): Promise<void> {
    const flow = new ReadPipeline(() => this.scheduler.cancel());
    const lbRows: Api[] = [];
    const listenersByLb = new Map<string, { listeners?: Api[] | undefined; backends?: Api[] | undefined }>();
    const groupMembers = new Map<string, Target[] | string>();
    let lbTotal = 0;
    let lbsDone = 0;
    let listed = true;
    /** Backend instances: their groups, subnets and every interface are read. */
    const backends = new Set<string>();
    const expanded = new Set<string>();
    /** IPs of the backends' interfaces: an ENI-IP target on one needs no lookup. */
    const backendIps = new Set<string>();
    /** IPs of interfaces read only as security-group members: a target on one makes it a backend. */
    const memberIps = new Map<string, NetworkInterface>();
    const reads = new ListedReads(
      (service, action, params) => (flow.failed ? Promise.resolve(undefined) : this.rawCall(service, action, region, params)),
      region,
      this.problems,
    );
    const call: Call = (service, action, params) => reads.call(service, action, params);

    // Security groups, one call each, at once; the groups and templates their rules name after.
    const groupsSeen = new Set<string>();
    const readGroups = (ids: Iterable<string>) => {
      for (const id of ids) {
        if (groupsSeen.has(id) || this.securityGroups.has(id)) continue;
        groupsSeen.add(id);
        flow.run(async () => {
          const group = await this.readSecurityGroup(region, id, call);
          if (group === undefined) return;
          for (const rule of [...group.ingress.rules, ...group.egress.rules]) {
            if (rule.peer.kind === 'securityGroup') peerMembers.add([rule.peer.ref]);
            if (rule.peer.kind === 'addressTemplate') addressTemplates.add([rule.peer.ref]);
            if (rule.peer.kind === 'addressTemplateGroup') addressTemplateGroups.add([rule.peer.ref]);
            if (rule.service.kind === 'serviceTemplate') serviceTemplates.add([rule.service.ref]);
            if (rule.service.kind === 'serviceTemplateGroup') serviceTemplateGroups.add([rule.service.ref]);
          }
        });
      }
    };
    const interfaceRead = (nic: NetworkInterface, withGroups: boolean) => {
      if (Array.isArray(nic.privateIps)) {
        for (const ip of nic.privateIps) {
          if (withGroups) {
            backendIps.add(ip);
            memberIps.delete(ip);
          } else if (!backendIps.has(ip)) memberIps.set(ip, nic);
        }
      }
      if (typeof nic.subnet === 'string') subnets.add([nic.subnet]);
      if (withGroups && Array.isArray(nic.securityGroups)) readGroups(nic.securityGroups);
    };
    /** A backend's instance: its primary interface's groups and subnet, and its other interfaces. */
    const expand = (instance: Instance) => {
      if (expanded.has(instance.key)) return;
      expanded.add(instance.key);
      for (const nic of instance.interfaces) interfaceRead(nic, true);
      backendEnis.add([instance.key]);
    };
    const backend = (instanceId: string) => {
      backends.add(instanceId);
      const known = this.instances.get(instanceId);
      if (known !== undefined) expand(known);
      else instancesById.add([instanceId]);
    };
    /** An ENI-IP target: the interface that holds the IP is a backend, read or looked up. */
    const backendIp = (ip: string): boolean => {
      if (backendIps.has(ip)) return true;
      const member = memberIps.get(ip);
      if (member === undefined) return false;
      interfaceRead(member, true);
      if (member.instance !== undefined) backend(member.instance);
      return true;
    };
    const targetsRead = (targets: readonly Target[]) => {
      const ips: string[] = [];
      for (const t of targets) {
        if (typeof t.instance === 'string') backend(t.instance);
        else if (typeof t.eniIp === 'string' && !backendIp(t.eniIp)) ips.push(t.eniIp);
      }
      eniByIp.add(ips);
    };
    const networkInterfacesRead = (rows: Api[], withGroups: boolean) => {
      for (const row of rows) {
        const nic = networkInterfaceOf(row, region);
        // The primary ENI is the instance's own interface, with the CVM-level groups.
        if (nic.primary && nic.instance !== undefined && this.instances.has(nic.instance)) {
          if (withGroups) backend(nic.instance);
          continue;
        }
        if (!this.networkInterfaces.has(nic.key)) this.networkInterfaces.set(nic.key, nic);
        interfaceRead(nic, withGroups);
        if (withGroups && nic.instance !== undefined) backend(nic.instance);
      }
    };

    // Batched reads; what each can add to is declared below (`feeds`).
    const eniByIp = flow.queue(FILTER_VALUES, async (batch) => {
      const ips = batch.filter((ip) => !backendIp(ip));
      if (ips.length === 0) return;
      const found = await reads.pages(
        'vpc',
        'DescribeNetworkInterfaces',
        { Filters: [{ Name: 'address-ip', Values: ips }] },
        'NetworkInterfaceSet',
        false,
      );
      // One value matches by suffix ("10.0.1.2" also finds 110.0.1.2): keep the ENIs that hold a wanted IP.
      const holds = (row: Api) => list(row.PrivateIpAddressSet).some((a) => ips.includes(String(a.PrivateIpAddress)));
      networkInterfacesRead((found?.rows ?? []).filter(holds), true);
    });
    const instancesById = flow.queue(PAGE, async (batch) => {
      const ids = batch.filter((id) => !this.instances.has(id));
      for (const id of batch) if (this.instances.has(id)) expand(this.instances.get(id)!);
      if (ids.length === 0) return;
      const { found, missing } = await this.byIds(reads, 'cvm', 'DescribeInstances', 'InstanceIds', ids, 'InstanceSet');
      for (const row of found.values()) {
        const instance = instanceOf(row, region);
        this.instances.set(instance.key, instance);
        expand(instance);
      }
      for (const [key, reason] of missing) {
        const provenance = { address: key, cloudId: key, type: 'CVM' };
        this.instances.set(key, {
          key,
          os: unknown(reason),
          vpc: unknown(reason),
          interfaces: [
            {
              key: `${key}/eth0`,
              primary: true,
              instance: key,
              privateIps: unknown(reason),
              subnet: unknown(reason),
              securityGroups: unknown(reason),
              provenance,
            },
          ],
          provenance,
        });
      }
    });
    // Every interface of a backend: the secondary ENIs attached to it, each with its own groups.
    const backendEnis = flow.queue(FILTER_VALUES, async (batch) => {
      const found = await reads.pages(
        'vpc',
        'DescribeNetworkInterfaces',
        {
          Filters: [
            { Name: 'attachment.instance-id', Values: batch },
            { Name: 'is-primary', Values: ['FALSE'] },
          ],
        },
        'NetworkInterfaceSet',
        false,
      );
      if (found === undefined || !found.complete)
        this.problems.incomplete(
          `${region}: the secondary interfaces of ${batch.join(', ')} could not be read in full; rules on them are not checked`,
        );
      networkInterfacesRead(found?.rows ?? [], true);
    });
    // A group named as a source means its members' private IPs: read the members, and theirs.
    const peerMembers = flow.queue(FILTER_VALUES, async (batch) => {
      // Interfaces bound to the groups, secondary ENIs included (an ENI is a member by its own groups).
      flow.run(async () => {
        const enis = await reads.pages(
          'vpc',
          'DescribeNetworkInterfaces',
          {
            Filters: [
              { Name: 'groups.security-group-id', Values: batch },
              { Name: 'is-primary', Values: ['FALSE'] },
            ],
          },
          'NetworkInterfaceSet',
          false,
        );
        networkInterfacesRead(enis?.rows ?? [], false);
      });
      const members = await reads.pages(
        'cvm',
        'DescribeInstances',
        { Filters: [{ Name: 'security-group-id', Values: batch }] },
        'InstanceSet',
        false,
      );
      for (const row of members?.rows ?? []) {
        const id = String(row.InstanceId);
        if (this.instances.has(id)) continue;
        const instance = instanceOf(row, region);
        this.instances.set(id, instance);
        if (backends.has(id)) expand(instance);
        else {
          for (const nic of instance.interfaces) interfaceRead(nic, false);
          peerEnis.add([id]);
        }
      }
    });
    const peerEnis = flow.queue(FILTER_VALUES, async (batch) => {
      const ids = batch.filter((id) => !backendEnis.has(id));
      if (ids.length === 0) return;
      const found = await reads.pages(
        'vpc',
        'DescribeNetworkInterfaces',
        {
          Filters: [
            { Name: 'attachment.instance-id', Values: ids },
            { Name: 'is-primary', Values: ['FALSE'] },
          ],
        },
        'NetworkInterfaceSet',
        false,
      );
      networkInterfacesRead(found?.rows ?? [], false);
    });
    const templates = (action: string, filter: string, field: string, keep: (row: Api) => void) =>
      flow.queue(FILTER_VALUES, async (batch) => {
        for (const row of (await reads.pages('vpc', action, { Filters: [{ Name: filter, Values: batch }] }, field, true))?.rows ?? [])
          keep(row);
      });
    const addressTemplateGroups = templates(
      'DescribeAddressTemplateGroups',
      'address-template-group-id',
      'AddressTemplateGroupSet',
      (row) => {
        const group = templateOf.addressGroup(row);
        this.addressTemplateGroups.set(group.key, group);
        if (Array.isArray(group.members)) addressTemplates.add(group.members);
      },
    );
    const serviceTemplateGroups = templates(
      'DescribeServiceTemplateGroups',
      'service-template-group-id',
      'ServiceTemplateGroupSet',
      (row) => {
        const group = templateOf.serviceGroup(row);
        this.serviceTemplateGroups.set(group.key, group);
        if (Array.isArray(group.members)) serviceTemplates.add(group.members);
      },
    );
    const addressTemplates = templates('DescribeAddressTemplates', 'address-template-id', 'AddressTemplateSet', (row) =>
      this.addressTemplates.set(String(row.AddressTemplateId), templateOf.address(row)),
    );
    const serviceTemplates = templates('DescribeServiceTemplates', 'service-template-id', 'ServiceTemplateSet', (row) =>
      this.serviceTemplates.set(String(row.ServiceTemplateId), templateOf.service(row)),
    );
    // The backends' subnets, their VPCs and ACLs.
    /** Objects by ID, 100 a call: each kept as read, or made unknown with the reason it is missing. */
    const byIdQueue = <T>(
      service: Service,
      action: string,
      idField: string,
      field: string,
      map: Map<string, T>,
      keep: (row: Api) => void,
      missingOf: (key: string, reason: string) => T,
    ) =>
      flow.queue(PAGE, async (batch) => {
        const ids = batch.filter((id) => !map.has(id));
        if (ids.length === 0) return;
        const { found, missing } = await this.byIds(reads, service, action, idField, ids, field);
        for (const row of found.values()) keep(row);
        for (const [key, reason] of missing) map.set(key, missingOf(key, reason));
      });
    const subnets = byIdQueue(
      'vpc',
      'DescribeSubnets',
      'SubnetIds',
      'SubnetSet',
      this.subnets,
      (row) => {
        const subnet = subnetOf(row, region);
        this.subnets.set(subnet.key, subnet);
        if (typeof subnet.vpc === 'string') vpcs.add([subnet.vpc]);
        if (typeof subnet.networkAcl === 'string') acls.add([subnet.networkAcl]);
      },
      (key, reason) => ({
        key,
        vpc: unknown(reason),
        cidr: unknown(reason),
        networkAcl: unknown(reason),
        provenance: { address: key, cloudId: key, type: 'subnet' },
      }),
    );
    const vpcs = byIdQueue(
      'vpc',
      'DescribeVpcs',
      'VpcIds',
      'VpcSet',
      this.vpcs,
      (row) => this.vpcs.set(String(row.VpcId), vpcOf(row)),
      (key, reason) => ({ key, cidr: unknown(reason), provenance: { address: key, cloudId: key, type: 'VPC' } }),
    );
    const acls = byIdQueue(
      'vpc',
      'DescribeNetworkAcls',
      'NetworkAclIds',
      'NetworkAclSet',
      this.networkAcls,
      (row) => {
        const acl = networkAclOf(row, region);
        this.networkAcls.set(acl.key, acl);
        if (acl.type !== 'QUINTUPLE') return;
        flow.run(async () => {
          const rows = await reads.pages(
            'vpc',
            'DescribeNetworkAclQuintupleEntries',
            { NetworkAclId: acl.key },
            'NetworkAclQuintupleSet',
            false,
          );
          // A partial list of entries would be judged as the whole list: unknown instead.
          if (rows?.complete === true) this.networkAcls.set(acl.key, quintupleEntriesOf(acl, rows.rows, region));
        });
      },
      (key, reason) => ({
        key,
        type: 'TRIPLE' as const,
        vpc: unknown(reason),
        ingress: { entries: [], unknownReason: reason },
        egress: { entries: [], unknownReason: reason },
        provenance: { address: key, cloudId: key, type: 'network ACL' },
      }),
    );

    // What each queue's reads can add to (through the groups they name, too).
    const groupReaders = [peerMembers, addressTemplateGroups, serviceTemplateGroups, addressTemplates, serviceTemplates];
    flow.feeds(eniByIp, [instancesById, backendEnis, subnets, ...groupReaders]);
    flow.feeds(instancesById, [backendEnis, subnets, ...groupReaders]);
    flow.feeds(backendEnis, [instancesById, subnets, ...groupReaders]);
    flow.feeds(peerMembers, [peerEnis, backendEnis, subnets]);
    flow.feeds(peerEnis, [subnets]);
    flow.feeds(addressTemplateGroups, [addressTemplates]);
    flow.feeds(serviceTemplateGroups, [serviceTemplates]);
    flow.feeds(subnets, [vpcs, acls]);

    const targetGroupsSeen = new Set<string>();
    const readTargetGroups = (listeners: Api[]) => {
      for (const l of listeners) {
        for (const g of [
          ...list(l.TargetGroupList),
          ...(l.TargetGroup ? [l.TargetGroup as Api] : []),
          ...list(l.Rules).flatMap((r) => list(r.TargetGroupList)),
        ]) {
          const groupId = String(g.TargetGroupId);
          if (targetGroupsSeen.has(groupId)) continue;
          targetGroupsSeen.add(groupId);
          flow.run(async () => {
            const read = await reads.pages(
              'clb',
              'DescribeTargetGroupInstances',
              { Filters: [{ Name: 'TargetGroupId', Values: [groupId] }] },
              'TargetGroupInstanceSet',
              false,
            );
            const members =
              read === undefined || !read.complete
                ? `members of target group ${groupId} could not be read in full`
                : read.rows.map((r) => targetOf(r, 'targetGroup', groupId, groupId));
            groupMembers.set(groupId, members);
            if (typeof members !== 'string') targetsRead(members);
          });
        }
      }
    };
    const readLoadBalancer = (lb: Api) => {
      const id = String(lb.LoadBalancerId);
      lbRows.push(lb);
      const entry: { listeners?: Api[] | undefined; backends?: Api[] | undefined } = {};
      listenersByLb.set(id, entry);
      readGroups(strings(lb.SecureGroups));
      if (typeof lb.SubnetId === 'string' && lb.SubnetId !== '') subnets.add([lb.SubnetId]);
      if (typeof lb.VpcId === 'string' && lb.VpcId !== '') vpcs.add([lb.VpcId]);
      let pending = 2;
      const progress = () => {
        if (--pending === 0) this.logger.progress(`${region}: ${++lbsDone}/${lbTotal} CLBs`);
      };
      flow.run(async () => {
        const response = await call('clb', 'DescribeListeners', { LoadBalancerId: id });
        entry.listeners =
          response === undefined ? undefined : reads.checkedListeners(response, 'DescribeListeners', id, ['TargetGroupList', 'Rules']);
        readTargetGroups(entry.listeners ?? []);
        progress();
      });
      flow.run(async () => {
        const response = await call('clb', 'DescribeTargets', { LoadBalancerId: id });
        entry.backends = response === undefined ? undefined : reads.checkedListeners(response, 'DescribeTargets', id, ['Targets', 'Rules']);
        for (const backend of entry.backends ?? []) {
          targetsRead(
            [...list(backend.Targets), ...list(backend.Rules).flatMap((r) => list(r.Targets))].map((t) => targetOf(t, 'listener', id)),
          );
        }
        progress();
      });
    };

    await flow.complete(() => {
      flow.run(async () => {
        const read = await reads.pages('clb', 'DescribeLoadBalancers', {}, 'LoadBalancerSet', false, (rows, total) => {
          lbTotal = total;
          for (const lb of rows) readLoadBalancer(lb);
        });
        if (read === undefined) listed = false;
      });
    });
    if (!listed && lbRows.length === 0) {
      this.warnings.push({ message: `${region}: the load balancers could not be listed; nothing in this region was checked` });
      return;
    }

    // A primary ENI found by IP is its instance's own interface once the instance is read: one
    // interface, with the CVM-level groups and every IP either answer gave.
    for (const [key, nic] of this.networkInterfaces) {
      const instance = nic.primary && nic.instance !== undefined ? this.instances.get(nic.instance) : undefined;
      const own = instance?.interfaces.find((i) => i.primary);
      if (instance === undefined || own === undefined || !Array.isArray(own.privateIps)) continue;
      const ips = [...new Set([...own.privateIps, ...(Array.isArray(nic.privateIps) ? nic.privateIps : [])])];
      this.instances.set(instance.key, {
        ...instance,
        interfaces: instance.interfaces.map((i) => (i === own ? { ...own, privateIps: ips } : i)),
      });
      this.networkInterfaces.delete(key);
    }

    for (const lb of lbRows) {
      const id = String(lb.LoadBalancerId);
      const read = listenersByLb.get(id);
      let listeners: Listener[];
      if (read?.listeners === undefined) {
        const reason = `listeners of ${id} could not be read`;
        listeners = [
          {
            key: `${id}/listeners`,
            loadBalancer: id,
            protocol: unknown(reason),
            port: unknown(reason),
            healthCheck: { enabled: unknown(reason), sourceIpType: unknown(reason), provenance: { address: id } },
            rules: [],
            targets: [],
            targetsUnknownReason: reason,
            provenance: { address: id },
          },
        ];
      } else {
        listeners = reads.listenersOf(id, read.listeners, read.backends, (g) => groupMembers.get(g) ?? `target group ${g} was not read`);
      }
      this.loadBalancers.set(id, loadBalancerOf(lb, region, listeners));
    }
  }

  /** One group's rules; both lists must be there: a missing list is not an empty one (empty means "drop all"). */
  private async readSecurityGroup(region: string, id: string, call: Call): Promise<SecurityGroup | undefined> {
    const response = await call('vpc', 'DescribeSecurityGroupPolicies', { SecurityGroupId: id });
    if (response === undefined) return undefined;
    const set = response.SecurityGroupPolicySet;
    const missing = !isApi(set)
      ? 'SecurityGroupPolicySet'
      : (['Ingress', 'Egress'] as const).filter((d) => objects(set[d]) === undefined).join(' and ');
    if (missing === '') {
      const group = securityGroupOf(id, set as Api, region);
      this.securityGroups.set(id, group);
      return group;
    }
    const reason = `DescribeSecurityGroupPolicies answered ${id} without a valid ${missing}`;
    this.problems.incomplete(`${region}: ${reason}; its rules are unknown`, id);
    const read = securityGroupOf(id, isApi(set) ? set : {}, region);
    const unknownIf = (direction: 'Ingress' | 'Egress', rules: SecurityGroup['ingress']) =>
      !isApi(set) || objects(set[direction]) === undefined ? { rules: [], unknownReason: reason } : rules;
    const group = { ...read, ingress: unknownIf('Ingress', read.ingress), egress: unknownIf('Egress', read.egress) };
    this.securityGroups.set(id, group);
    return group;
  }
}
