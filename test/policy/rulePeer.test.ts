import { describe, expect, it } from 'vitest';
import type { NetworkAclEntry } from '../../src/model/networkAcl.js';
import { unknown } from '../../src/model/value.js';
import { compileAclEntries } from '../../src/net/aclAdmission.js';
import { AddressSet } from '../../src/net/addressSet.js';
import { InventoryResolver } from '../../src/net/inventoryResolver.js';
import { portRange } from '../../src/net/portSet.js';
import { rulePeer, rulePeerMatch } from '../../src/policy/assertions/rulePeer.js';
import { aclEntry, scenario } from './scenario.js';

/**
 * The source a finding reads for the rule that decided is the one the engine compiled: for a
 * network ACL entry, one reading of its peer CIDR, whatever it is (a CIDR, an unknown, a text
 * that is not a CIDR), so the two can never disagree.
 */
describe('rulePeerMatch of a network ACL entry', () => {
  const entries: NetworkAclEntry[] = [
    aclEntry('ACCEPT#10.0.0.0/8#22#TCP', 0),
    { ...aclEntry('ACCEPT#x#22#TCP', 1), peerCidr: unknown('known after apply') },
    aclEntry('ACCEPT#10.0.0.0/33#22#TCP', 2),
    aclEntry('DROP#0.0.0.0/8#ALL#ALL', 3),
  ];
  const inventory = scenario().subnet('subnet', '10.0.1.0/24', { acl: 'acl' }).acl('acl', [], []).build();
  const acl = { ...inventory.networkAcls.get('acl')!, ingress: { entries } };
  (inventory.networkAcls as Map<string, typeof acl>).set('acl', acl);
  const resolver = new InventoryResolver(inventory);
  const local = { definite: AddressSet.parse('10.0.1.5')!, possible: AddressSet.parse('10.0.1.5')! };
  const compiled = compileAclEntries(acl, 'ingress', local, portRange(1024, 65535));

  it.each(compiled.map((rule) => [rule.ref.text, rule] as const))('%s: the compiled peer', (_text, rule) => {
    expect(rulePeerMatch(resolver, rule.ref)).toBe(rule.peer);
  });

  it('reads 0.0.0.0/8 as every address, as the engine does', () => {
    expect(rulePeer(resolver, compiled[3]!.ref)?.covers(AddressSet.parse('0.0.0.0/0')!)).toBe(true);
  });
});
