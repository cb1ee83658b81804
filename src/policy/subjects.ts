import type { Instance, NetworkInterface } from '../model/instance.js';
import type { HealthCheck, Listener, ListenerRule, LoadBalancer, Target } from '../model/loadBalancer.js';
import type { NetworkAcl } from '../model/networkAcl.js';
import type { Provenance } from '../model/provenance.js';
import type { SecurityGroup } from '../model/securityGroup.js';
import { isUnknown, type Maybe, type Unknown, unknown } from '../model/value.js';
import type { InventoryResolver } from '../net/inventoryResolver.js';
import { transportOf } from '../net/protocol.js';
import type { CheckCache } from './checkCache.js';
import type { ParamValue, SubjectKind } from './policyTypes.js';
import { portTexts } from './portTexts.js';

export type FieldValue = string | number | boolean | null | readonly string[] | Unknown;

/** A subject's fields by path. Backends share their load balancer's and listener's layers. */
export interface FieldLookup {
  get(path: string): FieldValue | undefined;
}

/**
 * Looks a path up in each layer in turn: the subject's own fields first, shared ones after. A
 * field whose value is undefined is no field, so a miss needs no second (`has`) lookup: policy
 * conditions and messages look fields up millions of times on a large plan.
 */
class LayeredFields implements FieldLookup {
  constructor(private readonly layers: readonly ReadonlyMap<string, FieldValue>[]) {}
  get(path: string): FieldValue | undefined {
    for (const layer of this.layers) {
      const value = layer.get(path);
      if (value !== undefined) return value;
    }
    return undefined;
  }
}

function lbLayer(lb: LoadBalancer, cache: CheckCache): ReadonlyMap<string, FieldValue> {
  let layer = cache.lbFields.get(lb);
  if (layer === undefined) {
    layer = new Map(lbFields(lb, cache.resolver));
    cache.lbFields.set(lb, layer);
  }
  return layer;
}

function listenerLayer(listener: Listener, cache: CheckCache): ReadonlyMap<string, FieldValue> {
  let layer = cache.listenerFields.get(listener);
  if (layer === undefined) {
    layer = new Map(listenerFields(listener));
    cache.listenerFields.set(listener, layer);
  }
  return layer;
}

/** What a policy is evaluated for, with the links its assertions follow. */
export interface Subject {
  readonly kind: SubjectKind;
  /** The resource findings name by default. */
  readonly resource: string;
  readonly provenance: Provenance;
  readonly related: readonly string[];
  readonly fields: FieldLookup;
  readonly lb?: LoadBalancer;
  readonly listener?: Listener;
  readonly rule?: ListenerRule;
  readonly target?: Target;
  readonly healthCheck?: HealthCheck;
  /** The interface that receives the traffic, or why it cannot be found. */
  readonly nic?: Maybe<NetworkInterface>;
  readonly instance?: Instance;
  readonly securityGroup?: SecurityGroup;
  readonly networkAcl?: NetworkAcl;
  /** How some fields read in a message when their numbers alone would mislead (see `portTexts`). */
  readonly texts?: ReadonlyMap<string, string>;
  /**
   * A backend whose instance is one of several (`Target.instanceCandidates`): the same backend
   * for each candidate. Policies report on each when all fail the same way, else on this subject.
   */
  readonly candidates?: readonly Subject[];
}

export interface SubjectParams {
  get(name: string): ParamValue | undefined;
}

/** The subjects of a kind, built with the params they read and the check's shared field layers. */
export function* subjectsOf(kind: SubjectKind, cache: CheckCache, params: SubjectParams): Iterable<Subject> {
  const resolver = cache.resolver;
  const inv = resolver.inventory;
  switch (kind) {
    case 'loadBalancer':
      for (const lb of inv.loadBalancers.values()) yield lbSubject(lb, cache);
      return;
    case 'listener':
      for (const lb of inv.loadBalancers.values()) for (const listener of lb.listeners) yield listenerSubject(lb, listener, resolver);
      return;
    case 'backend':
      yield* backendSubjects(cache, params);
      return;
    case 'instance': {
      // Every interface of an instance counts (domain §1.1): the secondary ones are subjects of their own.
      const secondary = new Map<string, NetworkInterface[]>();
      for (const nic of inv.networkInterfaces.values()) {
        if (nic.instance === undefined) continue;
        const owner = resolver.instance(nic.instance)?.key;
        // An interface attached to an instance the check does not hold still exposes that instance.
        if (owner === undefined) yield attachedInterfaceSubject(nic, nic.instance);
        else if (!nic.primary) secondary.set(owner, [...(secondary.get(owner) ?? []), nic]);
      }
      for (const instance of inv.instances.values()) {
        yield instanceSubject(instance);
        for (const nic of [...instance.interfaces.filter((i) => !i.primary), ...(secondary.get(instance.key) ?? [])])
          yield instanceSubject(instance, nic);
      }
      return;
    }
    case 'securityGroup':
      for (const sg of inv.securityGroups.values()) {
        yield {
          kind,
          resource: sg.key,
          provenance: sg.provenance,
          related: [],
          fields: new Map<string, FieldValue>([
            ['sg.key', sg.key],
            ['sg.name', sg.name ?? sg.key],
          ]),
          securityGroup: sg,
        };
      }
      return;
    case 'networkAcl':
      for (const acl of inv.networkAcls.values()) {
        yield {
          kind,
          resource: acl.key,
          provenance: acl.provenance,
          related: [],
          fields: new Map<string, FieldValue>([
            ['acl.key', acl.key],
            ['acl.name', acl.name ?? acl.key],
            ['acl.type', acl.type],
          ]),
          networkAcl: acl,
        };
      }
      return;
  }
}

function lbFields(lb: LoadBalancer, resolver: InventoryResolver): [string, FieldValue][] {
  const vips = resolver.vip(lb);
  return [
    ['lb.key', lb.key],
    ['lb.name', lb.name ?? lb.key],
    ['lb.network', lb.network],
    ['lb.ipVersion', lb.ipVersion],
    ['lb.passToTarget', lb.passToTarget],
    ['lb.passToTargetEffective', effectivePassToTarget(lb)],
    ['lb.snat', lb.snat],
    ['lb.snatPro', lb.snatPro],
    ['lb.securityGroups', lb.securityGroups],
    ['lb.vips', vips.symbols.length > 0 ? unknown('VIP known after apply') : vips.addresses.toCidrs()],
    ['lb.vipText', vips.symbols.length > 0 ? `the VIP of ${lb.key}` : vips.addresses.describe()],
  ];
}

/**
 * Whether the backend SGs are skipped for CLB traffic: IPv6 CLBs always pass traffic to targets;
 * SnatPro (cross-region 2.0, hybrid cloud) does not support it (docs/semantics.md, Load balancers, §3.1).
 */
export function effectivePassToTarget(lb: LoadBalancer): Maybe<boolean> {
  if (!isUnknown(lb.ipVersion) && lb.ipVersion === 'IPV6') return true;
  if (!isUnknown(lb.snatPro) && lb.snatPro === true) return false;
  return lb.passToTarget;
}

function lbSubject(lb: LoadBalancer, cache: CheckCache): Subject {
  return {
    kind: 'loadBalancer',
    resource: lb.key,
    provenance: lb.provenance,
    related: lb.listeners.map((l) => l.key),
    fields: lbLayer(lb, cache),
    lb,
  };
}

function listenerFields(listener: Listener): [string, FieldValue][] {
  return [
    ['listener.key', listener.key],
    ['listener.name', listener.name ?? listener.key],
    ['listener.protocol', listener.protocol],
    ['listener.transport', isUnknown(listener.protocol) ? listener.protocol : transportOf(listener.protocol)],
    ['listener.port', listener.port],
    ['listener.isLayer7', isUnknown(listener.protocol) ? listener.protocol : listener.protocol === 'HTTP' || listener.protocol === 'HTTPS'],
  ];
}

function listenerSubject(lb: LoadBalancer, listener: Listener, resolver: InventoryResolver): Subject {
  return {
    kind: 'listener',
    resource: listener.key,
    provenance: listener.provenance,
    related: [lb.key],
    fields: new Map([
      ...lbFields(lb, resolver),
      ...listenerFields(listener),
      ...healthFields(listener.healthCheck, listener, undefined, undefined),
    ]),
    lb,
    listener,
    healthCheck: listener.healthCheck,
    ...withTexts(portTexts(listener)),
  };
}

function withTexts(texts: ReadonlyMap<string, string> | undefined): { texts?: ReadonlyMap<string, string> } {
  return texts === undefined ? {} : { texts };
}

/**
 * The health-check port: `CheckPort` applies to TCP/UDP listeners only; everywhere else the
 * probe goes to the backend port (docs/semantics.md, Load balancers, §3.3 §7.8).
 */
function healthCheckPort(healthCheck: HealthCheck, listener: Listener, backendPort: Maybe<number> | undefined): Maybe<number> | null {
  const l4 = !isUnknown(listener.protocol) && (listener.protocol === 'TCP' || listener.protocol === 'UDP');
  if (l4 && healthCheck.port !== undefined) {
    if (isUnknown(healthCheck.port)) return healthCheck.port;
    if (healthCheck.port > 0) return healthCheck.port;
  }
  return backendPort ?? null;
}

function healthFields(
  healthCheck: HealthCheck,
  listener: Listener,
  backendPort: Maybe<number> | undefined,
  params: SubjectParams | undefined,
): [string, FieldValue][] {
  const fallback = params?.get('defaultHealthCheckSource') === 'range' ? 'range' : 'vip';
  const source: Maybe<string> = isUnknown(healthCheck.sourceIpType) ? fallback : healthCheck.sourceIpType === 1 ? 'range' : 'vip';
  const allowlisted = source === 'range' && params?.get('healthCheckRangeAllowlisted') !== false;
  return [
    ['healthCheck.enabled', healthCheck.enabled],
    ['healthCheck.port', healthCheckPort(healthCheck, listener, backendPort)],
    ['healthCheck.type', healthCheck.type ?? null],
    ['healthCheck.sourceIpType', healthCheck.sourceIpType],
    ['healthCheck.source', source],
    ['healthCheck.sourceAllowlisted', allowlisted],
  ];
}

function* backendSubjects(cache: CheckCache, params: SubjectParams): Iterable<Subject> {
  const resolver = cache.resolver;
  for (const lb of resolver.inventory.loadBalancers.values()) {
    for (const listener of lb.listeners) {
      const groups: { rule?: ListenerRule; healthCheck: HealthCheck; targets: readonly Target[] }[] = [
        { healthCheck: listener.healthCheck, targets: listener.targets },
      ];
      for (const rule of listener.rules) groups.push({ rule, healthCheck: rule.healthCheck, targets: rule.targets });
      for (const group of groups) {
        for (const target of group.targets) {
          const subject = backendSubject(cache, params, lb, listener, group.rule, group.healthCheck, target);
          if (target.instanceCandidates === undefined || target.instanceCandidates.length === 0) {
            yield subject;
            continue;
          }
          const { instanceCandidates, ...rest } = target;
          const candidates = instanceCandidates.map((instance) =>
            backendSubject(cache, params, lb, listener, group.rule, group.healthCheck, { ...rest, instance }),
          );
          yield { ...subject, candidates };
        }
      }
      if (listener.targetsUnknownReason !== undefined) {
        const target: Target = {
          instance: unknown(listener.targetsUnknownReason),
          port: unknown(listener.targetsUnknownReason),
          via: 'listener',
          provenance: listener.provenance,
        };
        yield { ...backendSubject(cache, params, lb, listener, undefined, listener.healthCheck, target), resource: listener.key };
      }
    }
  }
}

function backendSubject(
  cache: CheckCache,
  params: SubjectParams,
  lb: LoadBalancer,
  listener: Listener,
  rule: ListenerRule | undefined,
  healthCheck: HealthCheck,
  target: Target,
): Subject {
  const resolver = cache.resolver;
  let nic: Maybe<NetworkInterface>;
  let instance: Instance | undefined;
  let resource: string;
  if (target.instance !== undefined) {
    if (isUnknown(target.instance)) {
      nic = target.instance;
      resource = target.provenance.address;
    } else {
      instance = resolver.instance(target.instance);
      resource = instance?.key ?? target.instance;
      nic = instance?.interfaces.find((i) => i.primary) ?? instance?.interfaces[0] ?? unknown(`${target.instance} is not in this check`);
    }
  } else if (target.eniIp !== undefined && !isUnknown(target.eniIp)) {
    const found = resolver.interfaceWithIp(target.eniIp);
    nic = found ?? unknown(`no interface with IP ${target.eniIp} in this check`);
    instance = found?.instance !== undefined ? resolver.instance(found.instance) : undefined;
    resource = instance?.key ?? found?.key ?? target.eniIp;
  } else {
    nic = unknown('the target is known only after apply');
    resource = target.provenance.address;
  }
  const provenance = instance?.provenance ?? (isUnknown(nic) ? target.provenance : nic.provenance);
  const subnet = isUnknown(nic) ? nic : nic.subnet;
  return {
    kind: 'backend',
    resource,
    provenance,
    related: [listener.key, lb.key, ...(rule ? [rule.key] : []), target.provenance.address].filter(
      (v, i, all) => all.indexOf(v) === i && v !== resource,
    ),
    fields: new LayeredFields([
      new Map<string, FieldValue>([
        ...healthFields(healthCheck, listener, target.port, params),
        ['rule.key', rule?.key ?? null],
        ['rule.domain', rule?.domain ?? null],
        ['rule.url', rule?.url ?? null],
        ['backend.port', target.port],
        ['backend.via', target.via],
        ['backend.target', target.instance ?? target.eniIp ?? null],
        ['backend.resource', resource],
        ['instance.key', instance?.key ?? null],
        ['instance.name', instance?.name ?? resource],
        ['instance.os', instance?.os ?? unknown('instance not in this check')],
        ['subnet.key', subnet ?? null],
      ]),
      listenerLayer(listener, cache),
      lbLayer(lb, cache),
    ]),
    lb,
    listener,
    ...(rule ? { rule } : {}),
    target,
    healthCheck,
    nic,
    ...(instance ? { instance } : {}),
    ...withTexts(portTexts(listener, target.port, healthCheckPort(healthCheck, listener, target.port))),
  };
}

/** An instance through its primary interface, or through `secondary`, one of its other interfaces (the finding names that one). */
/** An interface of an instance that is not in the check: the subject is the interface, the instance known by its reference only. */
function attachedInterfaceSubject(nic: NetworkInterface, instance: string): Subject {
  return {
    kind: 'instance',
    resource: nic.key,
    provenance: nic.provenance,
    related: [instance],
    fields: new Map<string, FieldValue>([
      ['instance.key', instance],
      ['instance.name', instance],
      ['instance.os', unknown(`${instance} is not in this check, so its OS is unknown`)],
      ['subnet.key', nic.subnet],
    ]),
    nic,
  };
}

function instanceSubject(instance: Instance, secondary?: NetworkInterface): Subject {
  const nic = secondary ?? instance.interfaces.find((i) => i.primary) ?? instance.interfaces[0];
  return {
    kind: 'instance',
    resource: secondary?.key ?? instance.key,
    provenance: secondary?.provenance ?? instance.provenance,
    related: secondary ? [instance.key] : [],
    fields: new Map<string, FieldValue>([
      ['instance.key', instance.key],
      ['instance.name', instance.name ?? instance.key],
      ['instance.os', instance.os],
      ['subnet.key', nic === undefined ? null : nic.subnet],
    ]),
    nic: nic ?? unknown(`${instance.key} has no network interface in this check`),
    instance,
  };
}
