import { describe, expect, it } from 'vitest';
import { isUnknown } from '../../src/model/value.js';
import { networkAclOf, quintupleEntriesOf } from '../../src/sources/live/apiToInventory.js';
import { runPolicy } from '../policy/runPolicy.js';
import { scenario } from '../policy/scenario.js';

const region = 'ap-guangzhou';
const triple = (ingress: Record<string, unknown>[], egress: Record<string, unknown>[] = []) =>
  networkAclOf({ NetworkAclId: 'acl-1', VpcId: 'vpc', NetworkAclType: 'TRIPLE', IngressEntries: ingress, EgressEntries: egress }, region);

describe('ACL entries whose answer leaves a field out or says something unexpected', () => {
  it('an entry without an Action, or with an unknown one, has an unknown action, not ACCEPT', () => {
    const acl = triple([
      { Priority: 1, CidrBlock: '0.0.0.0/0', Protocol: 'TCP', Port: '22' },
      { Priority: 2, Action: 'MAYBE', CidrBlock: '0.0.0.0/0', Protocol: 'TCP', Port: '22' },
      { Priority: 3, Action: 'accept', CidrBlock: '0.0.0.0/0', Protocol: 'TCP', Port: '22' },
    ]);
    const [missing, odd, lower] = acl.ingress.entries;
    expect(isUnknown(missing!.action) && missing!.action.reason).toBe('action not returned');
    expect(isUnknown(odd!.action) && odd!.action.reason).toBe('action "MAYBE"');
    expect(lower!.action).toBe('ACCEPT');
  });

  it('an entry without a CIDR, protocol or port leaves that field unknown rather than matching everything', () => {
    const [entry] = triple([{ Priority: 1, Action: 'DROP' }]).ingress.entries;
    expect(isUnknown(entry!.peerCidr)).toBe(true);
    expect(isUnknown(entry!.protocol)).toBe(true);
    expect(isUnknown(entry!.port)).toBe(true);
    // IPv6 entries carry their CIDR in the other field.
    const [v6] = triple([{ Priority: 1, Action: 'DROP', Ipv6CidrBlock: '::/0', Protocol: 'ALL' }]).ingress.entries;
    expect(v6!.peerCidr).toBe('::/0');
  });

  it('quintuple entries: the same for action, protocol, ports and both sides', () => {
    const acl = quintupleEntriesOf({ ...triple([]), type: 'QUINTUPLE' }, [{ NetworkAclDirection: 'INGRESS', Priority: 1 }], region);
    const [entry] = acl.ingress.entries;
    for (const field of ['action', 'protocol', 'port', 'sourcePort', 'peerCidr', 'localCidr'] as const)
      expect(isUnknown(entry![field]), field).toBe(true);
  });

  it('a check through an entry with no action is unknown and names the entry, never a pass', () => {
    const inventory = scenario(['ACCEPT 0.0.0.0/0 TCP 8080'])
      .subnet('subnet', '10.0.1.0/24', { acl: 'acl-1' })
      .clb('lb', { vips: ['1.2.3.4'] })
      .listener('lb', 'l', { targets: [{ instance: 'web', port: 8080 }] })
      .build();
    const acl = triple(
      [{ Priority: 1, CidrBlock: '0.0.0.0/0', Protocol: 'TCP', Port: '8080' }],
      [{ Priority: 1, Action: 'ACCEPT', CidrBlock: '0.0.0.0/0', Protocol: 'ALL', Port: 'ALL' }],
    );
    const findings = runPolicy({ ...inventory, networkAcls: new Map([['acl-1', acl]]) }, 'acl-allows-both-directions');
    expect(findings.map((f) => f.status)).toEqual(['unknown']);
    expect(findings[0]!.message).toContain('action not returned');
    expect(findings[0]!.evidence[0]).toMatchObject({
      list: 'acl-1',
      direction: 'ingress',
      index: 0,
      rule: '(unknown action) 0.0.0.0/0 TCP 8080',
    });
  });
});
