import type { PathLayer } from '../model/flowPath.js';
import type { NetworkInterface } from '../model/instance.js';
import type { Listener, LoadBalancer } from '../model/loadBalancer.js';
import type { Ref } from '../model/network.js';
import type { SourceLocation } from '../model/provenance.js';
import { isUnknown } from '../model/value.js';
import { admitThroughAcl, DEFAULT_EPHEMERAL_PORTS } from '../net/aclAdmission.js';
import type { AddressSet } from '../net/addressSet.js';
import type { FlowQuery, FlowVerdict } from '../net/flow.js';
import { admitThroughGroups, admitToInterface } from '../net/interfaceAdmission.js';
import type { AddressBounds, InventoryResolver } from '../net/inventoryResolver.js';
import type { PortSet } from '../net/portSet.js';
import { hasPorts } from '../net/protocol.js';
import type { IneffectiveDeny, UndecidedDeny } from '../net/shadowAnalysis.js';
import type { AssertionFailure } from './assertions/assertionTypes.js';
import { type FlowReads, flowReadsOf, placeKey } from './flowKey.js';
import { paramPorts } from './flowSources.js';
import { innerMap } from './innerMap.js';
import type { FlowSpec, ParamValue, SubjectKind } from './policyTypes.js';
import type { FieldValue, Subject } from './subjects.js';

/** A flow prepared for a subject, or why it cannot be. */
export type FlowOrUnknown =
  | { readonly query: FlowQuery; readonly label: string; readonly portsLabel: string; readonly unknownReasons: readonly string[] }
  | { readonly unknownReason: string };

/** The verdicts of one flow at one layer, in the order a finding explains them. */
export type LayerVerdicts = readonly {
  readonly verdict: FlowVerdict;
  readonly direction: 'ingress' | 'egress';
  readonly query: FlowQuery;
}[];

/** What a flow meets in a subnet's network ACL: nothing (no ACL), an unknown, or both directions' verdicts. */
export type AclOutcome =
  | { readonly kind: 'none' }
  | { readonly kind: 'unknown'; readonly reason: string }
  | { readonly kind: 'checked'; readonly resource: string; readonly location: SourceLocation | null; readonly verdicts: LayerVerdicts };

/** Subjects built with some params: they serve every policy whose params agree on those read. */
interface SubjectsBuilt {
  readonly reads: ReadonlyMap<string, ParamValue | undefined>;
  readonly subjects: readonly Subject[];
}

/**
 * Everything one check computes once and shares across subjects and policies: one owner,
 * created per check and passed through the evaluation context, so that no result outlives the
 * check or leaks into another one (the same policy objects may be run over other inventories).
 *
 * What is shared is computed for a class (backends with the same groups, the same flow…) and
 * kept as data without the identity of the subject it was first computed for: verdicts name the
 * subject's interface as `CLASS_INTERFACE`, and a finding retells them with its own.
 */
export class CheckCache {
  private readonly subjectsByKind = new Map<SubjectKind, SubjectsBuilt[]>();
  readonly lbFields = new Map<LoadBalancer, ReadonlyMap<string, FieldValue>>();
  readonly listenerFields = new Map<Listener, ReadonlyMap<string, FieldValue>>();
  private readonly flowKeys = new Map<FlowReads, Map<Subject, string>>();
  private readonly flowFields = new Map<Subject, string>();
  private readonly flowReads = new Map<FlowSpec, FlowReads>();
  private readonly flows = new Map<FlowSpec, Map<ReadonlyMap<string, ParamValue>, Map<string, FlowOrUnknown>>>();
  private readonly queries = new Map<string, FlowQuery>();
  private readonly groupLists = new Map<NetworkInterface, string>();
  private readonly groupClasses = new Map<FlowQuery, Map<string, LayerVerdicts>>();
  private readonly loadBalancerGroupClasses = new Map<FlowQuery, Map<string, LayerVerdicts>>();
  private readonly addresses = new Map<NetworkInterface, { readonly bounds: AddressBounds; readonly aclKey: string }>();
  private readonly aclClasses = new Map<FlowQuery, Map<PortSet, Map<string, AclOutcome>>>();
  private readonly ephemeral = new Map<ReadonlyMap<string, ParamValue>, PortSet>();
  private readonly shadows = new Map<string, readonly IneffectiveDeny[]>();
  private readonly undecidedShadows = new Map<string, readonly UndecidedDeny[]>();
  private readonly decisions = new Map<object, WeakMap<LayerVerdicts, unknown>>();
  /** denyEffectiveForLoadBalancerTraffic, by listener, target ports and group list. */
  readonly bypassClasses = new ClassTable<
    Listener,
    string,
    readonly (Omit<AssertionFailure, 'related' | 'path'> & { readonly peer: AddressSet })[]
  >();

  private readonly pathLayerTables = new Map<object, Map<string, readonly PathLayer[]>>();
  constructor(readonly resolver: InventoryResolver) {}

  /**
   * Layers of a diagram path computed once per shared object (a prepared flow, the resolver for
   * ACL verdicts) and key: thousands of findings behind one CLB draw the same CLB and ACL layers.
   */
  pathLayers(owner: object, key: string, compute: () => readonly PathLayer[]): readonly PathLayer[] {
    let byKey = this.pathLayerTables.get(owner);
    if (byKey === undefined) {
      byKey = new Map();
      this.pathLayerTables.set(owner, byKey);
    }
    let layers = byKey.get(key);
    if (layers === undefined) {
      layers = compute();
      byKey.set(key, layers);
    }
    return layers;
  }

  /** The subjects of a kind built with these params, or undefined when none agree with them. */
  subjects(kind: SubjectKind, params: ReadonlyMap<string, ParamValue>): readonly Subject[] | undefined {
    for (const built of this.subjectsByKind.get(kind) ?? []) {
      if ([...built.reads].every(([name, value]) => sameParam(params.get(name), value))) return built.subjects;
    }
    return undefined;
  }

  /** Keeps subjects built while reading `reads` (name → value): they fit every policy that agrees on those. */
  keepSubjects(kind: SubjectKind, reads: ReadonlyMap<string, ParamValue | undefined>, subjects: readonly Subject[]): void {
    const list = this.subjectsByKind.get(kind) ?? [];
    list.push({ reads, subjects });
    this.subjectsByKind.set(kind, list);
  }

  /**
   * What a prepared flow depends on besides the spec and params: the subject's port and
   * health-check fields (once per subject), and of its load balancer and listener only what the
   * spec reads (`placeKey`).
   */
  flowKey(spec: FlowSpec, subject: Subject): string {
    let reads = this.flowReads.get(spec);
    if (reads === undefined) {
      reads = flowReadsOf(spec);
      this.flowReads.set(spec, reads);
    }
    // Kept whole per (what is read, subject): a key built afresh would be hashed afresh at every lookup.
    const bySubject = innerMap(this.flowKeys, reads);
    let key = bySubject.get(subject);
    if (key === undefined) {
      key = this.subjectFlowFields(subject) + placeKey(reads, subject, this.resolver);
      bySubject.set(subject, key);
    }
    return key;
  }

  /** The subject's own part of its flow keys: once per subject, whatever the specs read. */
  private subjectFlowFields(subject: Subject): string {
    let fields = this.flowFields.get(subject);
    if (fields === undefined) {
      // Unknown field values carry their reason, which names the subject: they are part of the key.
      const field = (name: string) => {
        const value = subject.fields.get(name);
        return value !== null && typeof value === 'object' && 'reason' in value ? `?${String(value.reason)}` : String(value);
      };
      fields = `${subject.kind}|${field('backend.port')}|${field('healthCheck.port')}|${field('healthCheck.source')}`;
      this.flowFields.set(subject, fields);
    }
    return fields;
  }

  /** The flows of one spec with one set of params, by flow key. */
  flowsOf(spec: FlowSpec, params: ReadonlyMap<string, ParamValue>): Map<string, FlowOrUnknown> {
    return innerMap(innerMap(this.flows, spec), params);
  }

  /** One object for every query of the same packets, so that verdicts can be kept by query. */
  canonicalQuery(query: FlowQuery): FlowQuery {
    const key = `${query.protocol}|${query.ports.intervals.join(';')}|${query.addresses.key()}|${query.symbols.map((s) => `${s.id}@${s.within.key()}`).join(',')}`;
    const found = this.queries.get(key);
    if (found !== undefined) return found;
    this.queries.set(key, query);
    return query;
  }

  /**
   * The verdict of a canonical query into interfaces with this interface's groups: computed once
   * per (group list, query), naming the interface as `CLASS_INTERFACE`.
   */
  groupVerdicts(nic: NetworkInterface, query: FlowQuery): LayerVerdicts {
    return classVerdicts(this.groupClasses, query, this.groupListKey(nic), () =>
      admitToInterface(this.resolver, nic, query, CLASS_INTERFACE),
    );
  }

  /**
   * The verdict of a canonical query through a load balancer's own security groups: once per
   * (group list, query), naming the load balancer as `CLASS_INTERFACE` — every CLB behind the
   * same groups (thousands of module instances) shares it, and a finding retells it.
   */
  loadBalancerGroupVerdicts(groups: readonly Ref[], query: FlowQuery): LayerVerdicts {
    return classVerdicts(this.loadBalancerGroupClasses, query, groups.join(','), () =>
      admitThroughGroups(this.resolver, CLASS_INTERFACE, groups, query),
    );
  }

  /**
   * What a canonical query meets in the network ACL of this interface's subnet, for its own
   * addresses, and its replies to the client ports `ephemeral`: once per (subnet, addresses).
   */
  aclOutcome(nic: NetworkInterface, query: FlowQuery, ephemeral: PortSet): AclOutcome {
    const byInterface = innerMap(innerMap(this.aclClasses, query), ephemeral);
    const addresses = this.interfaceAddresses(nic);
    let outcome = byInterface.get(addresses.aclKey);
    if (outcome === undefined) {
      const admission = admitThroughAcl(this.resolver, nic.subnet, addresses.bounds, query, ephemeral);
      if (admission.kind !== 'checked') outcome = admission;
      else {
        const replyQuery: FlowQuery = { ...query, ports: hasPorts(query.protocol) ? ephemeral : query.ports };
        const verdicts: LayerVerdicts = [
          { verdict: admission.inbound, direction: 'ingress', query },
          { verdict: admission.reply, direction: 'egress', query: replyQuery },
        ];
        outcome = { kind: 'checked', resource: admission.acl.key, location: admission.acl.provenance.location ?? null, verdicts };
      }
      byInterface.set(addresses.aclKey, outcome);
    }
    return outcome;
  }

  /** The interface's security groups, as a key: interfaces with the same list are one class. */
  groupListKey(nic: NetworkInterface): string {
    let groups = this.groupLists.get(nic);
    if (groups === undefined) {
      // A secondary interface without groups admits all, and its verdict names it: a class of its own.
      if (isUnknown(nic.securityGroups)) groups = `?${nic.key}`;
      else if (nic.securityGroups.length === 0 && !nic.primary) groups = `!${nic.key}`;
      // Groups of no defined priority are evaluated in every order: another class than the list.
      else groups = `${nic.securityGroupsUnordered === true ? '~' : ''}${nic.securityGroups.join(',')}`;
      this.groupLists.set(nic, groups);
    }
    return groups;
  }

  /** The client ports replies go to (`params.ephemeralPorts`): parsed once per params. */
  ephemeralPorts(params: ReadonlyMap<string, ParamValue>): PortSet {
    let ports = this.ephemeral.get(params);
    if (ports === undefined) {
      const value = params.get('ephemeralPorts');
      // Any form the schema takes (text, number, list); the config validator refuses what does not parse.
      ports = paramPorts(value) ?? DEFAULT_EPHEMERAL_PORTS;
      this.ephemeral.set(params, ports);
    }
    return ports;
  }

  /**
   * What an assertion spec concludes from one class's verdicts (which parts refuse, admit or
   * cannot be decided): decided once per class, kept without any subject identity.
   */
  decide<S extends object, T>(
    spec: S,
    verdicts: LayerVerdicts,
    decideFn: (spec: S, verdicts: LayerVerdicts, resolver: InventoryResolver) => T,
  ): T {
    let bySpec = this.decisions.get(spec);
    if (bySpec === undefined) {
      bySpec = new WeakMap();
      this.decisions.set(spec, bySpec);
    }
    let decision = bySpec.get(verdicts) as T | undefined;
    if (decision === undefined) {
      decision = decideFn(spec, verdicts, this.resolver);
      bySpec.set(verdicts, decision);
    }
    return decision;
  }

  /** The ineffective DROPs of one effective rule order (a direction and a group list): analysed once. */
  ineffectiveDenies(key: string, compute: () => readonly IneffectiveDeny[]): readonly IneffectiveDeny[] {
    return kept(this.shadows, key, compute);
  }

  /** The DROPs of one effective rule order that may be ineffective, though not for certain: analysed once. */
  undecidedDenies(key: string, compute: () => readonly UndecidedDeny[]): readonly UndecidedDeny[] {
    return kept(this.undecidedShadows, key, compute);
  }

  /**
   * An interface's own addresses, and the key of its ACL class: the subnet, and for a quintuple
   * ACL (whose entries name the local side) the addresses too.
   */
  interfaceAddresses(nic: NetworkInterface): { readonly bounds: AddressBounds; readonly aclKey: string } {
    let found = this.addresses.get(nic);
    if (found === undefined) {
      const bounds = this.resolver.interfaceAddresses(nic);
      const subnet = isUnknown(nic.subnet) ? `?${nic.key}` : nic.subnet;
      found = { bounds, aclKey: this.aclReadsLocalSide(nic) ? `${subnet}|${bounds.definite.key()}|${bounds.possible.key()}` : subnet };
      this.addresses.set(nic, found);
    }
    return found;
  }

  private aclReadsLocalSide(nic: NetworkInterface): boolean {
    if (isUnknown(nic.subnet)) return false;
    const acl = this.resolver.subnet(nic.subnet)?.networkAcl;
    if (acl === undefined || acl === null || isUnknown(acl)) return false;
    return this.resolver.networkAcl(acl)?.type === 'QUINTUPLE';
  }
}

/** Results kept by three keys (an object and two values), without building a key string. */
export class ClassTable<A extends object, B, T> {
  private readonly rows = new Map<A, Map<B, Map<string, T>>>();

  get(a: A, b: B, c: string): T | undefined {
    return this.rows.get(a)?.get(b)?.get(c);
  }

  set(a: A, b: B, c: string, value: T): void {
    innerMap(innerMap(this.rows, a), b).set(c, value);
  }
}

/** The ingress verdict of a query for one class (a group list), computed once and kept by (query, class). */
function classVerdicts(
  table: Map<FlowQuery, Map<string, LayerVerdicts>>,
  query: FlowQuery,
  key: string,
  admit: () => FlowVerdict,
): LayerVerdicts {
  const byClass = innerMap(table, query);
  let verdicts = byClass.get(key);
  if (verdicts === undefined) {
    verdicts = [{ verdict: admit(), direction: 'ingress', query }];
    byClass.set(key, verdicts);
  }
  return verdicts;
}

/** The value kept under `key`, computed when there is none yet. */
function kept<V>(table: Map<string, V>, key: string, compute: () => V): V {
  let value = table.get(key);
  if (value === undefined) {
    value = compute();
    table.set(key, value);
  }
  return value;
}

/** The name shared verdicts give the subject's interface (or load balancer); a finding retells it with its own. */
export const CLASS_INTERFACE = '\u0000the interface\u0000';

function sameParam(a: ParamValue | undefined, b: ParamValue | undefined): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}
