import type { Evidence } from '../../model/finding.js';
import type { NetworkInterface } from '../../model/instance.js';
import type { Listener, LoadBalancer, Target } from '../../model/loadBalancer.js';
import type { SourceLocation } from '../../model/provenance.js';
import { isUnknown, type Maybe } from '../../model/value.js';
import { AddressSet } from '../../net/addressSet.js';
import type { CompiledRule, PeerMatch } from '../../net/compiledRule.js';
import type { FlowVerdict } from '../../net/flow.js';
import { admitThroughGroups } from '../../net/interfaceAdmission.js';
import type { InventoryResolver } from '../../net/inventoryResolver.js';
import { describePorts, type PortSet, portRange } from '../../net/portSet.js';
import type { Protocol } from '../../net/protocol.js';
import { transportOf } from '../../net/protocol.js';
import { compileInterface } from '../../net/securityGroupRules.js';
import { listenerPorts } from '../flowSources.js';
import type { Assertion } from '../policyTypes.js';
import { addRulePlan, at, type FixPlan } from '../remediation.js';
import type { AssertionKind } from './assertionKind.js';
import type { AssertionContext, AssertionFailure } from './assertionTypes.js';
import { refEvidence } from './evidence.js';
import { flowPathOf } from './flowPathOf.js';
import { unknownFailure } from './unknownFailure.js';

/**
 * With pass-to-target on, the backend's security groups are not evaluated for CLB traffic: a
 * backend DROP on the backend port cannot stop it. It still works if the CLB's own groups carry
 * the same block on the listener port.
 *
 * What cannot be decided (the backend's interface, its port, the listener's port or protocol, the
 * DROP's source, the CLB's groups, a rule that may be a DROP, rules nobody can see) is `unknown`
 * with the reason: never a silent pass.
 */
export const denyEffectiveForLoadBalancerTraffic: AssertionKind<Extract<Assertion, { denyEffectiveForLoadBalancerTraffic: unknown }>> = {
  name: 'denyEffectiveForLoadBalancerTraffic',
  properties: { denyEffectiveForLoadBalancerTraffic: { type: 'object', additionalProperties: false } },
  variables: ['denyRule', 'carried'],
  subjects: ['backend'],
  evaluate: (_assertion, ctx) => checkDenyEffectiveForLoadBalancerTraffic(ctx),
};

/**
 * A failure of the class, without the subject: `peer` is the DROP's source (what it may match
 * when that is not known), for the subject's path.
 */
type ClassFailure = Omit<AssertionFailure, 'related' | 'path'> & { readonly peer: AddressSet };

const NONE: readonly ClassFailure[] = [];

/** What the check needs of a backend, every value known. */
interface BackendFlow {
  readonly nic: NetworkInterface;
  readonly protocol: Protocol;
  /** Every port the listener listens on (a port-range listener: all of them). */
  readonly listenerPorts: PortSet;
  /** Every port the backend receives CLB traffic on: its port, or for a full-port target all the listener's. */
  readonly targetPorts: PortSet;
  /** A full-port target: listener port p goes to backend port p, so a DROP on p must be carried on p alone. */
  readonly fullPort: boolean;
}

function checkDenyEffectiveForLoadBalancerTraffic(ctx: AssertionContext): AssertionFailure[] {
  const { subject, cache } = ctx;
  const { lb, listener, nic, target } = subject;
  // Only backend subjects have all four.
  if (lb === undefined || listener === undefined || nic === undefined || target === undefined) return [];
  const flow = backendFlow(nic, listener, target);
  if ('unknownReason' in flow) return [backendUnknown(ctx, flow.unknownReason)];
  const { protocol, targetPorts } = flow;
  // Backends behind one listener with the same groups and ports are one class: decided once.
  const groups = cache.groupListKey(flow.nic);
  const portsLabel = describePorts(targetPorts);
  let failures = cache.bypassClasses.get(listener, portsLabel, groups);
  if (failures === undefined) {
    failures = bypassedDenies(ctx.resolver, lb, flow);
    cache.bypassClasses.set(listener, portsLabel, groups, failures);
  }
  if (failures.length === 0) return [];
  const related = [subject.resource, lb.key, listener.key];
  return failures.map(({ peer, ...failure }) => ({
    ...failure,
    related,
    path: () =>
      flowPathOf(
        {
          query: { protocol, addresses: peer, symbols: [], ports: targetPorts },
          label: `${peer.describe()} → ${protocol}:${portsLabel}`,
          portsLabel,
          unknownReasons: [],
        },
        ctx,
        { fromClients: true },
      ),
  }));
}

/** The backend's interface, transport and ports, or why one of them is not known. */
function backendFlow(nic: Maybe<NetworkInterface>, listener: Listener, target: Target): BackendFlow | { readonly unknownReason: string } {
  if (isUnknown(nic)) return { unknownReason: `the backend's interface: ${nic.reason}` };
  if (isUnknown(nic.securityGroups))
    return { unknownReason: `the security groups of ${nic.key}: ${nic.securityGroups.reason}, so a DROP among them cannot be looked for` };
  if (isUnknown(listener.protocol)) return { unknownReason: `the protocol of ${listener.key}: ${listener.protocol.reason}` };
  if (isUnknown(listener.port)) return { unknownReason: `the port of ${listener.key}: ${listener.port.reason}` };
  // A port-range listener must block on every port of its range; a range of unknown end cannot be checked whole.
  if (listener.endPort !== undefined && isUnknown(listener.endPort))
    return { unknownReason: `the end port of ${listener.key}: ${listener.endPort.reason}` };
  if (isUnknown(target.port)) return { unknownReason: `the backend port: ${target.port.reason}` };
  const listened = listenerPorts(listener) ?? portRange(listener.port);
  // Port 0 on a full-port target follows the listener's ports: all of a port range.
  const fullPort = target.port === 0;
  return {
    nic,
    protocol: transportOf(listener.protocol),
    listenerPorts: listened,
    targetPorts: fullPort ? listened : portRange(target.port),
    fullPort,
  };
}

function backendUnknown(ctx: AssertionContext, reason: string): AssertionFailure {
  const failure = unknownFailure(ctx, reason, 'bypass:unknown');
  return {
    ...failure,
    vars: new Map([...failure.vars, ['denyRule', 'a backend DROP'], ['carried', `(unknown: ${reason})`]]),
  };
}

/**
 * Whether a rule is a DROP on a port the backend receives CLB traffic on (`yes`), may be one
 * (`maybe`: its action, protocol or ports are not known, or it stands for rules nobody can see),
 * or is not (`no`).
 */
function dropOnPorts(rule: CompiledRule, protocol: Protocol, ports: PortSet): 'yes' | 'maybe' | 'no' {
  if (rule.action === 'ACCEPT' || !rule.protocols.possible.has(protocol) || !rule.ports.possible.overlaps(ports)) return 'no';
  return rule.action === 'DROP' && rule.protocols.definite.has(protocol) && rule.ports.definite.overlaps(ports) ? 'yes' : 'maybe';
}

/** How the CLB's own groups treat the DROP's source on the listener port. */
type Carried =
  | { readonly kind: 'carried' }
  | { readonly kind: 'notCarried'; readonly text: string; readonly verdict: FlowVerdict | undefined }
  | { readonly kind: 'unknown'; readonly reason: string; readonly verdict: FlowVerdict | undefined };

function carriedByLoadBalancer(
  resolver: InventoryResolver,
  lb: LoadBalancer,
  peer: AddressSet,
  protocol: Protocol,
  listened: PortSet,
): Carried {
  if (isUnknown(lb.securityGroups))
    return { kind: 'unknown', reason: `the security groups of ${lb.key}: ${lb.securityGroups.reason}`, verdict: undefined };
  const lbGroups = lb.securityGroups;
  if (lbGroups.length === 0) return { kind: 'notCarried', text: `${lb.key} has no security group`, verdict: undefined };
  const verdict = admitThroughGroups(resolver, lb.key, lbGroups, {
    protocol,
    addresses: peer,
    symbols: [],
    ports: listened,
  });
  const groupsText = `the security groups of ${lb.key} (${lbGroups.join(', ')})`;
  // Carried means an explicit DROP in the CLB's groups refuses it; a default deny is incidental
  // and disappears the day the group is opened wider.
  if (verdict.parts.some((p) => p.verdict === 'allow'))
    return { kind: 'notCarried', text: `${groupsText} admit it on ${describePorts(listened)}`, verdict };
  if (verdict.parts.some((p) => p.verdict === 'deny' && (p.decidedBy === undefined || p.decidedBy.index < 0)))
    return {
      kind: 'notCarried',
      text: `${groupsText} have no DROP for it (only their default deny refuses it, until they are opened wider)`,
      verdict,
    };
  const undecided = verdict.parts.filter((p) => p.verdict === 'unknown');
  if (undecided.length === 0) return { kind: 'carried' };
  const reasons = [...new Set(undecided.map((p) => p.reason ?? 'not decided'))];
  return { kind: 'unknown', reason: `whether ${groupsText} carry the block is not known: ${reasons.join('; ')}`, verdict };
}

/** The backend DROPs on the target ports that the CLB's own groups do not carry, or may not. */
function bypassedDenies(resolver: InventoryResolver, lb: LoadBalancer, flow: BackendFlow): readonly ClassFailure[] {
  const { protocol, targetPorts } = flow;
  const targetText = `${protocol}:${describePorts(targetPorts)}`;
  const failures: ClassFailure[] = [];
  const family = clientFamily(lb);
  for (const rule of compileInterface(resolver, flow.nic, 'ingress')) {
    const drop = dropOnPorts(rule, protocol, targetPorts);
    if (drop === 'no') continue;
    const ref = rule.ref;
    if (ref.index < 0) {
      // Rules nobody can see (a group not in this check, or whose rules are known only after apply).
      const group = resolver.securityGroup(ref.list);
      const reason = `${rule.unknownReason ?? `${ref.text} cannot be read`}: a DROP there on ${targetText} would not stop CLB traffic either`;
      failures.push(
        undecided(
          ref.text,
          reason,
          group?.key ?? ref.list,
          group?.provenance.location ?? null,
          `opaque:${ref.list}:${lb.key}`,
          rule.peer.possible,
        ),
      );
      continue;
    }
    const location = ref.provenance?.location ?? null;
    const key = `${ref.index}:${lb.key}`;
    const dropEvidence: Evidence = {
      verdict: drop === 'yes' ? 'deny' : 'unknown',
      ...refEvidence(ref),
      rule: ref.text,
      part: 'not evaluated for CLB traffic (pass-to-target)',
      location,
    };
    // The compiled source of the DROP, of the clients' address family: what it certainly matches
    // is what the CLB must carry. An IPv4 DROP never meets the clients of an IPv6 CLB.
    const peer = ofFamily(rule.peer, family);
    if (peer.definite.isEmpty()) {
      if (peer.possible.isEmpty() && peer.symbols.size === 0) continue; // matches no address at all
      const reason = `the source of ${ref.text} is not known${peer.unknownReason ? `: ${peer.unknownReason}` : ''}`;
      failures.push(undecided(ref.text, reason, ref.list, location, key, peer.possible, [dropEvidence]));
      continue;
    }
    // Where the CLB must carry the block: every listener port sends to a fixed backend port; a
    // full-port target maps port to port, so only the ports the DROP covers.
    const listened = flow.fullPort
      ? (drop === 'yes' ? rule.ports.definite : rule.ports.possible).intersect(targetPorts)
      : flow.listenerPorts;
    const carried = carriedByLoadBalancer(resolver, lb, peer.definite, protocol, listened);
    if (carried.kind === 'carried') continue;
    const lbEvidence = (carried.verdict?.parts ?? [])
      .filter((p) => p.verdict !== 'deny' || p.decidedBy === undefined || p.decidedBy.index < 0)
      .slice(0, 3)
      .map((p) => ({
        verdict: p.verdict,
        ...refEvidence(p.decidedBy),
        rule: p.decidedBy?.text ?? p.note ?? 'no security group',
        part: `${p.addresses.describe()} → ${describePorts(p.ports)}`,
        location: p.decidedBy?.provenance?.location ?? null,
        ...(p.reason ? { reason: p.reason } : {}),
      }));
    if (carried.kind === 'unknown') {
      failures.push(undecided(ref.text, carried.reason, ref.list, location, key, peer.definite, [dropEvidence, ...lbEvidence]));
      continue;
    }
    const lbGroups = isUnknown(lb.securityGroups) ? [] : lb.securityGroups;
    const fix = () => bypassFix(resolver, lb, lbGroups, peer.definite, protocol, listened);
    if (drop === 'maybe') {
      const reason = `${ref.text} may be a DROP on ${targetText}${rule.unknownReason ? ` (${rule.unknownReason})` : ''}, and ${carried.text}`;
      failures.push({ ...undecided(ref.text, reason, ref.list, location, key, peer.definite, [dropEvidence, ...lbEvidence]), fix });
      continue;
    }
    failures.push({
      status: 'fail',
      resource: ref.list,
      evidence: [dropEvidence, ...lbEvidence],
      vars: new Map([
        ['denyRule', ref.text],
        ['carried', carried.text],
      ]),
      location,
      fix,
      key,
      peer: peer.definite,
    });
  }
  return failures.length === 0 ? NONE : failures;
}

/** The addresses CLB traffic comes from: IPv6 clients for an IPv6 CLB, IPv4 for an IPv4 one; both while not known. */
function clientFamily(lb: LoadBalancer): AddressSet {
  if (isUnknown(lb.ipVersion)) return AddressSet.ALL;
  return lb.ipVersion === 'IPV6' ? AddressSet.ALL_V6 : AddressSet.ALL_V4;
}

function ofFamily(peer: PeerMatch, family: AddressSet): PeerMatch {
  if (family === AddressSet.ALL) return peer;
  return { ...peer, definite: peer.definite.intersect(family), possible: peer.possible.intersect(family) };
}

/** A DROP (or what may be one) whose bypass cannot be decided, at the rule or list that holds it. */
function undecided(
  denyRule: string,
  reason: string,
  resource: string,
  location: SourceLocation | null,
  key: string,
  peer: AddressSet,
  evidence: readonly Evidence[] = [],
): ClassFailure {
  return {
    status: 'unknown',
    resource,
    evidence: [...evidence, { verdict: 'unknown', rule: 'not decided', reason }],
    vars: new Map([
      ['denyRule', denyRule],
      ['carried', `(unknown: ${reason})`],
      ['reason', reason],
    ]),
    location,
    key,
    peer: peer.isEmpty() ? AddressSet.ALL : peer,
  };
}

const PASS_OFF = 'or turn load_balancer_pass_to_target off so backend groups apply again';
const ALWAYS_ON_V6 = "pass-to-target is always on for IPv6 CLBs and cannot be turned off, so the DROP must be in the CLB's security group";

/** The block belongs in the CLB's own first security group, at the top; or bind one. */
function bypassFix(
  resolver: InventoryResolver,
  lb: LoadBalancer,
  lbGroups: readonly string[],
  peer: AddressSet,
  protocol: Protocol,
  ports: PortSet,
): FixPlan | undefined {
  // Only an IPv4 CLB can turn pass-to-target off (docs/semantics.md, §3.1).
  const alwaysOn = !isUnknown(lb.ipVersion) && lb.ipVersion === 'IPV6';
  const alternative = alwaysOn ? ALWAYS_ON_V6 : PASS_OFF;
  if (lbGroups.length > 0)
    return addRulePlan(resolver, lbGroups[0], { addresses: peer, symbols: [] }, protocol, ports, {
      action: 'DROP',
      top: true,
      alternative,
    });
  const location = lb.provenance.location ?? null;
  return {
    kind: 'fixed',
    mergeKey: `bind-clb-sg|${lb.key}|${peer.key()}|${protocol}|${describePorts(ports)}`,
    body: {
      text: `${lb.key}${location ? ` (${at(location)})` : ''} has no security group: bind one (security_groups on the CLB, or a tencentcloud_clb_security_group_attachment) whose first rule is DROP ${peer.describe()} ${protocol}:${describePorts(ports)}${alwaysOn ? `: ${alternative}` : `, ${alternative}`}.`,
      resource: lb.key,
      location,
      api: {
        service: 'clb',
        action: 'SetLoadBalancerSecurityGroups',
        request: {
          LoadBalancerId: lb.provenance.cloudId ?? (resolver.inventory.mode === 'live' ? lb.key : '<load balancer ID>'),
          SecurityGroups: ['<security group ID>'],
        },
      },
      rules: 1,
    },
  };
}
