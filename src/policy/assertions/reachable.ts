import type { Evidence } from '../../model/finding.js';
import { isUnknown } from '../../model/value.js';
import { AddressSet } from '../../net/addressSet.js';
import type { FlowQuery, VerdictPart } from '../../net/flow.js';
import { retellPart } from '../../net/interfaceAdmission.js';
import type { InventoryResolver } from '../../net/inventoryResolver.js';
import { CLASS_INTERFACE, type LayerVerdicts } from '../checkCache.js';
import type { Assertion, ReachableAssert } from '../policyTypes.js';
import { aclFixPlan, addRulePlan, type FixPlan } from '../remediation.js';
import type { AssertionKind } from './assertionKind.js';
import type { AssertionContext, AssertionFailure } from './assertionTypes.js';
import { decidedText, describeRefused, evidenceOf, isWrittenRule } from './evidence.js';
import { flowPathOf } from './flowPathOf.js';
import { evaluateLayers, flowSchema, type LayerOutcome, type PreparedFlow, prepareFlow } from './flowPreparation.js';
import { relatedOf } from './relatedResources.js';
import { rulePeer } from './rulePeer.js';
import { unknownFailure } from './unknownFailure.js';

/** The flow (`from` × `ports` × `protocol`) passes every layer it goes `through`. */
export const reachable: AssertionKind<Extract<Assertion, { reachable: unknown }>> = {
  name: 'reachable',
  properties: { reachable: flowSchema({ allowDeliberateDrops: { type: 'boolean' } }) },
  variables: ['refused', 'flow', 'decidedBy', 'layer'],
  evaluate: (assertion, ctx) => checkReachable(assertion.reachable, ctx),
};

/**
 * The parts of one verdict refused by deliberate DROPs: narrow DROPs before a broad ACCEPT (a
 * deny list). DROPs are deliberate only while their sources together leave part of the flow's
 * addresses admitted; DROPs that between them refuse every address (two /17 halves of a /16)
 * refuse the flow, and each of them is a refusal.
 */
function deliberateDrops(parts: readonly VerdictPart[], query: FlowQuery, resolver: InventoryResolver): ReadonlySet<VerdictPart> {
  const drops = new Set<VerdictPart>();
  let sources = AddressSet.EMPTY;
  for (const part of parts) {
    if (part.verdict !== 'deny' || part.decidedBy === undefined || part.decidedBy.action !== 'DROP') continue;
    const peer = rulePeer(resolver, part.decidedBy);
    if (peer === undefined) continue;
    drops.add(part);
    sources = sources.union(peer);
  }
  return drops.size === 0 || sources.covers(query.addresses) ? NO_PARTS : drops;
}

const NO_PARTS: ReadonlySet<VerdictPart> = new Set();

function isDeliberateDrop(part: Pick<VerdictPart, 'verdict' | 'decidedBy'>, query: FlowQuery, resolver: InventoryResolver): boolean {
  if (part.verdict !== 'deny' || part.decidedBy === undefined || part.decidedBy.action !== 'DROP') return false;
  const peer = rulePeer(resolver, part.decidedBy);
  return peer !== undefined && !peer.covers(query.addresses);
}

/**
 * Groups of no defined priority that disagree only between admitting and a deliberate DROP (a
 * deny-list group beside an allow group in a `security_groups` set): every order is acceptable.
 */
function acceptableInEveryOrder(part: VerdictPart, query: FlowQuery, resolver: InventoryResolver): boolean {
  return part.byOrder?.every((o) => o.verdict === 'allow' || isDeliberateDrop(o, query, resolver)) === true;
}

interface RefusedPart {
  readonly part: VerdictPart;
  readonly direction: 'ingress' | 'egress';
  readonly query: FlowQuery;
}

interface ReachableDecision {
  readonly denied: readonly RefusedPart[];
  readonly unknownParts: readonly RefusedPart[];
}

const NOTHING_REFUSED: ReachableDecision = { denied: [], unknownParts: [] };

/** Which parts of a class's verdicts refuse the flow, or cannot be decided. */
function decideReachable(spec: ReachableAssert, verdicts: LayerVerdicts, resolver: InventoryResolver): ReachableDecision {
  const denied: RefusedPart[] = [];
  const unknownParts: RefusedPart[] = [];
  for (const { verdict, direction, query } of verdicts) {
    const deliberate = spec.allowDeliberateDrops ? deliberateDrops(verdict.parts, query, resolver) : NO_PARTS;
    for (const part of verdict.parts) {
      if (part.verdict === 'deny' && !deliberate.has(part)) denied.push({ part, direction, query });
      if (part.verdict === 'unknown' && !(spec.allowDeliberateDrops && acceptableInEveryOrder(part, query, resolver)))
        unknownParts.push({ part, direction, query });
    }
  }
  return denied.length === 0 && unknownParts.length === 0 ? NOTHING_REFUSED : { denied, unknownParts };
}

function checkReachable(spec: ReachableAssert, ctx: AssertionContext): AssertionFailure[] {
  const flow = prepareFlow(spec, ctx);
  if ('unknownReason' in flow) return [unknownFailure(ctx, flow.unknownReason, 'reachable')];
  const failures: AssertionFailure[] = [];
  for (const outcome of evaluateLayers(spec.through, flow.query, ctx)) {
    if (outcome.unknownReason !== undefined) {
      failures.push({
        ...unknownFailure(ctx, outcome.unknownReason, outcome.layer),
        resource: outcome.resource,
        location: outcome.location,
      });
      continue;
    }
    const decided = ctx.cache.decide(spec, outcome.verdicts, decideReachable);
    if (decided === NOTHING_REFUSED && flow.unknownReasons.length === 0) continue;
    // The class's parts, retold for this subject's own interface: only for a finding.
    const own = outcome.ownInterface;
    const retold = (found: RefusedPart) => (own === undefined ? found : { ...found, part: retellPart(found.part, CLASS_INTERFACE, own) });
    const denied = decided.denied.map(retold);
    const unknownParts = decided.unknownParts.map(retold);
    if (denied.length === 0 && unknownParts.length === 0 && flow.unknownReasons.length === 0) continue;
    const bad = denied.length > 0 ? denied : unknownParts;
    const status = denied.length > 0 ? 'fail' : 'unknown';
    // Evidence and texts are built when read: most failures merge into a finding that has its
    // texts already and enough evidence, and never read theirs.
    let evidence: Evidence[] | undefined;
    let vars: ReadonlyMap<string, string> | undefined;
    // Built without spreads: an object literal with getters and spreads takes V8's slow path,
    // and a large plan makes one per failing backend and flow.
    const failure: Mutable<AssertionFailure> = {
      status,
      resource: outcome.resource,
      related: relatedOf(
        ctx,
        outcome,
        bad.map((b) => b.part),
      ),
      get evidence() {
        // Nothing refused and nothing undecided in the verdicts: the flow itself is partly unknown.
        evidence ??=
          bad.length === 0
            ? [{ verdict: 'unknown', flow: flow.label, rule: 'not decided', reason: flow.unknownReasons.join('; ') }]
            : bad.flatMap(({ part, direction, query }) =>
                evidenceOf([part], query, direction === 'egress' ? `replies to ${flow.label}` : flow.label),
              );
        return evidence;
      },
      get vars() {
        vars ??= reachableVars(bad, unknownParts, status, flow, outcome.layer);
        return vars;
      },
      location: outcome.location,
      key: outcome.layer,
    };
    if (status === 'fail') {
      failure.fix = () => fixFor(outcome, denied, ctx);
      failure.path = () => flowPathOf(flow, ctx, { fromClients: spec.from.includes('clients') });
    }
    const consoleUrl = ctx.subject.provenance.consoleUrl;
    if (consoleUrl) failure.consoleUrl = consoleUrl;
    failures.push(failure);
  }
  return failures;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The message variables of a reachable failure. */
function reachableVars(
  bad: readonly RefusedPart[],
  unknownParts: readonly RefusedPart[],
  status: 'fail' | 'unknown',
  flow: PreparedFlow,
  layer: string,
): ReadonlyMap<string, string> {
  const refusedText = bad
    .map(({ part, direction, query }) =>
      direction === 'egress' ? `replies to ${describeRefused([part], query.protocol)}` : describeRefused([part], query.protocol),
    )
    .slice(0, 3)
    .join('; ');
  const reason =
    status === 'unknown'
      ? [...unknownParts.map((u) => u.part.reason ?? 'unknown'), ...flow.unknownReasons].filter((r, i, a) => a.indexOf(r) === i).join('; ')
      : '';
  return new Map([
    ['refused', refusedText],
    ['flow', flow.label],
    ['decidedBy', status === 'unknown' ? 'not decided' : decidedText(bad[0]?.part.decidedBy)],
    ['reason', reason],
    ['layer', layer],
  ]);
}

function fixFor(outcome: LayerOutcome, denied: readonly RefusedPart[], ctx: AssertionContext): FixPlan | undefined {
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
