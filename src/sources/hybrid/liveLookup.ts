import type { AddressTemplate, AddressTemplateGroup, ServiceTemplate, ServiceTemplateGroup } from '../../model/address.js';
import type { Instance, NetworkInterface } from '../../model/instance.js';
import type { LoadBalancer } from '../../model/loadBalancer.js';
import type { Subnet, Vpc } from '../../model/network.js';
import type { NetworkAcl } from '../../model/networkAcl.js';
import type { SecurityGroup } from '../../model/securityGroup.js';
import { isUnknown } from '../../model/value.js';
import {
  instanceOf,
  loadBalancerOf,
  networkAclOf,
  networkInterfaceOf,
  quintupleEntriesOf,
  securityGroupOf,
  subnetOf,
  templateOf,
  vpcOf,
} from '../live/apiToInventory.js';
import { CallFailed, type CallScheduler } from '../live/callScheduler.js';
import { type Api, FILTER_VALUES, isApi, isNotFound, ListedReads, objects } from '../live/listedReads.js';
import type { Service } from '../live/tencentApi.js';

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** What one object lookup gave: the object, "the account has no such ID", or "could not be read". */
export type Looked<T> = { readonly found: T } | { readonly notFound: true } | { readonly failed: string };

/** Request limits of the actions used here: IDs per call (values per filter: `FILTER_VALUES`). */
const IDS_PER_CALL = 100;
const LB_IDS_PER_CALL = 20;

/**
 * Reads named objects of one region from the account, each at most once per run, in the
 * largest batches each action takes (100 IDs, 20 CLB IDs, 5 filter values), through the live
 * scheduler (paced, retried) and the live reader's checked reads (`ListedReads`). An ID a full
 * answer leaves out, or the API refuses alone as not found, does not exist in the region; a call
 * that kept failing, or an answer that does not add up, makes its objects `failed` and the
 * lookup incomplete.
 */
export class LiveLookup {
  private readonly cache = new Map<string, Looked<unknown>>();
  private readonly members = new Map<string, Promise<{ instances: Instance[] | undefined; enis: NetworkInterface[] | undefined }>>();
  /** What could not be read, each said once, region first. */
  readonly problems: string[] = [];
  complete = true;
  private readonly reads: ListedReads;

  constructor(
    private readonly scheduler: CallScheduler,
    readonly region: string,
  ) {
    this.reads = new ListedReads((service, action, params) => this.raw(service, action, params), region, {
      incomplete: (message) => {
        this.complete = false;
        this.problems.push(message);
      },
      note: (message) => this.problems.push(message),
    });
  }

  get calls(): ReadonlyMap<string, number> {
    return this.scheduler.counts;
  }

  securityGroups(ids: readonly string[]): Promise<Map<string, Looked<SecurityGroup>>> {
    return this.each('sg', ids, async (todo) => {
      const out = new Map<string, Looked<SecurityGroup>>();
      // No batch form: DescribeSecurityGroupPolicies takes one group.
      await Promise.all(
        todo.map(async (id) => {
          const response = await this.callAbout('vpc', 'DescribeSecurityGroupPolicies', { SecurityGroupId: id }, id);
          if (!('answer' in response)) return out.set(id, response);
          const set = response.answer.SecurityGroupPolicySet;
          if (!isApi(set) || objects(set.Ingress) === undefined || objects(set.Egress) === undefined)
            return out.set(id, this.fail(`DescribeSecurityGroupPolicies answered ${id} without both rule lists`));
          return out.set(id, { found: securityGroupOf(id, set, this.region) });
        }),
      );
      return out;
    });
  }

  instances(ids: readonly string[]): Promise<Map<string, Looked<Instance>>> {
    return this.each('ins', ids, (todo) =>
      this.byIds('cvm', 'DescribeInstances', 'InstanceIds', 'InstanceSet', todo, IDS_PER_CALL, (api) => instanceOf(api, this.region)),
    );
  }

  subnets(ids: readonly string[]): Promise<Map<string, Looked<Subnet>>> {
    return this.each('subnet', ids, (todo) =>
      this.byIds('vpc', 'DescribeSubnets', 'SubnetIds', 'SubnetSet', todo, IDS_PER_CALL, (api) => subnetOf(api, this.region)),
    );
  }

  vpcs(ids: readonly string[]): Promise<Map<string, Looked<Vpc>>> {
    return this.each('vpc', ids, (todo) => this.byIds('vpc', 'DescribeVpcs', 'VpcIds', 'VpcSet', todo, IDS_PER_CALL, vpcOf));
  }

  networkInterfaces(ids: readonly string[]): Promise<Map<string, Looked<NetworkInterface>>> {
    return this.each('eni', ids, (todo) =>
      this.byIds('vpc', 'DescribeNetworkInterfaces', 'NetworkInterfaceIds', 'NetworkInterfaceSet', todo, IDS_PER_CALL, (api) =>
        networkInterfaceOf(api, this.region),
      ),
    );
  }

  async networkAcls(ids: readonly string[]): Promise<Map<string, Looked<NetworkAcl>>> {
    return this.each('acl', ids, async (todo) => {
      const read = await this.byIds('vpc', 'DescribeNetworkAcls', 'NetworkAclIds', 'NetworkAclSet', todo, IDS_PER_CALL, (api) => {
        // The subnets an ACL is bound to come with it: kept for the blast radius of a changed ACL.
        // Without the list the ACL's blast radius is not known: the read is incomplete, never "no subnets".
        if (!Array.isArray(api.SubnetSet)) this.fail(`DescribeNetworkAcls answered ${String(api.NetworkAclId)} without its SubnetSet`);
        const subnets = Array.isArray(api.SubnetSet)
          ? api.SubnetSet.filter(isApi)
              .map((s) => text(s.SubnetId))
              .filter((s): s is string => s !== undefined)
          : [];
        this.aclSubnets.set(String(api.NetworkAclId), subnets);
        return networkAclOf(api, this.region);
      });
      for (const [id, looked] of read) {
        if (!('found' in looked) || looked.found.type !== 'QUINTUPLE') continue;
        const rows = await this.reads.pages('vpc', 'DescribeNetworkAclQuintupleEntries', { NetworkAclId: id }, 'NetworkAclQuintupleSet');
        // A partial list of entries would be judged as the whole list: the quintuple lists stay unknown.
        if (rows?.complete === true) read.set(id, { found: quintupleEntriesOf(looked.found, rows.rows, this.region) });
      }
      return read;
    });
  }

  /** CLBs with their listeners and targets (target-group members are not read: those listeners say so). */
  loadBalancers(ids: readonly string[]): Promise<Map<string, Looked<LoadBalancer>>> {
    return this.each('lb', ids, async (todo) => {
      const bases = await this.byIds(
        'clb',
        'DescribeLoadBalancers',
        'LoadBalancerIds',
        'LoadBalancerSet',
        todo,
        LB_IDS_PER_CALL,
        (api) => api,
      );
      const out = new Map<string, Looked<LoadBalancer>>();
      await Promise.all(
        [...bases].map(async ([id, looked]) => {
          if (!('found' in looked)) return out.set(id, looked);
          const [listeners, targets] = await Promise.all([
            this.reads.call('clb', 'DescribeListeners', { LoadBalancerId: id }),
            this.reads.call('clb', 'DescribeTargets', { LoadBalancerId: id }),
          ]);
          const listenerList = listeners && this.reads.checkedListeners(listeners, 'DescribeListeners', id, ['TargetGroupList', 'Rules']);
          const targetList = targets && this.reads.checkedListeners(targets, 'DescribeTargets', id, ['Targets', 'Rules']);
          // Both reads have said what went wrong.
          if (listenerList === undefined || targetList === undefined)
            return out.set(id, { failed: `the listeners or targets of ${id} could not be read` });
          const groupNotRead = (group: string) => `members of target group ${group} are not read when resolving a plan`;
          return out.set(id, {
            found: loadBalancerOf(looked.found, this.region, this.reads.listenersOf(id, listenerList, targetList, groupNotRead)),
          });
        }),
      );
      return out;
    });
  }

  addressTemplates = (ids: readonly string[]) =>
    this.templates<AddressTemplate>(
      'ipm',
      ids,
      'DescribeAddressTemplates',
      'address-template-id',
      'AddressTemplateSet',
      'AddressTemplateId',
      templateOf.address,
    );
  addressTemplateGroups = (ids: readonly string[]) =>
    this.templates<AddressTemplateGroup>(
      'ipmg',
      ids,
      'DescribeAddressTemplateGroups',
      'address-template-group-id',
      'AddressTemplateGroupSet',
      'AddressTemplateGroupId',
      templateOf.addressGroup,
    );
  serviceTemplates = (ids: readonly string[]) =>
    this.templates<ServiceTemplate>(
      'ppm',
      ids,
      'DescribeServiceTemplates',
      'service-template-id',
      'ServiceTemplateSet',
      'ServiceTemplateId',
      templateOf.service,
    );
  serviceTemplateGroups = (ids: readonly string[]) =>
    this.templates<ServiceTemplateGroup>(
      'ppmg',
      ids,
      'DescribeServiceTemplateGroups',
      'service-template-group-id',
      'ServiceTemplateGroupSet',
      'ServiceTemplateGroupId',
      templateOf.serviceGroup,
    );

  /** The ENIs holding these private IPs (targets registered by ENI IP); `undefined` when not read. */
  async networkInterfacesWithIps(ips: readonly string[]): Promise<NetworkInterface[] | undefined> {
    const rows = await this.filtered('vpc', 'DescribeNetworkInterfaces', 'address-ip', ips, 'NetworkInterfaceSet');
    // The filter may match more than the exact addresses: keep the ENIs that hold one of them.
    const wanted = new Set(ips);
    return rows
      ?.map((api) => networkInterfaceOf(api, this.region))
      .filter((nic) => isUnknown(nic.privateIps) || nic.privateIps.some((ip) => wanted.has(ip)));
  }

  /**
   * The instances and ENIs bound to a security group, from the account. Cached per group: a
   * group named as a rule's source and changed by the plan is read once. A member listed
   * without its groups, or bound to none of those asked for, cannot be told the member of which:
   * the lookup is incomplete, saying which.
   */
  async groupMembers(groups: readonly string[]): Promise<{ instances: Instance[]; interfaces: NetworkInterface[]; complete: boolean }> {
    const todo = [...new Set(groups)].filter((g) => !this.members.has(g));
    if (todo.length > 0) {
      const reading = (async () => {
        const [instances, enis] = await Promise.all([
          this.filtered('cvm', 'DescribeInstances', 'security-group-id', todo, 'InstanceSet'),
          this.filtered('vpc', 'DescribeNetworkInterfaces', 'groups.security-group-id', todo, 'NetworkInterfaceSet'),
        ]);
        const members = <T>(rows: Api[] | undefined, groupsField: string, build: (api: Api) => T, groupsOf: (t: T) => readonly unknown[]) =>
          rows?.flatMap((api) => {
            const member = build(api);
            if (Array.isArray(api[groupsField]) && groupsOf(member).some((g) => typeof g === 'string' && todo.includes(g))) return [member];
            const what = String(api.InstanceId ?? api.NetworkInterfaceId);
            this.fail(
              Array.isArray(api[groupsField])
                ? `${what} was listed as a member of ${todo.join(', ')} and is bound to none of them`
                : `${what} was listed as a member of ${todo.join(', ')} without its security groups`,
            );
            return [];
          });
        const groupsOfNic = (n: NetworkInterface) => (Array.isArray(n.securityGroups) ? n.securityGroups : []);
        return {
          instances: members(
            instances,
            'SecurityGroupIds',
            (api) => instanceOf(api, this.region),
            (i) => i.interfaces.flatMap(groupsOfNic),
          ),
          enis: members(enis, 'GroupSet', (api) => networkInterfaceOf(api, this.region), groupsOfNic),
        };
      })();
      for (const g of todo) this.members.set(g, reading);
    }
    const instances = new Map<string, Instance>();
    const interfaces = new Map<string, NetworkInterface>();
    let complete = true;
    const bound = (n: NetworkInterface, g: string) => Array.isArray(n.securityGroups) && n.securityGroups.includes(g);
    for (const g of groups) {
      const read = await this.members.get(g)!;
      if (read.instances === undefined || read.enis === undefined) complete = false;
      for (const i of read.instances ?? []) if (i.interfaces.some((n) => bound(n, g))) instances.set(i.key, i);
      // Primary ENIs are the instances' own interfaces, already listed with the instance.
      for (const n of read.enis ?? []) if (!n.primary && bound(n, g)) interfaces.set(n.key, n);
    }
    return { instances: [...instances.values()], interfaces: [...interfaces.values()], complete };
  }

  /** The subnets a network ACL read here is bound to (empty when it was not read). */
  subnetsOfAcl(id: string): readonly string[] {
    return this.aclSubnets.get(id) ?? [];
  }
  private readonly aclSubnets = new Map<string, string[]>();

  /** The instances and ENIs in these subnets, from the account; `complete` false when a call failed. */
  async subnetMembers(subnets: readonly string[]): Promise<{ instances: Instance[]; interfaces: NetworkInterface[]; complete: boolean }> {
    if (subnets.length === 0) return { instances: [], interfaces: [], complete: true };
    const [instances, enis] = await Promise.all([
      this.filtered('cvm', 'DescribeInstances', 'subnet-id', subnets, 'InstanceSet'),
      this.filtered('vpc', 'DescribeNetworkInterfaces', 'subnet-id', subnets, 'NetworkInterfaceSet'),
    ]);
    return {
      instances: (instances ?? []).map((api) => instanceOf(api, this.region)),
      interfaces: (enis ?? []).map((api) => networkInterfaceOf(api, this.region)).filter((n) => !n.primary),
      complete: instances !== undefined && enis !== undefined,
    };
  }

  /** IDs of the CLBs that have one of these private IPs as a backend; `undefined` when not read in full. */
  async loadBalancersWithBackends(ips: readonly string[]): Promise<string[] | undefined> {
    const ids = new Set<string>();
    for (let i = 0; i < ips.length; i += FILTER_VALUES) {
      const read = await this.reads.pages(
        'clb',
        'DescribeLoadBalancers',
        { BackendPrivateIps: ips.slice(i, i + FILTER_VALUES) },
        'LoadBalancerSet',
      );
      if (read?.complete !== true) return undefined;
      for (const row of read.rows) ids.add(String(row.LoadBalancerId));
    }
    return [...ids];
  }

  // ---------------------------------------------------------------------------------------------

  /** Looks up only the IDs not asked for before; every answer is remembered for the run. */
  private async each<T>(
    kind: string,
    ids: readonly string[],
    read: (todo: string[]) => Promise<Map<string, Looked<T>>>,
  ): Promise<Map<string, Looked<T>>> {
    const todo = [...new Set(ids)].filter((id) => !this.cache.has(`${kind}|${id}`));
    if (todo.length > 0) {
      const got = await read(todo);
      for (const id of todo) this.cache.set(`${kind}|${id}`, got.get(id) ?? { notFound: true });
    }
    return new Map(ids.map((id) => [id, this.cache.get(`${kind}|${id}`) as Looked<T>]));
  }

  /** Something the resolution needed was not read: the lookup (and so the report) is incomplete. */
  markIncomplete(problem: string): void {
    this.fail(problem);
  }

  private fail(problem: string): { failed: string } {
    this.complete = false;
    this.problems.push(`${this.region}: ${problem}; what it was for is unknown`);
    return { failed: problem };
  }

  /** One call; a call that kept failing is handed back for the read to judge. */
  private async raw(service: Service, action: string, params: Api): Promise<Api | CallFailed> {
    try {
      return await this.scheduler.call(service, action, this.region, params);
    } catch (error) {
      if (!(error instanceof CallFailed)) throw error;
      return error;
    }
  }

  /** One call about one object: "not found" when the API says it does not exist. */
  private async callAbout(service: Service, action: string, params: Api, about: string): Promise<{ answer: Api } | Looked<never>> {
    const answer = await this.raw(service, action, params);
    if (!(answer instanceof CallFailed)) return { answer };
    return isNotFound(answer) ? { notFound: true } : this.fail(`${action} for ${about} failed: ${answer.code}`);
  }

  /** Objects by ID through the live reader's batches: each found, absent, or failed with the reason. */
  private async byIds<T>(
    service: Service,
    action: string,
    idParam: string,
    field: string,
    ids: readonly string[],
    batch: number,
    build: (api: Api) => T,
  ): Promise<Map<string, Looked<T>>> {
    const { found, absent, unread } = await this.reads.byIds(service, action, idParam, ids, field, batch);
    const out = new Map<string, Looked<T>>();
    for (const [id, api] of found) out.set(id, { found: build(api) });
    for (const id of absent) out.set(id, { notFound: true });
    for (const [id, reason] of unread) out.set(id, { failed: reason });
    return out;
  }

  private templates<T>(
    kind: string,
    ids: readonly string[],
    action: string,
    filter: string,
    field: string,
    idField: string,
    build: (api: Api) => T,
  ): Promise<Map<string, Looked<T>>> {
    return this.each(kind, ids, async (todo) => {
      const out = new Map<string, Looked<T>>();
      for (let i = 0; i < todo.length; i += FILTER_VALUES) {
        const wanted = todo.slice(i, i + FILTER_VALUES);
        const read = await this.reads.pages('vpc', action, { Filters: [{ Name: filter, Values: wanted }] }, field, true);
        for (const id of wanted) {
          const row = read?.rows.find((r) => r[idField] === id);
          // A row that was read is the object; one missing from a list that did not add up may exist.
          out.set(
            id,
            row !== undefined
              ? { found: build(row) }
              : read?.complete === true
                ? { notFound: true }
                : { failed: `${action} for ${id} could not be read in full` },
          );
        }
      }
      return out;
    });
  }

  /** Every row that matches a filter whose values go 5 to a call; `undefined` when a call failed or its pages did not add up. */
  private async filtered(
    service: Service,
    action: string,
    filter: string,
    values: readonly string[],
    field: string,
  ): Promise<Api[] | undefined> {
    const out: Api[] = [];
    for (let i = 0; i < values.length; i += FILTER_VALUES) {
      const read = await this.reads.pages(
        service,
        action,
        { Filters: [{ Name: filter, Values: values.slice(i, i + FILTER_VALUES) }] },
        field,
      );
      if (read?.complete !== true) return undefined;
      out.push(...read.rows);
    }
    return out;
  }
}
