import { describe, expect, it } from 'vitest';
import { unknown } from '../../../src/model/value.js';
import { runPolicy } from '../runPolicy.js';
import { scenario } from '../scenario.js';
import { policyTable } from './policyCases.js';

const id = 'acl-allows-both-directions';
const withAcl = (ingress: string[], egress: string[]) =>
  scenario(['ACCEPT 0.0.0.0/0 TCP 8080'])
    .subnet('subnet', '10.0.1.0/24', { acl: 'acl' })
    .acl('acl', ingress, egress)
    .clb('lb', { vips: ['1.2.3.4'] })
    .listener('lb', 'l', { targets: [{ instance: 'web', port: 8080 }] });
/** The same behind a UDP listener, whose health checks are pings (§3.3 [S7]). */
const udpWithAcl = (ingress: string[], egress: string[], health: { enabled?: boolean } = {}) =>
  scenario(['ACCEPT 0.0.0.0/0 ALL'])
    .subnet('subnet', '10.0.1.0/24', { acl: 'acl' })
    .acl('acl', ingress, egress)
    .clb('lb', { vips: ['1.2.3.4'] })
    .listener('lb', 'l', { protocol: 'UDP', health, targets: [{ instance: 'web', port: 8080 }] });

policyTable(id, {
  passing: [
    { name: 'inbound and reply both admitted', inventory: withAcl(['ACCEPT#0.0.0.0/0#8080#TCP'], ['ACCEPT#0.0.0.0/0#1024-65535#TCP']) },
    {
      name: 'a subnet without an ACL is not filtered',
      inventory: scenario(['ACCEPT 0.0.0.0/0 TCP 8080'])
        .clb('lb')
        .listener('lb', 'l', { targets: [{ instance: 'web', port: 8080 }] }),
    },
    // params.ephemeralPorts in every form the schema and the validator take: text, a number, a list.
    {
      name: 'ephemeralPorts as text: replies to the Linux range only',
      inventory: withAcl(['ACCEPT#0.0.0.0/0#8080#TCP'], ['ACCEPT#0.0.0.0/0#32768-60999#TCP']),
      params: { ephemeralPorts: '32768-60999' },
    },
    {
      name: 'ephemeralPorts as a list',
      inventory: withAcl(['ACCEPT#0.0.0.0/0#8080#TCP'], ['ACCEPT#0.0.0.0/0#32768-60999#TCP', 'ACCEPT#0.0.0.0/0#1024-2000#TCP']),
      params: { ephemeralPorts: ['32768-60999', '1024-2000'] },
    },
    {
      name: 'ephemeralPorts as a number',
      inventory: withAcl(['ACCEPT#0.0.0.0/0#8080#TCP'], ['ACCEPT#0.0.0.0/0#50000#TCP']),
      params: { ephemeralPorts: 50000 },
    },
    {
      name: 'UDP listener: the ACL admits UDP and ICMP both ways',
      inventory: udpWithAcl(
        ['ACCEPT#0.0.0.0/0#8080#UDP', 'ACCEPT#0.0.0.0/0#ALL#ICMP'],
        ['ACCEPT#0.0.0.0/0#ALL#UDP', 'ACCEPT#0.0.0.0/0#ALL#ICMP'],
      ),
    },
    {
      name: 'UDP listener with health checks off: no ping to admit',
      inventory: udpWithAcl(['ACCEPT#0.0.0.0/0#8080#UDP'], ['ACCEPT#0.0.0.0/0#ALL#UDP'], { enabled: false }),
    },
  ],
  failing: [
    {
      name: 'ACLs are stateless: replies need an outbound rule to the client ports (§2 [S11])',
      inventory: withAcl(['ACCEPT#0.0.0.0/0#8080#TCP'], ['ACCEPT#10.0.0.0/16#ALL#ALL']),
      findings: ['fail acl main.tf:30'],
    },
    {
      name: 'default deny inbound (§2 [S11][S12])',
      inventory: withAcl([], ['ACCEPT#0.0.0.0/0#ALL#ALL']),
      findings: ['fail acl main.tf:30'],
    },
    {
      name: 'first match wins: a DROP before the ACCEPT refuses (§2)',
      inventory: withAcl(['DROP#0.0.0.0/0#8080#TCP', 'ACCEPT#0.0.0.0/0#8080#TCP'], ['ACCEPT#0.0.0.0/0#ALL#ALL']),
      findings: ['fail acl main.tf:30'],
    },
    {
      name: 'ephemeralPorts as a number is read, not replaced by the default',
      inventory: withAcl(['ACCEPT#0.0.0.0/0#8080#TCP'], ['ACCEPT#0.0.0.0/0#1024-65535#TCP']),
      params: { ephemeralPorts: 80 },
      findings: ['fail acl main.tf:30'],
    },
    {
      name: 'ephemeralPorts as a list is read, not replaced by the default',
      inventory: withAcl(['ACCEPT#0.0.0.0/0#8080#TCP'], ['ACCEPT#0.0.0.0/0#1024-65535#TCP']),
      params: { ephemeralPorts: ['80', '1024-65535'] },
      findings: ['fail acl main.tf:30'],
    },
    {
      name: 'UDP health checks are pings: an ACL that admits UDP only refuses them (§3.3 [S7])',
      inventory: udpWithAcl(['ACCEPT#0.0.0.0/0#8080#UDP'], ['ACCEPT#0.0.0.0/0#ALL#UDP']),
      findings: ['fail acl main.tf:30'],
    },
    {
      name: 'UDP health checks: the ping replies need an outbound ICMP entry too (§2 stateless)',
      inventory: udpWithAcl(['ACCEPT#0.0.0.0/0#8080#UDP', 'ACCEPT#0.0.0.0/0#ALL#ICMP'], ['ACCEPT#0.0.0.0/0#ALL#UDP']),
      findings: ['fail acl main.tf:30'],
    },
  ],
});

describe(`${id}: what a finding says`, () => {
  it('the reply failure names the outbound direction and the ephemeral ports', () => {
    const [finding] = runPolicy(withAcl(['ACCEPT#0.0.0.0/0#8080#TCP'], ['ACCEPT#10.0.0.0/16#ALL#ALL']).build(), id);
    expect(finding?.message).toContain('replies to');
    expect(finding?.evidence.some((e) => e.direction === 'egress' && e.part?.includes('1024-65535'))).toBe(true);
  });

  it('a refused ping names ICMP', () => {
    const [finding] = runPolicy(udpWithAcl(['ACCEPT#0.0.0.0/0#8080#UDP'], ['ACCEPT#0.0.0.0/0#ALL#UDP']).build(), id);
    expect(finding?.message).toContain('ICMP');
  });

  it('a flow whose condition is unknown says which value is not known', () => {
    const inventory = scenario(['ACCEPT 0.0.0.0/0 ALL'])
      .subnet('subnet', '10.0.1.0/24', { acl: 'acl' })
      .acl('acl', ['ACCEPT#0.0.0.0/0#ALL#ALL'], ['ACCEPT#0.0.0.0/0#ALL#ALL'])
      .clb('lb', { vips: ['1.2.3.4'], snatPro: unknown('known after apply') as never })
      .listener('lb', 'l', { targets: [{ instance: 'web', port: 8080 }] })
      .build();
    const [finding] = runPolicy(inventory, id);
    expect(finding?.status).toBe('unknown');
    expect(finding?.message).toContain('depends on unknown values (lb.snatPro: known after apply)');
  });

  // ACLs do not filter traffic inside the subnet: with the subnet's CIDR unknown, what is refused
  // only inside the VPC may be traffic within the subnet.
  const unknownSubnetCidr = (ingress: string[], egress: string[]) => {
    const inventory = withAcl(ingress, egress).build();
    const subnet = inventory.subnets.get('subnet')!;
    return { ...inventory, subnets: new Map([['subnet', { ...subnet, cidr: unknown('known after apply') }]]) };
  };

  it('a refusal that may be traffic within the subnet of unknown CIDR is unknown, not a failure', () => {
    const drop = ['DROP#10.0.1.0/24#ALL#ALL', 'ACCEPT#0.0.0.0/0#ALL#ALL'];
    const findings = runPolicy(unknownSubnetCidr(drop, drop), id);
    expect(findings.map((f) => f.status)).toEqual(['unknown']);
    expect(findings[0]!.message).toContain('CIDR of subnet: known after apply');
    // With the CIDR known, the same ACL passes: the refused addresses are the subnet's own.
    expect(runPolicy(withAcl(drop, drop).build(), id)).toEqual([]);
  });

  it('a refusal outside the VPC stays a failure when the subnet CIDR is unknown', () => {
    const [finding] = runPolicy(unknownSubnetCidr([], ['ACCEPT#0.0.0.0/0#ALL#ALL']), id);
    expect(finding?.status).toBe('fail');
  });

  it('an unknown and a failure of one ACL merge into a failure that says what fails', () => {
    // SNAT unknown: the client flows are unknown; the health checks from the VIP are refused for sure.
    const inventory = scenario(['ACCEPT 0.0.0.0/0 ALL'])
      .subnet('subnet', '10.0.1.0/24', { acl: 'acl' })
      .acl('acl', [], [])
      .clb('lb', { vips: ['1.2.3.4'], snat: unknown('known after apply') as never })
      .listener('lb', 'l', { targets: [{ instance: 'web', port: 8080 }] })
      .build();
    const [finding] = runPolicy(inventory, id);
    expect(finding?.status).toBe('fail');
    expect(finding?.message).not.toContain('Could not decide');
    expect(finding?.message).toContain('refused 1.2.3.4 TCP:8080');
  });
});
