import type { NetworkInterface } from '../model/instance.js';
import type { Ref } from '../model/network.js';
import { isUnknown } from '../model/value.js';
import type { FlowQuery, FlowVerdict, RuleRef } from './flow.js';
import type { InventoryResolver } from './inventoryResolver.js';
import { evaluateOrdered } from './orderedEvaluation.js';
import { compileGroups, compileInterface } from './securityGroupRules.js';

/**
 * Is every packet of the query admitted into this interface by its security groups? Security
 * groups are stateful, so an inbound flow needs only ingress rules.
 */
export function admitToInterface(resolver: InventoryResolver, nic: NetworkInterface, query: FlowQuery): FlowVerdict {
  // A secondary interface without groups admits everything (its compiled list says so).
  if (!isUnknown(nic.securityGroups) && nic.securityGroups.length === 0 && nic.primary) {
    return everything(query, 'unknown', `${nic.key} has no security group in this check (the platform binds a default group)`);
  }
  return evaluateOrdered(query, compileInterface(resolver, nic, 'ingress'), defaultDeny(nic.key));
}

/**
 * The same through a CLB's own security groups. A CLB without security groups lets all traffic to
 * its listener ports through.
 */
export function admitThroughGroups(resolver: InventoryResolver, owner: Ref, groups: readonly Ref[], query: FlowQuery): FlowVerdict {
  if (groups.length === 0) return everything(query, 'allow', `${owner} has no security group: all traffic to listener ports is allowed`);
  return evaluateOrdered(query, compileGroups(resolver, groups, 'ingress'), defaultDeny(owner));
}

export function defaultDeny(list: Ref, direction: 'ingress' | 'egress' = 'ingress'): RuleRef {
  return { list, direction, index: -1, kind: 'defaultDeny', text: 'default deny (no rule matched)' };
}

/**
 * A verdict computed for one interface, retold for another with the same security groups: the
 * default deny and any text that named the first interface now name `to`. Shared (memoised)
 * verdicts must never carry the identity of the subject they were first computed for.
 */
export function rebindVerdict(verdict: FlowVerdict, from: Ref, to: Ref): FlowVerdict {
  if (from === to) return verdict;
  const swap = (text: string | undefined) => (text === undefined ? undefined : text.split(from).join(to));
  const ref = (r: RuleRef): RuleRef => (r.list === from ? { ...r, list: to, text: swap(r.text)! } : r);
  return {
    verdict: verdict.verdict,
    parts: verdict.parts.map((part) => ({
      ...part,
      ...(part.decidedBy ? { decidedBy: ref(part.decidedBy) } : {}),
      maybe: part.maybe.map(ref),
      ...(part.reason !== undefined ? { reason: swap(part.reason)! } : {}),
      ...(part.note !== undefined ? { note: swap(part.note)! } : {}),
    })),
  };
}

function everything(query: FlowQuery, verdict: 'allow' | 'unknown', text: string): FlowVerdict {
  const parts = [
    ...(query.addresses.isEmpty() ? [] : [{ verdict, addresses: query.addresses, ports: query.ports, maybe: [], ...(verdict === 'allow' ? { note: text } : { reason: text }) }]),
    ...query.symbols.map((symbol) => ({ verdict, addresses: query.addresses.subtract(query.addresses), symbol, ports: query.ports, maybe: [], ...(verdict === 'allow' ? { note: text } : { reason: text }) })),
  ];
  return { verdict, parts };
}
