import type { SourceLocation } from '../../model/provenance.js';
import { isUnknown } from '../../model/value.js';
import type { FlowQuery } from '../../net/flow.js';
import { hasPorts } from '../../net/protocol.js';
import type { FlowOrUnknown, LayerVerdicts } from '../checkCache.js';
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
  /** Shared by every subject of the class: they name the subject's interface (or load balancer) `CLASS_INTERFACE`. */
  readonly verdicts: LayerVerdicts;
  /** The subject's own interface (or load balancer), which a finding names where the verdicts say `CLASS_INTERFACE`. */
  readonly ownInterface?: string;
  readonly unknownReason?: string;
}

export type PreparedFlow = Extract<FlowOrUnknown, { query: FlowQuery }>;

/**
 * The flow a spec names for a subject. It depends only on the spec, the params and a few subject
 * fields, and on the load balancer and listener only where the spec reads them
 * (`CheckCache.flowKey`): thousands of backends share one, and so one canonical query that
 * their verdicts are kept by.
 */
export function prepareFlow(spec: FlowSpec, ctx: AssertionContext): FlowOrUnknown {
  const flows = ctx.cache.flowsOf(spec, ctx.params);
  const key = ctx.cache.flowKey(spec, ctx.subject);
  let flow = flows.get(key);
  if (flow === undefined) {
    flow = prepareFlowUncached(spec, ctx);
    flows.set(key, flow);
  }
  return flow;
}

function prepareFlowUncached(spec: FlowSpec, ctx: AssertionContext): FlowOrUnknown {
  const sources = resolveSources(spec.from, ctx.subject, ctx.resolver, ctx.params);
  const ports = resolvePorts(spec.ports, ctx.subject, ctx.params);
  const protocol = resolveProtocol(spec.protocol, ctx.subject);
  if (typeof protocol !== 'string') return { unknownReason: protocol.unknownReason };
  const reasons = [...sources.unknownReasons, ...ports.unknownReasons];
  if ((sources.addresses.isEmpty() && sources.symbols.length === 0) || ports.ports.isEmpty())
    return { unknownReason: reasons.join('; ') || 'nothing to check' };
  return {
    query: ctx.cache.canonicalQuery({ protocol, addresses: sources.addresses, symbols: sources.symbols, ports: ports.ports }),
    label: `${sources.label} → ${protocol}${hasPorts(protocol) ? `:${ports.label}` : ''}`,
    portsLabel: ports.label,
    unknownReasons: reasons,
  };
}

/** Runs a flow through the layers a policy names, for the subject's interface or load balancer. */
export function evaluateLayers(through: readonly Layer[], query: FlowQuery, ctx: AssertionContext): LayerOutcome[] {
  const { subject, cache } = ctx;
  const outcomes: LayerOutcome[] = [];
  for (const layer of through) {
    if (layer === 'loadBalancerSecurityGroups') {
      const lb = subject.lb;
      if (lb === undefined) continue;
      const location = lb.provenance.location ?? null;
      if (isUnknown(lb.securityGroups))
        outcomes.push({
          layer,
          resource: lb.key,
          location,
          verdicts: [],
          unknownReason: `security groups of ${lb.key}: ${lb.securityGroups.reason}`,
        });
      // Load balancers behind the same groups share the verdict, computed once without their identity.
      else
        outcomes.push({
          layer,
          resource: lb.key,
          location,
          verdicts: cache.loadBalancerGroupVerdicts(lb.securityGroups, query),
          ownInterface: lb.key,
        });
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
      // Backends that share their groups share the verdict, computed once without their identity.
      outcomes.push({ layer, resource, location, verdicts: cache.groupVerdicts(nic, query), ownInterface: nic.key });
      continue;
    }
    const acl = cache.aclOutcome(nic, query, cache.ephemeralPorts(ctx.params));
    if (acl.kind === 'none') continue;
    if (acl.kind === 'unknown') {
      outcomes.push({ layer, resource, location, verdicts: [], unknownReason: acl.reason });
      continue;
    }
    outcomes.push({ layer, resource: acl.resource, location: acl.location, verdicts: acl.verdicts });
  }
  return outcomes;
}

/** A flow spec's schema: the shared `flow` definition and the options of one assertion kind. */
export function flowSchema(options: Readonly<Record<string, JsonSchema>>): JsonSchema {
  return {
    allOf: [{ $ref: '#/$defs/flow' }],
    properties: { from: true, ports: true, protocol: true, through: true, ...options },
    unevaluatedProperties: false,
  };
}
