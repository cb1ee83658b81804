import type { AddressTemplate, AddressTemplateGroup, ServiceTemplate, ServiceTemplateGroup } from '../../model/address.js';
import type { Instance, NetworkInterface } from '../../model/instance.js';
import type { LoadBalancer } from '../../model/loadBalancer.js';
import type { Subnet, Vpc } from '../../model/network.js';
import type { NetworkAcl } from '../../model/networkAcl.js';
import type { SecurityGroup } from '../../model/securityGroup.js';
import { isUnknown } from '../../model/value.js';
import {
  instanceOf,
  listenerOf,
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
import type { Service } from '../live/tencentApi.js';

type Api = Record<string, unknown>;
const isApi = (v: unknown): v is Api => typeof v === 'object' && v !== null && !Array.isArray(v);
const objects = (v: unknown): Api[] | undefined => (Array.isArray(v) && v.every(isApi) ? (v as Api[]) : undefined);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** What one object lookup gave: the object, "the account has no such ID", or "could not be read". */
export type Looked<T> = { readonly found: T } | { readonly notFound: true } | { readonly failed: string };

/** Request limits of the actions used here: IDs per call and values per filter. */
const IDS_PER_CALL = 100;
const LB_IDS_PER_CALL = 20;
const FILTER_VALUES = 5;
const PAGE = 100;

/**
 * Reads named objects of one region from the account, each at most once per run, in the
 * largest batches each action takes (100 IDs, 20 CLB IDs, 5 filter values), through the live
 * scheduler (paced, retried). An ID the answer leaves out does not exist in the region; a call
 * that kept failing makes its objects `failed` and the lookup incomplete.
 */
export class LiveLookup {
  private readonly cache = new Map<string, Looked<unknown>>();
  private readonly members = new Map<string, Promise<{ instances: Instance[] | undefined; enis: NetworkInterface[] | undefined }>>();
  readonly problems: string[] = [];
  complete = true;

  constructor(
    private readonly scheduler: CallScheduler,
    readonly region: string,
  ) {}

  get calls(): ReadonlyMap<string, number> {
    return this.scheduler.counts;
  }

  securityGroups(ids: readonly string[]): Promise<Map<string, Looked<SecurityGroup>>> {
    return this.each('sg', ids, async (todo) => {
      const out = new Map<string, Looked<SecurityGroup>>();
      // No batch form: DescribeSecurityGroupPolicies takes one group.
      await Promise.all(
        todo.map(async (id) => {
          const response = await this.call('vpc', 'DescribeSecurityGroupPolicies', { SecurityGroupId: id }, id);
          if (typeof response === 'string') return out.set(id, response === 'notFound' ? { notFound: true } : { failed: response });
          const set = response.SecurityGroupPolicySet;
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
      this.byIds('cvm', 'DescribeInstances', 'InstanceIds', 'InstanceSet', 'InstanceId', todo, IDS_PER_CALL, (api) =>
        instanceOf(api, this.region),
      ),
    );
  }

  subnets(ids: readonly string[]): Promise<Map<string, Looked<Subnet>>> {
    return this.each('subnet', ids, (todo) =>
      this.byIds('vpc', 'DescribeSubnets', 'SubnetIds', 'SubnetSet', 'SubnetId', todo, IDS_PER_CALL, (api) => subnetOf(api, this.region)),
    );
  }

  vpcs(ids: readonly string[]): Promise<Map<string, Looked<Vpc>>> {
    return this.each('vpc', ids, (todo) => this.byIds('vpc', 'DescribeVpcs', 'VpcIds', 'VpcSet', 'VpcId', todo, IDS_PER_CALL, vpcOf));
  }

  networkInterfaces(ids: readonly string[]): Promise<Map<string, Looked<NetworkInterface>>> {
    return this.each('eni', ids, (todo) =>
      this.byIds(
        'vpc',
        'DescribeNetworkInterfaces',
        'NetworkInterfaceIds',
        'NetworkInterfaceSet',
        'NetworkInterfaceId',
        todo,
        IDS_PER_CALL,
        (api) => networkInterfaceOf(api, this.region),
      ),
    );
  }

  async networkAcls(ids: readonly string[]): Promise<Map<string, Looked<NetworkAcl>>> {
    return this.each('acl', ids, async (todo) => {
      const read = await this.byIds(
        'vpc',
        'DescribeNetworkAcls',
        'NetworkAclIds',
        'NetworkAclSet',
        'NetworkAclId',
        todo,
        IDS_PER_CALL,
        (api) => {
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
        },
      );
      for (const [id, looked] of read) {
        if (!('found' in looked) || looked.found.type !== 'QUINTUPLE') continue;
        const rows = await this.pages('vpc', 'DescribeNetworkAclQuintupleEntries', { NetworkAclId: id }, 'NetworkAclQuintupleSet');
        // A partial list of entries would be judged as the whole list: the quintuple lists stay unknown.
        if (rows !== undefined) read.set(id, { found: quintupleEntriesOf(looked.found, rows, this.region) });
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
        'LoadBalancerId',
        todo,
        LB_IDS_PER_CALL,
        (api) => api,
      );
      const out = new Map<string, Looked<LoadBalancer>>();
      await Promise.all(
        [...bases].map(async ([id, looked]) => {
          if (!('found' in looked)) return out.set(id, looked);
          const [listeners, targets] = await Promise.all([
            this.call('clb', 'DescribeListeners', { LoadBalancerId: id }, id),
            this.call('clb', 'DescribeTargets', { LoadBalancerId: id }, id),
          ]);
          const listenerList = typeof listeners === 'string' ? undefined : objects(listeners.Listeners);
          const targetList = typeof targets === 'string' ? undefined : objects(targets.Listeners);
          if (listenerList === undefined || targetList === undefined)
            return out.set(id, this.fail(`the listeners or targets of ${id} could not be read`));
          const groupNotRead = (group: string) => `members of target group ${group} are not read when resolving a plan`;
          const built = listenerList.map((l) =>
            listenerOf(
              l,
              id,
              this.region,
              targetList.find((t) => t.ListenerId === l.ListenerId),
              groupNotRead,
            ),
          );
          return out.set(id, { found: loadBalancerOf(looked.found, this.region, built) });
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
   * group named as a rule's source and changed by the plan is read once.
   */
  async groupMembers(groups: readonly string[]): Promise<{ instances: Instance[]; interfaces: NetworkInterface[]; complete: boolean }> {
    const todo = [...new Set(groups)].filter((g) => !this.members.has(g));
    if (todo.length > 0) {
      const reading = (async () => {
        const [instances, enis] = await Promise.all([
          this.filtered('cvm', 'DescribeInstances', 'security-group-id', todo, 'InstanceSet'),
          this.filtered('vpc', 'DescribeNetworkInterfaces', 'groups.security-group-id', todo, 'NetworkInterfaceSet'),
        ]);
        return {
          instances: instances?.map((api) => instanceOf(api, this.region)),
          enis: enis?.map((api) => networkInterfaceOf(api, this.region)),
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

  /** IDs of the CLBs that have one of these private IPs as a backend; `undefined` when not read. */
  async loadBalancersWithBackends(ips: readonly string[]): Promise<string[] | undefined> {
    const ids = new Set<string>();
    for (let i = 0; i < ips.length; i += FILTER_VALUES) {
      const rows = await this.pages(
        'clb',
        'DescribeLoadBalancers',
        { BackendPrivateIps: ips.slice(i, i + FILTER_VALUES) },
        'LoadBalancerSet',
      );
      if (rows === undefined) return undefined;
      for (const row of rows) if (text(row.LoadBalancerId)) ids.add(String(row.LoadBalancerId));
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
    this.problems.push(`${this.region}: ${problem}`);
    return { failed: problem };
  }

  /** One call; `'notFound'` when the API says the object does not exist, else the failure text. */
  private async call(service: Service, action: string, params: Api, about: string): Promise<Api | string> {
    try {
      return await this.scheduler.call(service, action, this.region, params);
    } catch (error) {
      if (!(error instanceof CallFailed)) throw error;
      if (/NotFound/.test(error.code)) return 'notFound';
      return this.fail(`${action} for ${about} failed: ${error.code}`).failed;
    }
  }

  private async byIds<T>(
    service: Service,
    action: string,
    idParam: string,
    field: string,
    idField: string,
    ids: string[],
    batch: number,
    build: (api: Api) => T,
  ): Promise<Map<string, Looked<T>>> {
    const out = new Map<string, Looked<T>>();
    for (let i = 0; i < ids.length; i += batch) {
      const wanted = ids.slice(i, i + batch);
      const response = await this.call(service, action, { [idParam]: wanted, Limit: PAGE }, wanted.join(', '));
      const items = typeof response === 'string' ? undefined : objects(response[field]);
      if (items === undefined) {
        const failure =
          typeof response === 'string' && response !== 'notFound'
            ? { failed: response }
            : response === 'notFound'
              ? undefined
              : this.fail(`${action} answered without a list "${field}"`);
        for (const id of wanted) out.set(id, failure ?? { notFound: true });
        continue;
      }
      // An object without its ID cannot be told apart from one that is not there: the call failed.
      if (items.some((item) => text(item[idField]) === undefined)) {
        const failure = this.fail(`${action} listed an object without "${idField}"`);
        for (const id of wanted) out.set(id, failure);
        continue;
      }
      for (const item of items) {
        const id = text(item[idField])!;
        if (wanted.includes(id)) out.set(id, { found: build(item) });
      }
    }
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
        const rows = await this.pages('vpc', action, { Filters: [{ Name: filter, Values: wanted }] }, field, true);
        for (const id of wanted) {
          const row = rows?.find((r) => r[idField] === id);
          out.set(
            id,
            rows === undefined ? { failed: `${action} for ${id} failed` } : row === undefined ? { notFound: true } : { found: build(row) },
          );
        }
      }
      return out;
    });
  }

  /** Every row that matches a filter whose values go 5 to a call; `undefined` when a call failed. */
  private async filtered(
    service: Service,
    action: string,
    filter: string,
    values: readonly string[],
    field: string,
  ): Promise<Api[] | undefined> {
    const out: Api[] = [];
    for (let i = 0; i < values.length; i += FILTER_VALUES) {
      const rows = await this.pages(service, action, { Filters: [{ Name: filter, Values: values.slice(i, i + FILTER_VALUES) }] }, field);
      if (rows === undefined) return undefined;
      out.push(...rows);
    }
    return out;
  }

  /** Offset/Limit pages until TotalCount; `undefined` (and the lookup incomplete) when they do not add up. */
  private async pages(service: Service, action: string, params: Api, field: string, stringPaging = false): Promise<Api[] | undefined> {
    const rows: Api[] = [];
    for (;;) {
      const offset = rows.length;
      const response = await this.call(
        service,
        action,
        { ...params, Offset: stringPaging ? String(offset) : offset, Limit: stringPaging ? String(PAGE) : PAGE },
        action,
      );
      if (typeof response === 'string') return response === 'notFound' ? rows : undefined;
      const items = objects(response[field]);
      const total = response.TotalCount;
      if (items === undefined || typeof total !== 'number') {
        this.fail(`${action} answered without a list "${field}" or a TotalCount`);
        return undefined;
      }
      rows.push(...items);
      if (rows.length >= total) return rows;
      if (items.length === 0) {
        this.fail(`${action}: ${rows.length} objects were read of the ${total} its TotalCount says`);
        return undefined;
      }
    }
  }
}
