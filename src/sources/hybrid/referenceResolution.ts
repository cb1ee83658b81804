import type { Instance, NetworkInterface } from '../../model/instance.js';
import type { Listener, LoadBalancer } from '../../model/loadBalancer.js';
import type { RuleList, SecurityGroup, SecurityGroupRule } from '../../model/securityGroup.js';
import { unknown } from '../../model/value.js';
import { type ExternalKind, externalReferencesOf, isPlaceholder } from './externalReferences.js';
import type { LiveLookup, Looked } from './liveLookup.js';
import type { MutableInventory } from './mutableInventory.js';
import type { PlanFacts } from './planFacts.js';

/** What became of one cloud ID the plan named: read live, absent from the account, deleted by the plan, or unreadable. */
export interface ResolvedObject {
  readonly kind: ExternalKind;
  readonly id: string;
  readonly status: 'live' | 'notFound' | 'deletedByPlan' | 'failed';
  /** Why it is not (wholly) known: "sg-… not found in ap-guangzhou". */
  readonly reason?: string;
  /** Where it was read. */
  readonly region?: string;
}

/** Rounds of following references (an instance names a subnet, which names an ACL…); the chain is at most four deep. */
const MAX_ROUNDS = 8;

/**
 * Completes a plan's inventory with the objects it names by ID and does not manage, read from
 * the account. The plan wins: an object the plan has is never read; a placeholder the plan made
 * (a listener's CLB by ID, single rules added to a group by ID) gets the live object with the
 * plan's parts kept; an ID the plan deletes stays unknown.
 */
export class ReferenceResolution {
  readonly resolved = new Map<string, ResolvedObject>();
  private readonly membersRead = new Set<string>();
  /** Interfaces in the inventory only as members of a group named as a rule's source. */
  private readonly membersOnly = new Set<string>();
  private readonly ipsRead = new Set<string>();

  constructor(
    private readonly inventory: MutableInventory,
    private readonly facts: PlanFacts,
    /** One per region, in the order given: an ID not found in the first is looked for in the next. */
    private readonly lookups: readonly LiveLookup[],
  ) {}

  /** Follows references until nothing the inventory names is missing. */
  async run(): Promise<void> {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const refs = externalReferencesOf(this.inventory, this.membersOnly);
      const todo = [...refs.ids]
        .map(([kind, ids]) => [kind, [...ids].filter((id) => !this.resolved.has(id))] as const)
        .filter(([, ids]) => ids.length > 0);
      const groups = [...refs.peerGroups].filter((g) => !this.membersRead.has(g) && !this.facts.deleted.has(g));
      const ips = [...refs.eniIps].filter((ip) => !this.ipsRead.has(ip));
      if (todo.length === 0 && groups.length === 0 && ips.length === 0) return;
      await Promise.all(todo.map(([kind, ids]) => this.resolveKind(kind, ids)));
      // After the groups are resolved: their members are read in the region that has them.
      await Promise.all([this.readMembers(groups), this.readEnisWithIps(ips)]);
    }
    // Still naming objects nobody has read: what they are for is unknown, and the run is incomplete.
    const left = [...externalReferencesOf(this.inventory, this.membersOnly).ids].flatMap(([, ids]) =>
      [...ids].filter((id) => !this.resolved.has(id)),
    );
    if (left.length > 0)
      this.lookups[0]?.markIncomplete(`references still unread after ${MAX_ROUNDS} rounds: ${left.slice(0, 5).join(', ')}`);
  }

  private async resolveKind(kind: ExternalKind, ids: readonly string[]): Promise<void> {
    const deleted = ids.filter((id) => this.facts.deleted.has(id));
    for (const id of deleted) this.missing(kind, id, 'deletedByPlan', `${id} is deleted by this plan`);
    const wanted = ids.filter((id) => !this.facts.deleted.has(id));
    if (wanted.length === 0) return;
    let left = wanted;
    for (const lookup of this.lookups) {
      if (left.length === 0) break;
      const looked = await this.read(lookup, kind, left);
      left = [];
      for (const [id, result] of looked) {
        if ('found' in result) {
          this.resolved.set(id, { kind, id, status: 'live', region: lookup.region });
          this.merge(kind, id, result.found);
        } else if ('notFound' in result) left.push(id);
        else this.missing(kind, id, 'failed', `${id} could not be read from ${lookup.region} (${result.failed})`);
      }
    }
    for (const id of left) this.missing(kind, id, 'notFound', `${id} not found in ${this.lookups.map((l) => l.region).join(', ')}`);
  }

  private read(l: LiveLookup, kind: ExternalKind, ids: readonly string[]): Promise<Map<string, Looked<unknown>>> {
    const readers: Record<ExternalKind, (ids: readonly string[]) => Promise<Map<string, Looked<unknown>>>> = {
      securityGroup: (x) => l.securityGroups(x),
      instance: (x) => l.instances(x),
      networkInterface: (x) => l.networkInterfaces(x),
      subnet: (x) => l.subnets(x),
      vpc: (x) => l.vpcs(x),
      networkAcl: (x) => l.networkAcls(x),
      loadBalancer: (x) => l.loadBalancers(x),
      addressTemplate: l.addressTemplates,
      addressTemplateGroup: l.addressTemplateGroups,
      serviceTemplate: l.serviceTemplates,
      serviceTemplateGroup: l.serviceTemplateGroups,
    };
    return readers[kind](ids);
  }

  /** A live object joins the inventory under its cloud ID; the plan's parts of a placeholder win. */
  private merge(kind: ExternalKind, id: string, object: unknown): void {
    const inv = this.inventory;
    switch (kind) {
      case 'securityGroup': {
        const planned = inv.securityGroups.get(id);
        const group = planned === undefined ? (object as SecurityGroup) : withPlannedSingleRules(planned, object as SecurityGroup);
        inv.securityGroups.set(id, group);
        // Read, and still not wholly known: the finding says why.
        const reason = group.ingress.unknownReason ?? group.egress.unknownReason;
        if (reason !== undefined) this.resolved.set(id, { ...this.resolved.get(id)!, reason });
        return;
      }
      case 'loadBalancer': {
        const planned = inv.loadBalancers.get(id);
        inv.loadBalancers.set(
          id,
          planned === undefined ? (object as LoadBalancer) : withPlannedListeners(planned, object as LoadBalancer, this.facts.deleted),
        );
        return;
      }
      case 'instance':
        inv.instances.set(id, object as Instance);
        return;
      case 'networkInterface':
        inv.networkInterfaces.set(id, object as NetworkInterface);
        return;
      default:
        (inv[MAP_OF[kind]] as Map<string, unknown>).set(id, object);
    }
  }

  /** An ID with no live object: what depends on it is unknown, with the reason. */
  private missing(kind: ExternalKind, id: string, status: ResolvedObject['status'], reason: string): void {
    this.resolved.set(id, { kind, id, status, reason });
    const inv = this.inventory;
    const why = unknown(reason);
    const provenance = { address: id, cloudId: id };
    if (status === 'notFound') inv.warnings.push({ address: id, message: `${reason}: the checks that depend on it are unknown` });
    switch (kind) {
      case 'securityGroup':
        inv.securityGroups.set(id, {
          key: id,
          ingress: { rules: [], unknownReason: reason },
          egress: { rules: [], unknownReason: reason },
          provenance: { ...provenance, type: 'security group' },
        });
        return;
      case 'loadBalancer': {
        const planned = inv.loadBalancers.get(id);
        inv.loadBalancers.set(id, {
          key: id,
          network: why,
          ipVersion: why,
          vips: why,
          vpc: why,
          subnet: why,
          securityGroups: why,
          passToTarget: why,
          snat: why,
          snatPro: why,
          snatIps: why,
          listeners: planned?.listeners ?? [],
          provenance: planned?.provenance ?? provenance,
        });
        return;
      }
      case 'instance':
        inv.instances.set(id, {
          key: id,
          os: why,
          vpc: why,
          interfaces: [{ key: `${id}/eth0`, primary: true, instance: id, privateIps: why, subnet: why, securityGroups: why, provenance }],
          provenance: { ...provenance, type: 'CVM' },
        });
        return;
      case 'networkInterface':
        inv.networkInterfaces.set(id, { key: id, primary: false, privateIps: why, subnet: why, securityGroups: why, provenance });
        return;
      case 'subnet':
        inv.subnets.set(id, { key: id, vpc: why, cidr: why, networkAcl: why, provenance });
        return;
      case 'vpc':
        inv.vpcs.set(id, { key: id, cidr: why, provenance });
        return;
      case 'networkAcl':
        inv.networkAcls.set(id, {
          key: id,
          type: 'TRIPLE',
          vpc: why,
          ingress: { entries: [], unknownReason: reason },
          egress: { entries: [], unknownReason: reason },
          provenance,
        });
        return;
      case 'addressTemplate':
        inv.addressTemplates.set(id, { key: id, addresses: why, provenance });
        return;
      case 'serviceTemplate':
        inv.serviceTemplates.set(id, { key: id, services: why, provenance });
        return;
      case 'addressTemplateGroup':
        inv.addressTemplateGroups.set(id, { key: id, members: why, provenance });
        return;
      case 'serviceTemplateGroup':
        inv.serviceTemplateGroups.set(id, { key: id, members: why, provenance });
        return;
    }
  }

  /**
   * A group named as a rule's source stands for its members' private IPs: the account's
   * members join as interfaces only (they are not backends of this plan, so not judged). They
   * are read in the region the group was found in; a group not read from any region (the plan
   * has it, or it could not be read) is asked for in every region.
   */
  private async readMembers(groups: readonly string[]): Promise<void> {
    if (groups.length === 0) return;
    for (const g of groups) this.membersRead.add(g);
    const byLookup = new Map<LiveLookup, string[]>();
    for (const g of groups) {
      const resolved = this.resolved.get(g);
      // The account has no such group: it has no members either (its rules say why it is unknown).
      if (resolved?.status === 'notFound') continue;
      const where = resolved?.status === 'live' ? this.lookups.filter((l) => l.region === resolved.region) : this.lookups;
      for (const l of where) byLookup.set(l, [...(byLookup.get(l) ?? []), g]);
    }
    const read = await Promise.all([...byLookup].map(([lookup, gs]) => lookup.groupMembers(gs)));
    const inv = this.inventory;
    const listed = new Set([
      ...[...inv.instances.values()].flatMap((i) => i.interfaces.map((n) => n.key)),
      ...inv.networkInterfaces.keys(),
    ]);
    const add = (nic: NetworkInterface) => {
      if (listed.has(nic.key)) return;
      inv.networkInterfaces.set(nic.key, nic);
      this.membersOnly.add(nic.key);
    };
    for (const { instances, interfaces } of read) {
      for (const instance of instances)
        if (!inv.instances.has(instance.key) && !inv.aliases.has(instance.key)) instance.interfaces.forEach(add);
      interfaces.forEach(add);
    }
  }

  /** The ENIs holding IPs that targets name: looked for region by region, as IDs are, until each IP has its ENI. */
  private async readEnisWithIps(ips: readonly string[]): Promise<void> {
    if (ips.length === 0) return;
    for (const ip of ips) this.ipsRead.add(ip);
    let left = [...ips];
    const searched: string[] = [];
    for (const lookup of this.lookups) {
      if (left.length === 0) return;
      const answer = await lookup.networkInterfacesWithIps(left);
      // A failed read makes the run incomplete (the lookup says so); only a whole answer rules an IP out.
      if (answer !== undefined) searched.push(lookup.region);
      const found = answer ?? [];
      const held = new Set(found.flatMap((nic) => (Array.isArray(nic.privateIps) ? nic.privateIps : [])));
      left = left.filter((ip) => !held.has(ip));
      for (const nic of found) {
        if (this.inventory.networkInterfaces.has(nic.key)) continue;
        this.inventory.networkInterfaces.set(nic.key, nic);
        this.resolved.set(nic.key, { kind: 'networkInterface', id: nic.key, status: 'live', region: lookup.region });
      }
    }
    // The target stays unknown ("no interface with IP …"); this says where it was looked for.
    if (searched.length > 0)
      for (const ip of left)
        this.inventory.warnings.push({
          address: ip,
          message: `no interface in ${searched.join(', ')} holds ${ip}, a CLB target: the checks of that target are unknown`,
        });
  }
}

const MAP_OF = {
  subnet: 'subnets',
  vpc: 'vpcs',
  networkAcl: 'networkAcls',
  addressTemplate: 'addressTemplates',
  addressTemplateGroup: 'addressTemplateGroups',
  serviceTemplate: 'serviceTemplates',
  serviceTemplateGroup: 'serviceTemplateGroups',
} as const satisfies Partial<Record<ExternalKind, keyof MutableInventory>>;

const sameRule = (a: SecurityGroupRule, b: SecurityGroupRule) =>
  JSON.stringify([a.action, a.peer, a.service]) === JSON.stringify([b.action, b.peer, b.service]);

/**
 * A group outside the plan to which the plan adds single rules by ID. When each planned rule is
 * already live, the live list is the group. A new one goes where the provider puts it among the
 * live rules, which the plan does not say: that list stays unknown, with the live rules for the
 * explanation.
 */
function withPlannedSingleRules(planned: SecurityGroup, live: SecurityGroup): SecurityGroup {
  if (!isPlaceholder(planned)) return planned;
  const direction = (plannedList: RuleList, liveList: RuleList): RuleList => {
    if (plannedList.rules.every((r) => liveList.rules.some((l) => sameRule(r, l)))) return liveList;
    return {
      rules: liveList.rules,
      unknownReason: `where the provider inserts the plan's new rules among the live rules of ${live.key} cannot be told`,
    };
  };
  return {
    ...live,
    provenance: { ...live.provenance, ...(planned.provenance.location ? { location: planned.provenance.location } : {}) },
    ingress: direction(planned.ingress, live.ingress),
    egress: direction(planned.egress, live.egress),
  };
}

/** A CLB outside the plan: its live listeners, except those the plan writes (or deletes), which the plan's replace. */
function withPlannedListeners(planned: LoadBalancer, live: LoadBalancer, deleted: ReadonlySet<string>): LoadBalancer {
  if (!isPlaceholder(planned)) return planned;
  const plannedIds = new Set(planned.listeners.map((l) => l.provenance.cloudId).filter((id): id is string => id !== undefined));
  const replaced = (l: Listener) => [l.key, `${live.key}#${l.key}`].some((id) => plannedIds.has(id) || deleted.has(id));
  return { ...live, listeners: [...planned.listeners, ...live.listeners.filter((l) => !replaced(l))] };
}
