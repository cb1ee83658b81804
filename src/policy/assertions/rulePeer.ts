import { aclEntryPeer } from '../../net/aclAdmission.js';
import { AddressSet } from '../../net/addressSet.js';
import type { PeerMatch } from '../../net/compiledRule.js';
import type { RuleRef } from '../../net/flow.js';
import type { InventoryResolver } from '../../net/inventoryResolver.js';

/** The definite source of the rule that decided, to tell a deliberate narrow DROP from a refusal. */
export function rulePeer(resolver: InventoryResolver, ref: RuleRef): AddressSet | undefined {
  return rulePeerMatch(resolver, ref)?.definite;
}

/** What the source of a written security-group rule or network ACL entry matches (definite and possible). */
export function rulePeerMatch(resolver: InventoryResolver, ref: RuleRef): PeerMatch | undefined {
  // An interface without groups admits every source.
  if (ref.kind === 'noGroups') return { definite: AddressSet.ALL, possible: AddressSet.ALL, symbols: new Set() };
  if (ref.kind !== undefined || ref.index < 0) return undefined;
  const group = resolver.securityGroup(ref.list);
  if (group !== undefined) {
    const rule = group[ref.direction].rules[ref.index];
    return rule === undefined ? undefined : resolver.peer(rule.peer);
  }
  // A network ACL entry: the peer the engine compiled it with.
  const entry = resolver.inventory.networkAcls.get(ref.list)?.[ref.direction].entries[ref.index];
  return entry === undefined ? undefined : aclEntryPeer(entry);
}
