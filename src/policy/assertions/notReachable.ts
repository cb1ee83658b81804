import { AddressSet } from '../../net/addressSet.js';
import type { RuleRef, VerdictPart } from '../../net/flow.js';
import { retellPart, retellText } from '../../net/interfaceAdmission.js';
import type { InventoryResolver } from '../../net/inventoryResolver.js';
import { NO_PORTS, type PortSet } from '../../net/portSet.js';
import { CLASS_INTERFACE, type LayerVerdicts } from '../checkCache.js';
import type { Assertion, NotReachableAssert } from '../policyTypes.js';
import { narrowRuleFixPlan } from '../remediation.js';
import type { AssertionKind } from './assertionKind.js';
import type { AssertionContext, AssertionFailure } from './assertionTypes.js';
import { describeRefused, evidenceOf, isWrittenRule } from './evidence.js';
import { evaluateLayers, flowSchema, prepareFlow } from './flowPreparation.js';
import { relatedOf } from './relatedResources.js';
import { rulePeerMatch } from './rulePeer.js';
import { unknownFailure } from './unknownFailure.js';

export const notReachable: AssertionKind<Extract<Assertion, { notReachable: unknown }>> = {
  name: 'notReachable',
  properties: { notReachable: flowSchema({ byRuleCoveringSource: { type: 'boolean' } }) },
  variables: ['admitted', 'decidedBy', 'flow'],
  evaluate: (assertion, ctx) => checkNotReachable(assertion.notReachable, ctx),
};

interface NotReachableDecision {
  readonly admitted: readonly VerdictPart[];
  readonly undecided: readonly { readonly part: VerdictPart; readonly reason: string }[];
}

const NOTHING_ADMITTED: NotReachableDecision = { admitted: [], undecided: [] };

/** Which parts of a class's verdicts admit the flow, or may and cannot be decided. */
function decideNotReachable(spec: NotReachableAssert, verdicts: LayerVerdicts, resolver: InventoryResolver): NotReachableDecision {
  const admitted: VerdictPart[] = [];
  const undecided: { part: VerdictPart; reason: string }[] = [];
  for (const { verdict, direction, query } of verdicts) {
    if (direction !== 'ingress') continue;
    // With byRuleCoveringSource: the parts admitted (or maybe admitted) by written rules, with
    // those rules' sources. They count together: ::/1 and 8000::/1 open ::/0 as one rule would.
    const openings: Opening[] = [];
    for (const part of verdict.parts) {
      if (part.verdict === 'deny') continue;
      if (part.verdict === 'allow') {
        if (part.decidedBy === undefined) continue;
        if (!spec.byRuleCoveringSource) {
          admitted.push(part);
          continue;
        }
        const peer = rulePeerMatch(resolver, part.decidedBy);
        if (peer === undefined) {
          // A rule whose source cannot be read may be open to all: undecided, never a pass.
          undecided.push({ part, reason: `the source of ${part.decidedBy.text} cannot be read` });
          continue;
        }
        openings.push({
          part,
          certain: true,
          definite: peer.definite,
          possible: peer.possible,
          rules: [part.decidedBy],
          ...(peer.unknownReason ? { reason: peer.unknownReason } : {}),
        });
        continue;
      }
      // Unknown: admitted if an ACCEPT (or a rule of unknown action) that may cover the source decided it.
      if (!spec.byRuleCoveringSource || mayAdmitByCoveringRule(part, query.addresses, resolver)) {
        undecided.push({ part, reason: part.reason ?? 'not decided' });
        continue;
      }
      // It may be admitted by rules that each cover only part of the source, with others.
      const candidates = admittingCandidates(part).filter(isWrittenRule);
      const possible = candidates.reduce(
        (set, ref) => set.union(rulePeerMatch(resolver, ref)?.possible ?? AddressSet.EMPTY),
        AddressSet.EMPTY,
      );
      if (!possible.isEmpty())
        openings.push({
          part,
          certain: false,
          definite: AddressSet.EMPTY,
          possible,
          rules: candidates,
          reason: part.reason ?? 'not decided',
        });
    }
    if (openings.length > 0) decideTogether(openings, query.addresses, admitted, undecided);
  }
  return admitted.length === 0 && undecided.length === 0 ? NOTHING_ADMITTED : { admitted, undecided };
}

/** A part admitted for sure (`certain`) or maybe, and the sources of the rules that admit it. */
interface Opening {
  readonly part: VerdictPart;
  readonly certain: boolean;
  readonly definite: AddressSet;
  readonly possible: AddressSet;
  readonly rules: readonly RuleRef[];
  readonly reason?: string;
}

/**
 * Whether the rules that admit a port cover the whole source: one rule alone, or else several
 * together, port by port (two halves of the internet on different ports open neither port to
 * all of it). What only their possible sources cover is undecided.
 */
function decideTogether(
  openings: readonly Opening[],
  source: AddressSet,
  admitted: VerdictPart[],
  undecided: { part: VerdictPart; reason: string }[],
): void {
  const open = new Set<Opening>();
  const maybe = new Map<Opening, string>();
  const coverReason = (rules: readonly RuleRef[], reasons: readonly (string | undefined)[]) => {
    const known = reasons.filter((r, i, all): r is string => r !== undefined && all.indexOf(r) === i);
    const texts = rules.map((r) => r.text).join(', ');
    return `whether ${texts} ${rules.length > 1 ? 'together cover' : 'covers'} all of ${source.describe()} is not known${known.length > 0 ? `: ${known.join('; ')}` : ''}`;
  };
  // One rule alone.
  for (const o of openings) {
    if (!o.certain) continue;
    if (o.definite.covers(source)) open.add(o);
    else if (o.possible.covers(source)) maybe.set(o, coverReason(o.rules, [o.reason]));
  }
  // Several together, where no rule alone opens the port: split the ports so that the same
  // openings apply on each piece.
  let segments: PortSet[] = [openings.reduce((ports, o) => ports.union(o.part.ports), NO_PORTS)];
  for (const { part } of openings)
    segments = segments.flatMap((s) => [s.intersect(part.ports), s.subtract(part.ports)].filter((x) => !x.isEmpty()));
  for (const segment of segments) {
    const here = openings.filter((o) => o.part.ports.overlaps(segment));
    if (here.length < 2 || here.some((o) => open.has(o))) continue;
    const definite = here.reduce((set, o) => (o.certain ? set.union(o.definite) : set), AddressSet.EMPTY);
    if (definite.covers(source)) {
      for (const o of here) {
        if (o.certain) {
          open.add(o);
          maybe.delete(o);
        } else if (!maybe.has(o)) maybe.set(o, o.reason ?? 'not decided');
      }
      continue;
    }
    const possible = here.reduce((set, o) => set.union(o.possible), AddressSet.EMPTY);
    if (!possible.covers(source)) continue;
    const rules = here.flatMap((o) => o.rules).filter((r, i, all) => all.findIndex((x) => x.list === r.list && x.index === r.index) === i);
    const reason = coverReason(
      rules,
      here.map((o) => o.reason),
    );
    for (const o of here) if (!maybe.has(o)) maybe.set(o, reason);
  }
  // In the verdict's own order, so the first admitting rule keys the finding as before.
  for (const o of openings) {
    if (open.has(o)) admitted.push(o.part);
    else if (maybe.has(o)) undecided.push({ part: o.part, reason: maybe.get(o)! });
  }
}

/**
 * Fails when any of the `from` set is admitted. With `byRuleCoveringSource`, only admissions by
 * an ACCEPT whose source covers the whole set count ("open to 0.0.0.0/0"), so a narrow allow
 * does not read as "open to the world".
 *
 * What may be admitted but cannot be decided (a rule the engine cannot read exactly, rules
 * nobody can see, an unknown source set) is reported as `unknown`, exactly as `reachable` does:
 * never a silent pass.
 */
function checkNotReachable(spec: NotReachableAssert, ctx: AssertionContext): AssertionFailure[] {
  const flow = prepareFlow(spec, ctx);
  if ('unknownReason' in flow) return [withAdmitted(unknownFailure(ctx, flow.unknownReason, 'notReachable'))];
  const failures: AssertionFailure[] = [];
  for (const outcome of evaluateLayers(spec.through, flow.query, ctx)) {
    if (outcome.unknownReason !== undefined) {
      failures.push(
        withAdmitted({
          ...unknownFailure(ctx, outcome.unknownReason, `${outcome.layer}:unknown`),
          resource: outcome.resource,
          location: outcome.location,
        }),
      );
      continue;
    }
    const decided = ctx.cache.decide(spec, outcome.verdicts, decideNotReachable);
    if (decided === NOTHING_ADMITTED && flow.unknownReasons.length === 0) continue;
    // The class's parts, retold for this subject's own interface: only for a finding.
    const own = outcome.ownInterface;
    const admitted = own === undefined ? decided.admitted : decided.admitted.map((part) => retellPart(part, CLASS_INTERFACE, own));
    const undecided =
      own === undefined
        ? decided.undecided
        : decided.undecided.map((u) => ({
            part: retellPart(u.part, CLASS_INTERFACE, own),
            reason: retellText(u.reason, CLASS_INTERFACE, own),
          }));
    if (admitted.length === 0 && undecided.length === 0 && flow.unknownReasons.length === 0) continue;
    const related = relatedOf(ctx, outcome, [...admitted, ...undecided.map((u) => u.part)]);
    if (admitted.length === 0) {
      // Nothing admitted for sure, but something may be.
      const reasons = [...undecided.map((u) => u.reason), ...flow.unknownReasons].filter((r, i, a) => a.indexOf(r) === i);
      const reason = reasons.join('; ');
      failures.push({
        status: 'unknown',
        resource: outcome.resource,
        related,
        evidence:
          undecided.length > 0
            ? evidenceOf(
                undecided.map((u) => u.part),
                flow.query,
                flow.label,
              )
            : [{ verdict: 'unknown', flow: flow.label, rule: 'not decided', reason }],
        vars: new Map([
          ['admitted', `(unknown: ${reason})`],
          ['decidedBy', undecided[0]?.part.decidedBy?.text ?? ''],
          ['flow', flow.label],
          ['reason', reason],
        ]),
        location: outcome.location,
        key: `${outcome.layer}:unknown`,
      });
      continue;
    }
    // Duplicates of one rule, or several open rules: one finding, keyed by the first rule that admits.
    const rule = admitted[0]!.decidedBy!;
    const rules = admitted.map((p) => p.decidedBy!).filter((r, i, a) => a.findIndex((x) => x.list === r.list && x.index === r.index) === i);
    failures.push({
      status: 'fail',
      resource: outcome.resource,
      related,
      evidence: evidenceOf(admitted, flow.query, flow.label),
      vars: new Map([
        ['admitted', describeRefused(admitted, flow.query.protocol).replace(/\(([^)]*)\)/g, 'by $1')],
        ['decidedBy', rule.text],
        ['flow', flow.label],
      ]),
      location: outcome.location,
      fix: () => narrowRuleFixPlan(ctx.resolver, rules),
      key: `${outcome.layer}:${rule.list}:${rule.index}`,
    });
  }
  return failures;
}

/** The rules that may have admitted an undecided part: its decider and the rules it may have met, but no DROP. */
function admittingCandidates(part: VerdictPart): RuleRef[] {
  return [...(part.decidedBy ? [part.decidedBy] : []), ...part.maybe].filter((r) => r.kind !== 'defaultDeny' && r.action !== 'DROP');
}

function mayAdmitByCoveringRule(part: VerdictPart, addresses: VerdictPart['addresses'], resolver: InventoryResolver): boolean {
  const candidates = admittingCandidates(part);
  // Nothing could decide at all (e.g. an interface whose groups are not known): it may be open.
  if (candidates.length === 0)
    return part.decidedBy === undefined || part.decidedBy.kind === 'defaultDeny'
      ? part.maybe.length === 0 && part.decidedBy === undefined
      : false;
  return candidates.some((ref) => {
    if (!isWrittenRule(ref)) return true;
    const peer = rulePeerMatch(resolver, ref);
    return peer === undefined || peer.possible.covers(addresses);
  });
}

function withAdmitted(failure: AssertionFailure): AssertionFailure {
  const reason = failure.vars.get('reason') ?? 'not decided';
  return { ...failure, vars: new Map([...failure.vars, ['admitted', `(unknown: ${reason})`]]) };
}
