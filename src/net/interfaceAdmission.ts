import type { NetworkInterface } from '../model/instance.js';
import type { Ref } from '../model/network.js';
import { isUnknown } from '../model/value.js';
import type { FlowQuery, FlowVerdict, RuleRef, VerdictPart } from './flow.js';
import type { InventoryResolver } from './inventoryResolver.js';
import { evaluateOrdered } from './orderedEvaluation.js';
import { compileGroups, compileInterface, compileSecurityGroup } from './securityGroupRules.js';
import { evaluateUnordered } from './unorderedEvaluation.js';

/**
 * Is every packet of the query admitted into this interface by its security groups? Security
 * groups are stateful, so an inbound flow needs only ingress rules. The verdict calls the
 * interface `name` (its key): a verdict shared by every interface with the same groups is
 * computed under a stand-in name and retold for each (`retellPart`).
 */
export function admitToInterface(resolver: InventoryResolver, nic: NetworkInterface, query: FlowQuery, name: Ref = nic.key): FlowVerdict {
  // A secondary interface without groups admits everything (its compiled list says so).
  if (!isUnknown(nic.securityGroups) && nic.securityGroups.length === 0 && nic.primary) {
    return everything(query, 'unknown', `${name} has no security group in this check (the platform binds a default group)`);
  }
  if (!isUnknown(nic.securityGroups) && nic.securityGroupsUnordered === true && nic.securityGroups.length > 1) {
    const groups = nic.securityGroups.map((group) => ({ group, rules: compileSecurityGroup(resolver, group, 'ingress') }));
    return evaluateUnordered(query, groups, defaultDeny(name));
  }
  return evaluateOrdered(query, compileInterface(resolver, nic, 'ingress'), defaultDeny(name));
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
 * A part of a verdict computed under one name (`from`), retold for the interface `to`: the
 * default deny and any text that named `from` now name `to`. Shared verdicts never carry the
 * identity of a subject; the findings built from them name their own.
 */
export function retellPart(part: VerdictPart, from: Ref, to: Ref): VerdictPart {
  if (from === to) return part;
  const ref = (r: RuleRef): RuleRef => (r.list === from ? { ...r, list: to, text: retellText(r.text, from, to) } : r);
  return {
    ...part,
    ...(part.decidedBy ? { decidedBy: ref(part.decidedBy) } : {}),
    maybe: part.maybe.map(ref),
    ...(part.reason !== undefined ? { reason: retellText(part.reason, from, to) } : {}),
    ...(part.note !== undefined ? { note: retellText(part.note, from, to) } : {}),
  };
}

export function retellText(text: string, from: Ref, to: Ref): string {
  return text.includes(from) ? text.split(from).join(to) : text;
}

function everything(query: FlowQuery, verdict: 'allow' | 'unknown', text: string): FlowVerdict {
  const parts = [
    ...(query.addresses.isEmpty()
      ? []
      : [
          {
            verdict,
            addresses: query.addresses,
            ports: query.ports,
            maybe: [],
            ...(verdict === 'allow' ? { note: text } : { reason: text }),
          },
        ]),
    ...query.symbols.map((symbol) => ({
      verdict,
      addresses: query.addresses.subtract(query.addresses),
      symbol,
      ports: query.ports,
      maybe: [],
      ...(verdict === 'allow' ? { note: text } : { reason: text }),
    })),
  ];
  return { verdict, parts };
}
