import type { Evidence } from '../../model/finding.js';
import type { FlowQuery, RuleRef, VerdictPart } from '../../net/flow.js';
import { describePorts } from '../../net/portSet.js';
import { hasPorts } from '../../net/protocol.js';

const MAX_EVIDENCE = 12;

/** "45.33.0.0/16 TCP:8443" or "the VIP of tencentcloud_clb_instance.web TCP:8444". */
export function describePart(part: VerdictPart, protocol: string): string {
  const who = part.symbol ? part.symbol.label : part.addresses.describe();
  return hasPorts(protocol) ? `${who} ${protocol}:${describePorts(part.ports)}` : `${who} ${protocol}`;
}

/** Where a rule sits, for evidence: list, direction and index — or `defaultDeny` without an index. */
export function refEvidence(ref: RuleRef | undefined): Pick<Evidence, 'list' | 'direction' | 'index' | 'defaultDeny'> {
  if (ref === undefined) return {};
  return {
    list: ref.list,
    direction: ref.direction,
    ...(ref.kind === undefined && ref.index >= 0 ? { index: ref.index } : {}),
    ...(ref.kind === 'defaultDeny' ? { defaultDeny: true as const } : {}),
  };
}

/** A written rule decided (not a default deny, not a stand-in for rules nobody can see). */
export function isWrittenRule(ref: RuleRef | undefined): ref is RuleRef {
  return ref !== undefined && ref.kind === undefined && ref.index >= 0;
}

export function evidenceOf(parts: readonly VerdictPart[], query: FlowQuery, flow: string): Evidence[] {
  return parts.slice(0, MAX_EVIDENCE).map((part) => ({
    flow,
    verdict: part.verdict,
    part: describePart(part, query.protocol),
    ...refEvidence(part.decidedBy),
    rule: part.decidedBy?.text ?? (part.verdict === 'deny' ? 'default deny (no rule matched)' : (part.note ?? 'not decided')),
    location: part.decidedBy?.provenance?.location ?? null,
    ...(part.reason ? { reason: part.reason } : {}),
  }));
}

/** A written rule, or an interface without groups (which admits all): never called a default deny. */
export function decidedText(ref: RuleRef | undefined): string {
  if (ref === undefined) return 'default deny';
  return ref.kind === 'noGroups' || isWrittenRule(ref) ? ref.text : 'default deny';
}

/**
 * Why a part is not decided: the rules that may match it first, before the rule (or the default
 * deny) that decides it otherwise. The rule after them is not what refused it, so it is never
 * named alone.
 */
export function undecidedText(part: VerdictPart): string {
  const earlier = [...new Set(part.maybe.map((r) => r.text))];
  if (earlier.length === 0) return `undecided: ${part.reason ?? 'not known'}`;
  const named = earlier.length > 2 ? `${earlier.slice(0, 2).join(', ')} and ${earlier.length - 2} more` : earlier.join(', ');
  const after = decidedText(part.decidedBy);
  return `undecided: ${named} may match before ${after === 'default deny' ? 'the default deny' : after}`;
}

/**
 * Summarises refused parts: "0.0.0.0/0 TCP:8444 (default deny)"; a part not decided says why:
 * "0.0.0.0/0 TCP:8443 (undecided: rules of sg-web may match before ACCEPT 0.0.0.0/0 TCP:8443)".
 */
export function describeRefused(parts: readonly VerdictPart[], protocol: string): string {
  const items = parts
    .slice(0, 3)
    .map((p) => `${describePart(p, protocol)} (${p.verdict === 'unknown' ? undecidedText(p) : decidedText(p.decidedBy)})`);
  return parts.length > 3 ? `${items.join('; ')} and ${parts.length - 3} more` : items.join('; ');
}
