import { describe, expect, it } from 'vitest';
import { runPolicy } from '../runPolicy.js';
import { publicLb, scenario } from '../scenario.js';
import { policyTable } from './policyCases.js';

const id = 'backend-allows-vip';

const privateLb = (cidr: string) =>
  scenario([`ACCEPT ${cidr} TCP 9000`])
    .subnet('lbnet', '10.0.3.0/24')
    .clb('lb', { network: 'INTERNAL', subnet: 'lbnet' })
    .listener('lb', 'l', { port: 9000, targets: [{ instance: 'web', port: 9000 }] });

policyTable(id, {
  passing: [
    { name: 'ACCEPT 0.0.0.0/0 covers an unknown public VIP (§7.7)', inventory: publicLb(['ACCEPT 0.0.0.0/0 TCP 8080']) },
    {
      name: 'a DROP of a private range cannot catch a public VIP (§7.7)',
      inventory: publicLb(['DROP 192.168.0.0/16 TCP 8080', 'ACCEPT 0.0.0.0/0 TCP 8080']),
    },
    { name: 'a rule that references the VIP admits it', inventory: publicLb(['ACCEPT vip:lb TCP 8080']) },
    { name: 'a known VIP is checked as an address', inventory: publicLb(['ACCEPT 1.2.3.4/32 TCP 8080'], { vips: ['1.2.3.4'] }) },
    { name: "a private CLB's VIP comes from its subnet (§3.3, §7.7)", inventory: privateLb('10.0.3.0/24') },
  ],
  failing: [
    {
      name: 'a public VIP is never in 10.0.0.0/8 (§7.7)',
      inventory: publicLb(['ACCEPT 10.0.0.0/8 TCP 8080']),
      findings: ['fail web main.tf:50'],
    },
    {
      name: 'a DROP of a public range before the ACCEPT may catch the unknown VIP: unknown (§7.7)',
      inventory: publicLb(['DROP 45.33.0.0/16 TCP 8080', 'ACCEPT 0.0.0.0/0 TCP 8080']),
      findings: ['unknown web main.tf:50'],
    },
    {
      name: 'a known VIP outside the rule fails',
      inventory: publicLb(['ACCEPT 1.2.3.5/32 TCP 8080'], { vips: ['1.2.3.4'] }),
      findings: ['fail web main.tf:50'],
    },
    {
      name: "a private CLB's VIP is not in the backend subnet (§3.3, §7.7)",
      inventory: privateLb('10.0.1.0/24'),
      findings: ['fail web main.tf:50'],
    },
  ],
});

describe(`${id}: what an unknown finding says it refused`, () => {
  it('a DROP that may catch the unknown VIP is named, not the ACCEPT after it', () => {
    const [finding] = runPolicy(publicLb(['DROP 45.33.0.0/16 TCP 8080', 'ACCEPT 0.0.0.0/0 TCP 8080']).build(), id);
    expect(finding?.status).toBe('unknown');
    expect(finding?.message).toContain(
      'refused VIP of lb TCP:8080 (undecided: DROP 45.33.0.0/16 TCP:8080 may match before ACCEPT 0.0.0.0/0 TCP:8080)',
    );
    expect(finding?.message).not.toContain('TCP:8080 (ACCEPT');
  });

  it('rules nobody can see before the ACCEPT are named as what may match first', () => {
    const inventory = scenario(['ACCEPT 0.0.0.0/0 TCP 8080'])
      .instance('web', { sgs: ['sg-external', 'sg'] })
      .clb('lb', { vips: ['1.2.3.4'] })
      .listener('lb', 'l', { targets: [{ instance: 'web', port: 8080 }] })
      .build();
    const [finding] = runPolicy(inventory, id);
    expect(finding?.status).toBe('unknown');
    expect(finding?.message).toMatch(
      /refused 1\.2\.3\.4 TCP:8080 \(undecided: .*sg-external.* may match before ACCEPT 0\.0\.0\.0\/0 TCP:8080\)/,
    );
  });
});
