import type { Ref } from '../model/network.js';
import type { CompiledRule } from './compiledRule.js';
import { type FlowQuery, type FlowVerdict, type OrderOutcome, overallVerdict, type RuleRef, type VerdictPart } from './flow.js';
import { evaluateOrdered } from './orderedEvaluation.js';

/** One group's compiled rules, in the group's own (defined) order. */
export interface GroupRules {
  readonly group: Ref;
  readonly rules: readonly CompiledRule[];
}

/**
 * Evaluates groups whose priority is not defined (a Terraform set): every order is possible.
 * A packet's possible outcomes are the actions of the groups whose rules match it (the first
 * match inside each group), or the default deny when none does. Evaluating the list once with
 * each group moved to the front reaches every one of those outcomes — the front group decides
 * what it matches, and what it does not match meets the others in a fixed order, which also ends
 * at one of the matching groups or the default deny — so the verdict is definite where all these
 * orders agree and `unknown` where they differ. Definite parts keep the deciding rule of the
 * listed order.
 */
export function evaluateUnordered(query: FlowQuery, groups: readonly GroupRules[], defaultRef: RuleRef): FlowVerdict {
  const listed = evaluateOrdered(
    query,
    groups.flatMap((g) => g.rules),
    defaultRef,
  );
  if (groups.length < 2) return listed;
  const names = groups.map((g) => g.group);
  let parts = listed.parts;
  for (let front = 1; front < groups.length; front++) {
    const order = [groups[front]!, ...groups.filter((_, k) => k !== front)];
    const other = evaluateOrdered(
      query,
      order.flatMap((g) => g.rules),
      defaultRef,
    );
    parts = parts.flatMap((part) => other.parts.flatMap((alt) => agreement(part, alt, names)));
  }
  return { verdict: overallVerdict(parts), parts };
}

/** The traffic both parts hold, with `part`'s verdict where `alt` agrees with it, else unknown. */
function agreement(part: VerdictPart, alt: VerdictPart, groups: readonly Ref[]): VerdictPart[] {
  if (part.symbol?.id !== alt.symbol?.id) return [];
  const ports = part.ports.intersect(alt.ports);
  if (ports.isEmpty()) return [];
  const addresses = part.addresses.intersect(alt.addresses);
  if (part.symbol === undefined && addresses.isEmpty()) return [];
  const shared = { ...part, addresses, ports };
  // Unknown for another reason than the order (an unknown value): it stays so.
  if (part.verdict === 'unknown' && part.byOrder === undefined) return [shared];
  if (alt.verdict === 'unknown') {
    // Unknown in that order for another reason: no longer a question of the order alone.
    const { byOrder: _byOrder, ...rest } = shared;
    return [
      { ...rest, verdict: 'unknown', maybe: [...part.maybe, ...alt.maybe], ...(alt.reason !== undefined ? { reason: alt.reason } : {}) },
    ];
  }
  const outcome = outcomeOf(alt.verdict, alt);
  if (part.byOrder !== undefined) return [{ ...shared, byOrder: [...part.byOrder, outcome] }];
  if (part.verdict === alt.verdict) return [shared];
  const { note: _note, ...rest } = shared;
  return [
    {
      ...rest,
      verdict: 'unknown',
      maybe: [...part.maybe, ...(alt.decidedBy ? [alt.decidedBy] : [])],
      reason:
        `the priority of the security groups ${groups.join(', ')} is not defined (an unordered set), and the order decides: ` +
        `${deciding(part)} in one order, ${deciding(alt)} in another; list them in orderly_security_groups`,
      byOrder: [outcomeOf(part.verdict === 'allow' ? 'allow' : 'deny', part), outcome],
    },
  ];
}

function outcomeOf(verdict: 'allow' | 'deny', part: VerdictPart): OrderOutcome {
  return { verdict, ...(part.decidedBy ? { decidedBy: part.decidedBy } : {}) };
}

function deciding(part: VerdictPart): string {
  const verb = part.verdict === 'allow' ? 'admits it' : 'refuses it';
  const ref = part.decidedBy;
  if (ref === undefined) return `nothing decides (${verb})`;
  if (ref.kind === 'defaultDeny') return `no group matches and the default deny ${verb}`;
  if (ref.kind !== undefined) return `${ref.text} ${verb}`;
  return `${ref.list} rule ${ref.index} (${ref.text}) ${verb}`;
}
