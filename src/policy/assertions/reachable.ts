import { hasPorts } from '../../net/protocol.js';
import type { Evidence } from '../../model/finding.js';
import type { SourceLocation } from '../../model/provenance.js';
import { isUnknown } from '../../model/value.js';
import { admitThroughAcl, DEFAULT_EPHEMERAL_PORTS } from '../../net/aclAdmission.js';
import type { FlowQuery, FlowVerdict, RuleRef, VerdictPart } from '../../net/flow.js';
import { admitThroughGroups, admitToInterface, rebindVerdict } from '../../net/interfaceAdmission.js';
import { parsePorts, type PortSet } from '../../net/portSet.js';
import type { InventoryResolver } from '../../net/inventoryResolver.js';
import { AddressSet } from '../../net/addressSet.js';
import { PEER_ANY_UNKNOWN, type PeerMatch } from '../../net/compiledRule.js';
import { resolvePorts, resolveProtocol, resolveSources } from '../flowSources.js';
import type { FlowSpec, Layer, ReachableAssert } from '../policyTypes.js';
import { aclFixPlan, addRulePlan, type FixPlan } from '../remediation.js';
import type { AssertionContext, AssertionFailure } from './assertionTypes.js';
import { describeRefused, evidenceOf, isWrittenRule } from './evidence.js';

export interface LayerOutcome {
  readonly layer: Layer;
  readonly resource: string;
  readonly location: SourceLocation | null;
  readonly verdicts: readonly { readonly verdict: FlowVerdict; readonly direction: 'ingress' | 'egress'; readonly query: FlowQuery }[];
  readonly unknownReason?: string;
}

export interface PreparedFlow {
  readonly query: FlowQuery;
  readonly label: string;
  readonly portsLabel: string;
  readonly unknownReasons: readonly string[];
}

// A flow depends only on the spec, the params and a few subject fields: thousands of backends
// behind the same listener share one prepared flow (and so one memoised verdict key).
type FlowCache = WeakMap<FlowSpec, WeakMap<object, Map<string, PreparedFlow | { unknownReason: string }>>>;
const preparedFlowsByCheck = new WeakMap<InventoryResolver, FlowCache>();

export function prepareFlow(spec: FlowSpec, ctx: AssertionContext): PreparedFlow | { unknownReason: string } {
  const { subject } = ctx;
  // Unknown field values carry their reason, which names the subject: they are part of the key.
  const field = (name: string) => {
    const value = subject.fields.get(name);
    return value !== null && typeof value === 'object' && 'reason' in value ? `?${String(value.reason)}` : String(value);
  };
  const key = `${subject.lb?.key ?? ''}|${subject.listener?.key ?? ''}|${field('backend.port')}|${field('healthCheck.port')}|${field('healthCheck.source')}`;
  // One cache per check (resolver): the same policy objects may be run over other inventories.
  let preparedFlows = preparedFlowsByCheck.get(ctx.resolver);
  if (preparedFlows === undefined) {
    preparedFlows = new WeakMap();
    preparedFlowsByCheck.set(ctx.resolver, preparedFlows);
  }
  let byParams = preparedFlows.get(spec);
  if (byParams === undefined) {
    byParams = new WeakMap();
    preparedFlows.set(spec, byParams);
  }
  let flows = byParams.get(ctx.params);
  if (flows === undefined) {
    flows = new Map();
    byParams.set(ctx.params, flows);
  }
  let flow = flows.get(key);
  if (flow === undefined) {
    flow = prepareFlowUncached(spec, ctx);
    flows.set(key, flow);
  }
  return flow;
}

function prepareFlowUncached(spec: FlowSpec, ctx: AssertionContext): PreparedFlow | { unknownReason: string } {
  const sources = resolveSources(spec.from, ctx.subject, ctx.resolver, ctx.params);
  const ports = resolvePorts(spec.ports, ctx.subject, ctx.params);
  const protocol = resolveProtocol(spec.protocol, ctx.subject);
  if (typeof protocol !== 'string') return { unknownReason: protocol.unknownReason };
  const reasons = [...sources.unknownReasons, ...ports.unknownReasons];
  if ((sources.addresses.isEmpty() && sources.symbols.length === 0) || ports.ports.isEmpty()) return { unknownReason: reasons.join('; ') || 'nothing to check' };
  return {
    query: { protocol, addresses: sources.addresses, symbols: sources.symbols, ports: ports.ports },
    label: `${sources.label} → ${protocol}${hasPorts(protocol) ? `:${ports.label}` : ''}`,
    portsLabel: ports.label,
    unknownReasons: reasons,
  };
}

/** Runs a flow through the layers a policy names, for the subject's interface or load balancer. */
export function evaluateLayers(through: readonly Layer[], query: FlowQuery, ctx: AssertionContext): LayerOutcome[] {
  const { subject, resolver } = ctx;
  const outcomes: LayerOutcome[] = [];
  for (const layer of through) {
    if (layer === 'loadBalancerSecurityGroups') {
      const lb = subject.lb;
      if (lb === undefined) continue;
      const location = lb.provenance.location ?? null;
      if (isUnknown(lb.securityGroups)) outcomes.push({ layer, resource: lb.key, location, verdicts: [], unknownReason: `security groups of ${lb.key}: ${lb.securityGroups.reason}` });
      else outcomes.push({ layer, resource: lb.key, location, verdicts: [{ verdict: admitThroughGroups(resolver, lb.key, lb.securityGroups, query), direction: 'ingress', query }] });
      continue;
    }
    const nic = subject.nic;
    const resource = subject.resource;
    const location = subject.provenance.location ?? null;
    if (nic === undefined) continue;
    if (isUnknown(nic)) {
      outcomes.push({ layer, resource, location, verdicts: [], unknownReason: nic.reason });
      continue;
    }
    if (layer === 'securityGroups') {
      // Backends that share their groups share the answer: evaluate each distinct list once.
      const groups = isUnknown(nic.securityGroups) ? `?${nic.key}` : nic.securityGroups.join(',');
      // The memoised verdict names the interface it was computed for: retell it for this one.
      const shared = memo(resolver, `sg|${groups}|${queryKey(query)}`, () => ({ owner: nic.key, verdict: admitToInterface(resolver, nic, query) }));
      const verdict = rebindVerdict(shared.verdict, shared.owner, nic.key);
      outcomes.push({ layer, resource, location, verdicts: [{ verdict, direction: 'ingress', query }] });
      continue;
    }
    const ephemeral = ephemeralPorts(ctx);
    const local = resolver.interfaceAddresses(nic);
    const subnetKey = isUnknown(nic.subnet) ? `?${nic.key}` : nic.subnet;
    const acl = memo(resolver, `acl|${subnetKey}|${local.definite.key()}|${local.possible.key()}|${ephemeral.intervals.join(';')}|${queryKey(query)}`, () =>
      admitThroughAcl(resolver, nic.subnet, local, query, ephemeral),
    );
    if (acl.kind === 'none') continue;
    if (acl.kind === 'unknown') {
      outcomes.push({ layer, resource, location, verdicts: [], unknownReason: acl.reason });
      continue;
    }
    const replyQuery: FlowQuery = { ...query, ports: hasPorts(query.protocol) ? ephemeral : query.ports };
    outcomes.push({
      layer,
      resource: acl.acl.key,
      location: acl.acl.provenance.location ?? null,
      verdicts: [
        { verdict: acl.inbound, direction: 'ingress', query },
        { verdict: acl.reply, direction: 'egress', query: replyQuery },
      ],
    });
  }
  return outcomes;
}

const queryKeys = new WeakMap<FlowQuery, string>();

function queryKey(query: FlowQuery): string {
  let key = queryKeys.get(query);
  if (key === undefined) {
    key = `${query.protocol}|${query.ports.intervals.join(';')}|${query.addresses.key()}|${query.symbols.map((s) => `${s.id}@${s.within.key()}`).join(',')}`;
    queryKeys.set(query, key);
  }
  return key;
}

function memo<T>(resolver: InventoryResolver, key: string, compute: () => T): T {
  const cacheKey = `flow:${key}`;
  if (resolver.compiledCache.has(cacheKey)) return resolver.compiledCache.get(cacheKey) as T;
  const value = compute();
  resolver.compiledCache.set(cacheKey, value);
  return value;
}

function ephemeralPorts(ctx: AssertionContext): PortSet {
  const value = ctx.params.get('ephemeralPorts');
  if (typeof value === 'string') return parsePorts(value) ?? DEFAULT_EPHEMERAL_PORTS;
  return DEFAULT_EPHEMERAL_PORTS;
}

/** The definite source of the rule that decided, to tell a deliberate narrow DROP from a refusal. */
export function rulePeer(resolver: InventoryResolver, ref: RuleRef): AddressSet | undefined {
  return rulePeerMatch(resolver, ref)?.definite;
}

/** What the source of a written security-group rule matches (definite and possible). */
export function rulePeerMatch(resolver: InventoryResolver, ref: RuleRef): PeerMatch | undefined {
  // An interface without groups admits every source.
  if (ref.kind === 'noGroups') return { definite: AddressSet.ALL, possible: AddressSet.ALL, symbols: new Set() };
  if (ref.kind !== undefined || ref.index < 0) return undefined;
  const group = resolver.securityGroup(ref.list);
  if (group !== undefined) {
    const rule = group[ref.direction].rules[ref.index];
    return rule === undefined ? undefined : resolver.peer(rule.peer);
  }
  // A network ACL entry: its peer is one CIDR (or not known), never undecidable silently.
  const entry = resolver.inventory.networkAcls.get(ref.list)?.[ref.direction].entries[ref.index];
  if (entry === undefined) return undefined;
  if (isUnknown(entry.peerCidr)) return PEER_ANY_UNKNOWN(`the peer of ${ref.text}: ${entry.peerCidr.reason}`);
  const cidr = AddressSet.parse(entry.peerCidr);
  return cidr === undefined ? PEER_ANY_UNKNOWN(`the peer of ${ref.text} is not a CIDR`) : { definite: cidr, possible: cidr, symbols: new Set() };
}

function isDeliberateDrop(part: VerdictPart, query: FlowQuery, resolver: InventoryResolver): boolean {
  if (part.verdict !== 'deny' || part.decidedBy === undefined || part.decidedBy.action !== 'DROP') return false;
  const peer = rulePeer(resolver, part.decidedBy);
  return peer !== undefined && !peer.covers(query.addresses);
}

export function checkReachable(spec: ReachableAssert, ctx: AssertionContext): AssertionFailure[] {
  const flow = prepareFlow(spec, ctx);
  if ('unknownReason' in flow) return [unknownFailure(ctx, flow.unknownReason, 'reachable')];
  const failures: AssertionFailure[] = [];
  for (const outcome of evaluateLayers(spec.through, flow.query, ctx)) {
    if (outcome.unknownReason !== undefined) {
      failures.push({ ...unknownFailure(ctx, outcome.unknownReason, outcome.layer), resource: outcome.resource, location: outcome.location });
      continue;
    }
    const denied: { part: VerdictPart; direction: 'ingress' | 'egress'; query: FlowQuery }[] = [];
    const unknownParts: { part: VerdictPart; direction: 'ingress' | 'egress'; query: FlowQuery }[] = [];
    for (const { verdict, direction, query } of outcome.verdicts) {
      for (const part of verdict.parts) {
        if (part.verdict === 'deny' && !(spec.allowDeliberateDrops && isDeliberateDrop(part, query, ctx.resolver))) denied.push({ part, direction, query });
        if (part.verdict === 'unknown') unknownParts.push({ part, direction, query });
      }
    }
    if (denied.length === 0 && unknownParts.length === 0 && flow.unknownReasons.length === 0) continue;
    const bad = denied.length > 0 ? denied : unknownParts;
    const evidence: Evidence[] = bad.flatMap(({ part, direction, query }) => evidenceOf([part], query, direction === 'egress' ? `replies to ${flow.label}` : flow.label));
    const refusedText = bad
      .map(({ part, direction, query }) => (direction === 'egress' ? `replies to ${describeRefused([part], query.protocol)}` : describeRefused([part], query.protocol)))
      .slice(0, 3)
      .join('; ');
    const status = denied.length > 0 ? 'fail' : 'unknown';
    const reason = status === 'unknown' ? [...unknownParts.map((u) => u.part.reason ?? 'unknown'), ...flow.unknownReasons].filter((r, i, a) => a.indexOf(r) === i).join('; ') : '';
    failures.push({
      status,
      resource: outcome.resource,
      related: relatedOf(ctx, outcome, bad.map((b) => b.part)),
      evidence,
      vars: new Map([
        ['refused', refusedText],
        ['flow', flow.label],
        ['decidedBy', bad[0]?.part.decidedBy?.text ?? 'default deny'],
        ['reason', reason],
        ['layer', outcome.layer],
      ]),
      location: outcome.location,
      ...(status === 'fail' ? { fix: () => fixFor(outcome, denied, ctx) } : {}),
      key: `${outcome.layer}`,
      ...(ctx.subject.provenance.consoleUrl ? { consoleUrl: ctx.subject.provenance.consoleUrl } : {}),
    });
  }
  return failures;
}

function relatedOf(ctx: AssertionContext, outcome: LayerOutcome, parts: VerdictPart[]): string[] {
  const lists = parts.map((p) => p.decidedBy?.list).filter((l): l is string => l !== undefined);
  const out = [...ctx.subject.related, ...(outcome.resource !== ctx.subject.resource ? [ctx.subject.resource] : []), ...lists];
  return out.filter((v, i) => out.indexOf(v) === i && v !== outcome.resource);
}

function fixFor(outcome: LayerOutcome, denied: { part: VerdictPart; direction: 'ingress' | 'egress'; query: FlowQuery }[], ctx: AssertionContext): FixPlan | undefined {
  const first = denied[0]!;
  if (outcome.layer === 'networkAcl') {
    const changes = (['ingress', 'egress'] as const).flatMap((direction) => {
      const found = denied.find((x) => x.direction === direction);
      return found ? [{ direction, ports: found.query.ports }] : [];
    });
    return aclFixPlan(ctx.resolver, outcome.resource, changes, first.query, first.query.protocol);
  }
  let group: string | undefined;
  if (outcome.layer === 'loadBalancerSecurityGroups') {
    const lbGroups = ctx.subject.lb?.securityGroups;
    group = lbGroups !== undefined && !isUnknown(lbGroups) ? lbGroups[0] : undefined;
  } else {
    const nic = ctx.subject.nic;
    group = nic !== undefined && !isUnknown(nic) && !isUnknown(nic.securityGroups) ? nic.securityGroups[0] : undefined;
  }
  // The new ACCEPT goes into the group whose DROP refuses the traffic, above its earliest such DROP.
  const blocking = denied.map((d) => d.part.decidedBy).filter(isWrittenRule);
  const blockingGroup = blocking[0]?.list;
  const target = blockingGroup ?? group;
  const targetKey = target === undefined ? undefined : (ctx.resolver.securityGroup(target)?.key ?? target);
  const above = blocking.filter((r) => r.list === targetKey).sort((a, b) => a.index - b.index)[0];
  return addRulePlan(ctx.resolver, target, first.query, first.query.protocol, first.query.ports, above ? { above } : {});
}

export function unknownFailure(ctx: AssertionContext, reason: string, key: string): AssertionFailure {
  return {
    status: 'unknown',
    resource: ctx.subject.resource,
    related: ctx.subject.related,
    evidence: [{ verdict: 'unknown', rule: 'not decided', reason }],
    vars: new Map([['reason', reason], ['refused', `(unknown: ${reason})`], ['flow', ''], ['decidedBy', '']]),
    location: ctx.subject.provenance.location ?? null,
    key,
  };
}
