import type { FlowPath, PathLayer, PathLayerKind, PathOutcome, PathRule } from '../../model/flowPath.js';
import { isUnknown } from '../../model/value.js';
import type { FlowVerdict, VerdictPart } from '../../net/flow.js';
import { retellPart } from '../../net/interfaceAdmission.js';
import { CLASS_INTERFACE } from '../checkCache.js';
import { listenerPorts } from '../flowSources.js';
import { effectivePassToTarget } from '../subjects.js';
import type { AssertionContext } from './assertionTypes.js';
import { describePart } from './evidence.js';
import { evaluateLayers, type PreparedFlow } from './flowPreparation.js';

const MAX_RULES_PER_LAYER = 6;

/**
 * The whole path of one flow for the subject, every layer it crosses whatever the policy asked
 * about: the CLB's own groups (client traffic only), the backend's groups in order (skipped with
 * pass-to-target), the subnet ACL in, and the reply out. Built only for kept failures.
 */
export function flowPathOf(flow: PreparedFlow, ctx: AssertionContext, options: { readonly fromClients: boolean }): FlowPath | undefined {
  const { subject, resolver } = ctx;
  const { lb, nic, listener } = subject;
  if (lb === undefined && nic === undefined) return undefined;
  const passToTarget = lb === undefined ? false : effectivePassToTarget(lb);
  const protocol = flow.query.protocol;
  const layers: PathLayer[] = [];
  if (lb !== undefined && options.fromClients) {
    // Clients reach the CLB on the listener port; the backend port is only behind it.
    const listened = (listener === undefined ? undefined : listenerPorts(listener)) ?? flow.query.ports;
    layers.push(
      // Listeners of one load balancer may share the flow (it need not read the listener): the
      // listened ports are part of the key.
      ...ctx.cache.pathLayers(flow, `lb|${lb.key}|${listened.intervals.join(';')}`, () => {
        const [outcome] = evaluateLayers(['loadBalancerSecurityGroups'], ctx.cache.canonicalQuery({ ...flow.query, ports: listened }), ctx);
        if (outcome === undefined) return [];
        if (outcome.unknownReason !== undefined) return [undecided('loadBalancerGroup', outcome.resource, outcome.unknownReason)];
        return groupLayers(
          'loadBalancerGroup',
          isUnknown(lb.securityGroups) ? [] : lb.securityGroups,
          outcome.resource,
          ownVerdict(outcome.verdicts[0]!.verdict, lb.key),
          protocol,
          ctx,
        );
      }),
    );
  }
  for (const outcome of nic === undefined ? [] : evaluateLayers(['securityGroups', 'networkAcl'], flow.query, ctx)) {
    if (outcome.layer === 'securityGroups') {
      if (outcome.unknownReason !== undefined || nic === undefined || isUnknown(nic) || isUnknown(nic.securityGroups)) {
        layers.push(
          undecided('securityGroup', outcome.resource, outcome.unknownReason ?? 'the security groups of the interface are not known'),
        );
        continue;
      }
      // The class verdict (shared by every backend with these groups) told for this backend's own interface.
      const own = groupLayers(
        'securityGroup',
        nic.securityGroups,
        nic.key,
        ownVerdict(outcome.verdicts[0]!.verdict, nic.key),
        protocol,
        ctx,
      );
      // Drawn where the traffic would meet them, with what they would decide, as not evaluated;
      // when that is not known, a DROP among them is not known to stop the traffic either.
      layers.push(
        ...(passToTarget === true
          ? own.map((l) => ({ ...l, outcome: 'skipped' as const, note: 'not evaluated: the CLB passes traffic to its targets' }))
          : isUnknown(passToTarget)
            ? own.map((l) => maybeSkipped(l, passToTarget.reason))
            : own),
      );
      continue;
    }
    if (outcome.unknownReason !== undefined) {
      layers.push(undecided('networkAclIn', outcome.resource, outcome.unknownReason));
      continue;
    }
    const acl = resolver.inventory.networkAcls.get(outcome.resource);
    for (const { verdict, direction, query } of outcome.verdicts) {
      // Backends of one subnet get verdicts alike but computed apart (their own addresses): the
      // same parts make the same layer, and describing address sets is the costly step.
      layers.push(
        ...ctx.cache.pathLayers(resolver, `acl|${direction}|${outcome.resource}|${protocol}|${partsKey(verdict.parts)}`, () => {
          const kind = direction === 'ingress' ? 'networkAclIn' : 'networkAclOut';
          const rules = rulesOf(verdict.parts, query.protocol, verdict.parts.length);
          const note = verdict.parts.find((p) => p.note !== undefined && p.decidedBy === undefined)?.note;
          return [
            {
              kind,
              resource: outcome.resource,
              ...(acl?.name ? { name: acl.name } : {}),
              outcome: outcomeOf(rules, verdict),
              rules,
              ...(note ? { note } : {}),
            },
          ];
        }),
      );
    }
  }
  const arrow = flow.label.lastIndexOf(' → ');
  return {
    ...(lb ? { loadBalancer: lb.key } : {}),
    ...(listener ? { listener: listener.key } : {}),
    target: subject.resource,
    source: arrow > 0 ? flow.label.slice(0, arrow) : flow.label,
    destination: arrow > 0 ? flow.label.slice(arrow + 3) : `${protocol}:${flow.portsLabel}`,
    layers,
  };
}

function partsKey(parts: readonly VerdictPart[]): string {
  return parts
    .map(
      (p) =>
        `${p.verdict}|${p.decidedBy?.list ?? ''}|${p.decidedBy?.index ?? ''}|${p.decidedBy?.kind ?? ''}|${p.addresses.key()}|${p.symbol?.id ?? ''}|${p.ports.intervals.join(';')}|${p.note ?? ''}|${p.reason ?? ''}`,
    )
    .join('\n');
}

/**
 * Splits one ordered evaluation over several groups into a layer per group: each group shows the
 * rules of its own that decided a part; the implicit final DROP (listed under the owner) shows
 * on the last group, where evaluation ends.
 */
function groupLayers(
  kind: PathLayerKind,
  refs: readonly string[],
  owner: string,
  verdict: FlowVerdict,
  protocol: string,
  ctx: AssertionContext,
): PathLayer[] {
  const keys = refs.map((ref) => ctx.resolver.securityGroup(ref)?.key ?? ref);
  if (keys.length === 0) {
    const rules = rulesOf(
      verdict.parts.filter((p) => p.decidedBy !== undefined),
      protocol,
      verdict.parts.length,
    );
    const first = verdict.parts[0];
    const note = first?.verdict === 'allow' ? 'no security group bound: all listener traffic passes' : (first?.reason ?? first?.note);
    return [{ kind, resource: owner, outcome: outcomeOf(rules, verdict), rules, ...(note ? { note } : {}) }];
  }
  const own = new Set(keys);
  // Parts no group claims (the default deny, an unknown without a rule) end the evaluation.
  const closing = verdict.parts.filter((p) => p.decidedBy === undefined || !own.has(p.decidedBy.list));
  return keys.map((key, i) => {
    const mine = verdict.parts.filter((p) => p.decidedBy?.list === key);
    const parts = i === keys.length - 1 ? [...mine, ...closing] : mine;
    const rules = rulesOf(parts, protocol, verdict.parts.length);
    const group = ctx.resolver.securityGroup(key);
    return {
      kind,
      resource: key,
      ...(group?.name ? { name: group.name } : {}),
      outcome: rules.length === 0 ? 'next' : outcomeOf(rules, { verdict: 'allow', parts }),
      rules,
    };
  });
}

/** `flowParts`: how many parts the whole flow has at this layer (one: a rule decided all of it). */
function rulesOf(parts: readonly VerdictPart[], protocol: string, flowParts: number): PathRule[] {
  const shown = parts.filter((p) => p.decidedBy !== undefined || p.verdict !== 'allow').slice(0, MAX_RULES_PER_LAYER);
  // A rule that decided the whole flow needs no part; describing address sets is the costly step.
  const whole = shown.length === 1 && flowParts === 1;
  return shown.map((part) => {
    const ref = part.decidedBy;
    const written = ref !== undefined && ref.kind === undefined && ref.index >= 0;
    const location = ref?.provenance?.location;
    return {
      verdict: part.verdict,
      ...(written ? { index: ref.index } : {}),
      ...(ref?.kind === 'defaultDeny' ? { defaultDeny: true as const } : {}),
      rule: ref?.text ?? (part.verdict === 'deny' ? 'default deny (no rule matched)' : (part.reason ?? 'not decided')),
      ...(whole ? {} : { part: describePart(part, protocol) }),
      ...(location ? { location } : {}),
    };
  });
}

function outcomeOf(rules: readonly PathRule[], verdict: FlowVerdict): PathOutcome {
  if (rules.some((r) => r.verdict === 'deny')) return 'deny';
  if (rules.some((r) => r.verdict === 'unknown') || verdict.parts.some((p) => p.verdict === 'unknown')) return 'unknown';
  return 'allow';
}

/**
 * A backend group whose evaluation depends on an unknown pass-to-target: what it allows passes
 * either way, what it refuses may pass around it.
 */
function maybeSkipped(layer: PathLayer, reason: string): PathLayer {
  const note = `pass-to-target not known (${reason}): evaluated only if off`;
  return { ...layer, outcome: layer.outcome === 'deny' ? 'unknown' : layer.outcome, note };
}

function undecided(kind: PathLayerKind, resource: string, reason: string): PathLayer {
  return { kind, resource, outcome: 'unknown', rules: [], note: reason };
}

/** A class verdict (shared by every backend with these groups) told for this backend's own interface. */
function ownVerdict(verdict: FlowVerdict, nicKey: string): FlowVerdict {
  return { ...verdict, parts: verdict.parts.map((part) => retellPart(part, CLASS_INTERFACE, nicKey)) };
}
