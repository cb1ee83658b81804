import type { Instance, NetworkInterface } from '../../model/instance.js';
import type { Listener, LoadBalancer, Target } from '../../model/loadBalancer.js';
import type { NetworkAcl } from '../../model/networkAcl.js';
import type { SecurityGroup } from '../../model/securityGroup.js';
import { isUnknown } from '../../model/value.js';
import { targetsOf } from './externalReferences.js';
import type { LiveLookup, Looked } from './liveLookup.js';
import type { MutableInventory } from './mutableInventory.js';
import type { PlannedChange } from './planFacts.js';

/** A live object outside the plan that a planned change reaches. */
export interface Dependent {
  /** Inventory key (cloud ID) of the instance or ENI. */
  readonly backend: string;
  /** The CLBs outside the plan that send traffic to it (cloud IDs). */
  readonly loadBalancers: readonly string[];
  readonly consoleUrls: readonly string[];
  /** The change that reaches it. */
  readonly change: PlannedChange;
}

/** The live version of each changed object, under the inventory key of its planned version. */
export interface LiveVersions {
  readonly securityGroups: ReadonlyMap<string, SecurityGroup>;
  readonly networkAcls: ReadonlyMap<string, NetworkAcl>;
  /** A changed CLB with its live listener settings (and the same targets as its planned version). */
  readonly loadBalancers: ReadonlyMap<string, LoadBalancer>;
}

export interface BlastRadius {
  readonly dependents: ReadonlyMap<string, Dependent>;
  /** Changed objects no region has: what depends on them live is not known (the reason says so). */
  readonly absent: readonly { readonly change: PlannedChange; readonly reason: string }[];
  /** The CLBs outside the plan read for the dependents, by cloud ID. */
  readonly loadBalancers: ReadonlySet<string>;
  readonly live: LiveVersions;
  readonly complete: boolean;
}

type Members = { readonly instances: readonly Instance[]; readonly interfaces: readonly NetworkInterface[]; readonly complete: boolean };

const ipsOf = (nic: NetworkInterface): string[] => (isUnknown(nic.privateIps) ? [] : [...nic.privateIps]);

/**
 * The live objects outside the plan that an existing object the plan changes reaches: for a
 * security group, the instances and ENIs bound to it (`DescribeInstances` /
 * `DescribeNetworkInterfaces` by security-group-id); for a network ACL, those in the subnets it
 * is bound to (by subnet-id). Then the live CLBs outside the plan that target them
 * (`DescribeLoadBalancers` by `BackendPrivateIps`, then their listeners and targets). They join
 * the inventory, each CLB with only the targets that are dependents (its other backends are not
 * this change's business), so that the policies judge them with the planned object. Each
 * change's dependents are read in the region that has the changed object (the first of
 * `lookups` that does); one that no region has makes the blast radius incomplete.
 */
export async function readBlastRadius(
  inventory: MutableInventory,
  changes: readonly PlannedChange[],
  deleted: ReadonlySet<string>,
  lookups: readonly LiveLookup[],
): Promise<BlastRadius> {
  const dependents = new Map<string, Dependent>();
  const loadBalancers = new Set<string>();
  const securityGroups = new Map<string, SecurityGroup>();
  const networkAcls = new Map<string, NetworkAcl>();
  const liveBalancers = new Map<string, LoadBalancer>();
  const absent: { change: PlannedChange; reason: string }[] = [];
  let complete = true;
  // What the plan has, or deletes, is the plan's own business, not a dependent outside it. Taken
  // before any dependent joins the inventory: a CLB read for one change is read for the next too.
  const planned = new Set([...inventory.aliases.keys(), ...inventory.instances.keys(), ...inventory.loadBalancers.keys()]);
  const inPlan = (id: string) => planned.has(id) || deleted.has(id);

  const addDependents = async (lookup: LiveLookup, change: PlannedChange, members: Members): Promise<void> => {
    complete &&= members.complete;
    const outside: (Instance | NetworkInterface)[] = [
      ...members.instances.filter((i) => !inPlan(i.key)),
      ...members.interfaces.filter((n) => !inPlan(n.key) && !(n.instance !== undefined && inPlan(n.instance))),
    ];
    if (outside.length === 0) return;
    const ipOwner = new Map<string, string>();
    for (const o of outside) for (const ip of 'interfaces' in o ? o.interfaces.flatMap(ipsOf) : ipsOf(o)) ipOwner.set(ip, o.key);
    const lbIds = await lookup.loadBalancersWithBackends([...ipOwner.keys()]);
    if (lbIds === undefined) complete = false;
    const read = await lookup.loadBalancers((lbIds ?? []).filter((id) => !inPlan(id)));
    const keys = new Set(outside.map((o) => o.key));
    const mine = (t: Target) =>
      (typeof t.instance === 'string' && keys.has(t.instance)) || (typeof t.eniIp === 'string' && ipOwner.has(t.eniIp));
    const behind = new Map<string, string[]>();
    for (const [id, looked] of read) {
      if (!('found' in looked)) {
        complete = false;
        continue;
      }
      const restricted: LoadBalancer = {
        ...looked.found,
        listeners: looked.found.listeners
          .map((l) => onlyTargets(l, mine))
          .filter((l) => l.targets.length > 0 || l.rules.length > 0 || l.targetsUnknownReason !== undefined),
      };
      // A CLB read for an earlier change keeps the targets it had; this change's are added.
      const earlier = inventory.loadBalancers.get(id);
      inventory.loadBalancers.set(
        id,
        earlier === undefined
          ? restricted
          : {
              ...earlier,
              listeners: looked.found.listeners.map((l) =>
                onlyTargets(l, (t) => mine(t) || targetsOf(earlier).some((e) => sameTarget(e, t))),
              ),
            },
      );
      loadBalancers.add(id);
      for (const t of targetsOf(restricted)) {
        const backend = typeof t.instance === 'string' ? t.instance : typeof t.eniIp === 'string' ? ipOwner.get(t.eniIp) : undefined;
        if (backend !== undefined && !(behind.get(backend) ?? []).includes(id)) behind.set(backend, [...(behind.get(backend) ?? []), id]);
      }
    }
    for (const o of outside) {
      if ('interfaces' in o) {
        if (!inventory.instances.has(o.key)) inventory.instances.set(o.key, o);
      } else if (!inventory.networkInterfaces.has(o.key)) inventory.networkInterfaces.set(o.key, o);
      const lbs = behind.get(o.key) ?? [];
      const urls = [
        o.provenance.consoleUrl,
        ...lbs.map((lb) => read.get(lb)).map((l) => (l && 'found' in l ? l.found.provenance.consoleUrl : undefined)),
      ].filter((u): u is string => u !== undefined);
      if (!dependents.has(o.key)) dependents.set(o.key, { backend: o.key, loadBalancers: lbs, consoleUrls: urls, change });
    }
  };

  /** The live version of a changed object, from the first region that has it; none: unreadable (the lookup says so) or absent. */
  const liveVersion = async <T>(
    change: PlannedChange,
    read: (lookup: LiveLookup) => Promise<Map<string, Looked<T>>>,
  ): Promise<{ lookup: LiveLookup; found: T } | undefined> => {
    for (const lookup of lookups) {
      const looked = (await read(lookup)).get(change.id);
      if (looked !== undefined && 'found' in looked) return { lookup, found: looked.found };
      if (looked === undefined || !('notFound' in looked)) return undefined;
    }
    complete = false;
    absent.push({
      change,
      reason: `${change.id}, which this plan changes, not found in ${lookups.map((l) => l.region).join(', ')}: the live objects that depend on it are not known`,
    });
    return undefined;
  };

  // A deleted object has no dependents after the change (Tencent refuses to delete one in use).
  for (const change of changes.filter((c) => !deleted.has(c.id))) {
    const key = inventory.aliases.get(change.id) ?? change.id;
    if (change.kind === 'securityGroup') {
      const live = await liveVersion(change, (l) => l.securityGroups([change.id]));
      if (live === undefined) continue;
      securityGroups.set(key, live.found);
      await addDependents(live.lookup, change, await live.lookup.groupMembers([change.id]));
    } else if (change.kind === 'networkAcl') {
      const live = await liveVersion(change, (l) => l.networkAcls([change.id]));
      if (live === undefined) continue;
      networkAcls.set(key, live.found);
      await addDependents(live.lookup, change, await live.lookup.subnetMembers(live.lookup.subnetsOfAcl(change.id)));
    } else {
      const plannedLb = inventory.loadBalancers.get(key);
      const live = await liveVersion(change, (l) => l.loadBalancers([change.id]));
      if (live === undefined || plannedLb === undefined) continue;
      const versions = withOutsideTargets(plannedLb, live.found, (id) => inPlan(id));
      if (versions.outside.length === 0) continue;
      inventory.loadBalancers.set(key, versions.planned);
      liveBalancers.set(key, versions.live);
      loadBalancers.add(change.id);
      const ids = [...new Set(versions.outside.map((t) => t.instance).filter((i): i is string => typeof i === 'string'))];
      for (const [id, looked] of await live.lookup.instances(ids)) {
        if (!('found' in looked)) continue; // unknown through the resolution that follows
        if (!inventory.instances.has(id)) inventory.instances.set(id, looked.found);
        if (!dependents.has(id))
          dependents.set(id, {
            backend: id,
            loadBalancers: [change.id],
            consoleUrls: [looked.found.provenance.consoleUrl, live.found.provenance.consoleUrl].filter((u): u is string => u !== undefined),
            change,
          });
      }
    }
  }
  return { dependents, absent, loadBalancers, live: { securityGroups, networkAcls, loadBalancers: liveBalancers }, complete };
}

/**
 * A CLB the plan changes, and the live targets of its listeners that the plan does not register
 * (by hand, by another workspace). The planned version gets them, so that they are judged with
 * the planned health check and pass-to-target; the live version is the same with the live
 * listener settings. L7 rules keep the plan's targets only.
 */
function withOutsideTargets(
  planned: LoadBalancer,
  live: LoadBalancer,
  inPlan: (id: string) => boolean,
): { planned: LoadBalancer; live: LoadBalancer; outside: Target[] } {
  const outside: Target[] = [];
  const plannedListeners = new Map<Listener, Listener>();
  const liveListeners = new Map<Listener, Listener>();
  const extra: Listener[] = [];
  for (const l of live.listeners) {
    const match = planned.listeners.find(
      (p) => p.key === l.key || p.provenance.cloudId === l.key || p.provenance.cloudId === `${live.key}#${l.key}`,
    );
    const theirs = l.targets.filter(
      (t) => !(typeof t.instance === 'string' && inPlan(t.instance)) && !(match?.targets.some((p) => sameTarget(p, t)) ?? false),
    );
    outside.push(...theirs);
    if (match === undefined) {
      if (theirs.length > 0) extra.push({ ...l, targets: theirs, rules: [] });
      continue;
    }
    const merged = { ...match, targets: [...match.targets, ...theirs] };
    plannedListeners.set(match, merged);
    liveListeners.set(match, { ...merged, protocol: l.protocol, port: l.port, healthCheck: l.healthCheck });
  }
  const listeners = (versions: Map<Listener, Listener>) => [...planned.listeners.map((p) => versions.get(p) ?? p), ...extra];
  return {
    planned: { ...planned, listeners: listeners(plannedListeners) },
    live: { ...planned, passToTarget: live.passToTarget, listeners: listeners(liveListeners) },
    outside,
  };
}

const sameTarget = (a: Target, b: Target) => a.instance === b.instance && a.eniIp === b.eniIp && a.port === b.port;

function onlyTargets(listener: Listener, keep: (t: Target) => boolean): Listener {
  const rules = listener.rules.map((r) => ({ ...r, targets: r.targets.filter(keep) })).filter((r) => r.targets.length > 0);
  return { ...listener, targets: listener.targets.filter(keep), rules };
}
