import type { NetworkInterface } from '../../model/instance.js';
import type { LoadBalancer } from '../../model/loadBalancer.js';
import { isUnknown } from '../../model/value.js';
import type { AddressSet } from '../../net/addressSet.js';
import { admitThroughGroups } from '../../net/interfaceAdmission.js';
import type { InventoryResolver } from '../../net/inventoryResolver.js';
import { portRange } from '../../net/portSet.js';
import type { Protocol } from '../../net/protocol.js';
import { transportOf } from '../../net/protocol.js';
import { compileInterface } from '../../net/securityGroupRules.js';
import type { Assertion } from '../policyTypes.js';
import { addRulePlan, at, type FixPlan } from '../remediation.js';
import type { AssertionKind } from './assertionKind.js';
import type { AssertionContext, AssertionFailure } from './assertionTypes.js';
import { refEvidence } from './evidence.js';
import { flowPathOf } from './flowPathOf.js';
import { rulePeer } from './rulePeer.js';

/**
 * With pass-to-target on, the backend's security groups are not evaluated for CLB traffic: a
 * backend DROP on the backend port cannot stop it. It still works if the CLB's own groups carry
 * the same block on the listener port.
 */
export const denyEffectiveForLoadBalancerTraffic: AssertionKind<Extract<Assertion, { denyEffectiveForLoadBalancerTraffic: unknown }>> = {
  name: 'denyEffectiveForLoadBalancerTraffic',
  properties: { denyEffectiveForLoadBalancerTraffic: { type: 'object', additionalProperties: false } },
  variables: ['denyRule', 'carried'],
  subjects: ['backend'],
  evaluate: (_assertion, ctx) => checkDenyEffectiveForLoadBalancerTraffic(ctx),
};

/** A failure of the class, without the subject: `peer` is the DROP's source, for the subject's path. */
type ClassFailure = Omit<AssertionFailure, 'related' | 'path'> & { readonly peer: AddressSet };

const NONE: readonly ClassFailure[] = [];

function checkDenyEffectiveForLoadBalancerTraffic(ctx: AssertionContext): AssertionFailure[] {
  const { subject, cache } = ctx;
  const { lb, listener, nic, target } = subject;
  if (lb === undefined || listener === undefined || nic === undefined || isUnknown(nic) || target === undefined) return [];
  if (isUnknown(target.port) || isUnknown(listener.port) || isUnknown(listener.protocol)) return [];
  // Backends behind one listener with the same groups and port are one class: decided once.
  const groups = cache.groupListKey(nic);
  let failures = cache.bypassClasses.get(listener, target.port, groups);
  if (failures === undefined) {
    failures = bypassedDenies(ctx.resolver, lb, transportOf(listener.protocol), listener.port, nic, target.port);
    cache.bypassClasses.set(listener, target.port, groups, failures);
  }
  if (failures.length === 0) return [];
  const related = [subject.resource, lb.key, listener.key];
  const protocol = transportOf(listener.protocol);
  const targetPort = target.port;
  return failures.map(({ peer, ...failure }) => ({
    ...failure,
    related,
    path: () =>
      flowPathOf(
        {
          query: { protocol, addresses: peer, symbols: [], ports: portRange(targetPort) },
          label: `${peer.describe()} → ${protocol}:${targetPort}`,
          portsLabel: String(targetPort),
          unknownReasons: [],
        },
        ctx,
        { fromClients: true },
      ),
  }));
}

/** The backend DROPs on the target port that the CLB's own groups do not carry. */
function bypassedDenies(
  resolver: InventoryResolver,
  lb: LoadBalancer,
  protocol: Protocol,
  listenerPort: number,
  nic: NetworkInterface,
  targetPort: number,
): readonly ClassFailure[] {
  const failures: ClassFailure[] = [];
  for (const rule of compileInterface(resolver, nic, 'ingress')) {
    if (rule.action !== 'DROP' || rule.ref.index < 0) continue;
    if (!rule.protocols.definite.has(protocol) || !rule.ports.definite.has(targetPort)) continue;
    const peer = rulePeer(resolver, rule.ref);
    if (peer === undefined || peer.isEmpty()) continue;
    const lbGroups = isUnknown(lb.securityGroups) ? undefined : lb.securityGroups;
    if (lbGroups === undefined) continue;
    const verdict = admitThroughGroups(resolver, lb.key, lbGroups, {
      protocol,
      addresses: peer,
      symbols: [],
      ports: portRange(listenerPort),
    });
    // Carried means an explicit DROP in the CLB's groups refuses it; a default deny is incidental
    // and disappears the day the group is opened wider.
    if (verdict.parts.every((p) => p.verdict === 'deny' && p.decidedBy !== undefined && p.decidedBy.index >= 0)) continue;
    const admitted = verdict.parts.some((p) => p.verdict !== 'deny');
    const carried =
      lbGroups.length === 0
        ? `${lb.key} has no security group`
        : admitted
          ? `the security groups of ${lb.key} (${lbGroups.join(', ')}) admit it on ${listenerPort}`
          : `the security groups of ${lb.key} (${lbGroups.join(', ')}) have no DROP for it (only their default deny refuses it, until they are opened wider)`;
    failures.push({
      status: 'fail',
      resource: rule.ref.list,
      evidence: [
        {
          verdict: 'deny',
          list: rule.ref.list,
          direction: 'ingress',
          index: rule.ref.index,
          rule: rule.ref.text,
          part: 'not evaluated for CLB traffic (pass-to-target)',
          location: rule.ref.provenance?.location ?? null,
        },
        ...verdict.parts
          .filter((p) => p.verdict !== 'deny' || p.decidedBy === undefined || p.decidedBy.index < 0)
          .slice(0, 3)
          .map((p) => ({
            verdict: p.verdict,
            ...refEvidence(p.decidedBy),
            rule: p.decidedBy?.text ?? p.note ?? 'no security group',
            part: `${p.addresses.describe()} → ${listenerPort}`,
            location: p.decidedBy?.provenance?.location ?? null,
          })),
      ],
      vars: new Map([
        ['denyRule', rule.ref.text],
        ['carried', carried],
      ]),
      location: rule.ref.provenance?.location ?? null,
      fix: () => bypassFix(resolver, lb.key, lbGroups, peer, protocol, listenerPort),
      key: `${rule.ref.index}:${lb.key}`,
      peer,
    });
  }
  return failures.length === 0 ? NONE : failures;
}

const PASS_OFF = 'or turn load_balancer_pass_to_target off so backend groups apply again';

/** The block belongs in the CLB's own first security group, at the top; or bind one. */
function bypassFix(
  resolver: InventoryResolver,
  lbKey: string,
  lbGroups: readonly string[],
  peer: AddressSet,
  protocol: Protocol,
  port: number,
): FixPlan | undefined {
  if (lbGroups.length > 0)
    return addRulePlan(resolver, lbGroups[0], { addresses: peer, symbols: [] }, protocol, portRange(port), {
      action: 'DROP',
      top: true,
      alternative: PASS_OFF,
    });
  const lb = resolver.inventory.loadBalancers.get(lbKey);
  const location = lb?.provenance.location ?? null;
  return {
    kind: 'fixed',
    mergeKey: `bind-clb-sg|${lbKey}|${peer.key()}|${protocol}|${port}`,
    body: {
      text: `${lbKey}${location ? ` (${at(location)})` : ''} has no security group: bind one (security_groups on the CLB, or a tencentcloud_clb_security_group_attachment) whose first rule is DROP ${peer.describe()} ${protocol}:${port}, ${PASS_OFF}.`,
      resource: lbKey,
      location,
      api: {
        service: 'clb',
        action: 'SetLoadBalancerSecurityGroups',
        request: {
          LoadBalancerId: lb?.provenance.cloudId ?? (resolver.inventory.mode === 'live' ? lbKey : '<load balancer ID>'),
          SecurityGroups: ['<security group ID>'],
        },
      },
      rules: 1,
    },
  };
}
