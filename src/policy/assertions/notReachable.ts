import type { VerdictPart } from '../../net/flow.js';
import type { NotReachableAssert } from '../policyTypes.js';
import type { AssertionContext, AssertionFailure } from './assertionTypes.js';
import { describeRefused, evidenceOf } from './evidence.js';
import { evaluateLayers, prepareFlow, rulePeer } from './reachable.js';

/**
 * Fails when any of the `from` set is admitted. With `byRuleCoveringSource`, only admissions by
 * an ACCEPT whose source covers the whole set count ("open to 0.0.0.0/0"), so a narrow allow
 * does not read as "open to the world".
 */
export function checkNotReachable(spec: NotReachableAssert, ctx: AssertionContext): AssertionFailure[] {
  const flow = prepareFlow(spec, ctx);
  if ('unknownReason' in flow) return [];
  const failures: AssertionFailure[] = [];
  for (const outcome of evaluateLayers(spec.through, flow.query, ctx)) {
    const admitted: VerdictPart[] = [];
    for (const { verdict, direction } of outcome.verdicts) {
      if (direction !== 'ingress') continue;
      for (const part of verdict.parts) {
        if (part.verdict !== 'allow' || part.decidedBy === undefined) continue;
        if (spec.byRuleCoveringSource) {
          const peer = rulePeer(ctx.resolver, part.decidedBy);
          if (peer === undefined || !peer.covers(flow.query.addresses)) continue;
        }
        admitted.push(part);
      }
    }
    if (admitted.length === 0) continue;
    const rule = admitted[0]!.decidedBy!;
    failures.push({
      status: 'fail',
      resource: outcome.resource,
      related: [...ctx.subject.related, ...admitted.map((p) => p.decidedBy!.list)].filter((v, i, a) => a.indexOf(v) === i && v !== outcome.resource),
      evidence: evidenceOf(admitted, flow.query, flow.label),
      vars: new Map([
        ['admitted', describeRefused(admitted, flow.query.protocol).replace(/\(([^)]*)\)/g, 'by $1')],
        ['decidedBy', rule.text],
        ['flow', flow.label],
      ]),
      location: outcome.location,
      fix: () => `Narrow or remove ${rule.text} in ${rule.list}${rule.provenance?.location ? ` (${rule.provenance.location.file}:${rule.provenance.location.line})` : ''}: admit only the admin networks (params.adminCidrs), e.g. a bastion or VPN range. With API 3.0: vpc ReplaceSecurityGroupPolicies on PolicyIndex ${rule.index}.`,
      key: `${outcome.layer}:${rule.list}:${rule.index}`,
    });
  }
  return failures;
}
