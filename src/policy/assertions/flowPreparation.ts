import { hasPorts } from '../../net/protocol.js';
import type { SourceLocation } from '../../model/provenance.js';
import { isUnknown } from '../../model/value.js';
import { admitThroughAcl, DEFAULT_EPHEMERAL_PORTS } from '../../net/aclAdmission.js';
import type { FlowQuery, FlowVerdict } from '../../net/flow.js';
import { admitThroughGroups, admitToInterface, rebindVerdict } from '../../net/interfaceAdmission.js';
import { parsePorts, type PortSet } from '../../net/portSet.js';
import type { InventoryResolver } from '../../net/inventoryResolver.js';
import { resolvePorts, resolveProtocol, resolveSources } from '../flowSources.js';
import type { FlowSpec, Layer } from '../policyTypes.js';
import type { JsonSchema } from './assertionKind.js';
import type { AssertionContext } from './assertionTypes.js';

// What the flow assertions (reachable, notReachable) share: the flow a spec names for a subject,
// and its verdict at each layer the spec goes through.

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


/** A flow spec's schema: the shared `flow` definition and the options of one assertion kind. */
export function flowSchema(options: Readonly<Record<string, JsonSchema>>): JsonSchema {
  return { allOf: [{ $ref: '#/$defs/flow' }], properties: { from: true, ports: true, protocol: true, through: true, ...options }, unevaluatedProperties: false };
}
