import { describe, expect, it } from 'vitest';
import type { LoadBalancer } from '../../../src/model/loadBalancer.js';
import { unknown } from '../../../src/model/value.js';
import { runPolicy } from '../runPolicy.js';
import { scenario } from '../scenario.js';
import { findingLine, policyTable } from './policyCases.js';

const id = 'snat-source-allowed';

const snatPro = (ingress: string[]) =>
  scenario(ingress)
    .clb('lb', { network: 'INTERNAL', snatPro: true, snatIps: [{ subnet: 'subnet', ip: '10.0.1.99' }] })
    .listener('lb', 'l', { targets: [{ instance: 'web', port: 8080 }] });
const legacySnat = (ingress: string[], passToTarget: LoadBalancer['passToTarget'] = false) =>
  scenario(ingress)
    .clb('lb', { network: 'INTERNAL', snat: true, vips: ['10.0.3.4'], passToTarget })
    .listener('lb', 'l', { targets: [{ instance: 'web', port: 8080 }] });

policyTable(id, {
  passing: [
    { name: 'SnatPro: the backend sees the SNAT IPs (§3.4 [S28])', inventory: snatPro(['ACCEPT 10.0.1.99 TCP 8080']) },
    { name: 'legacy SNAT: the backend sees the VIP (§3.4 [S23])', inventory: legacySnat(['ACCEPT 10.0.3.4 TCP 8080']) },
    {
      name: "legacy SNAT with pass-to-target: the backend's groups are not evaluated for CLB traffic",
      inventory: legacySnat(['ACCEPT 10.0.1.0/24 TCP 8080'], true),
    },
  ],
  failing: [
    {
      name: 'SnatPro: not admitting the SNAT IP fails',
      inventory: snatPro(['ACCEPT 192.168.0.0/16 TCP 8080']),
      findings: ['fail web main.tf:50'],
    },
    {
      name: 'legacy SNAT: admitting the backend subnet but not the VIP fails (§3.4 [S23])',
      inventory: legacySnat(['ACCEPT 10.0.1.0/24 TCP 8080']),
      findings: ['fail web main.tf:50'],
    },
    {
      name: 'legacy SNAT, pass-to-target not known: unknown, not a failure the traffic may never meet',
      inventory: legacySnat(['ACCEPT 10.0.1.0/24 TCP 8080'], unknown('known after apply')),
      findings: ['unknown web main.tf:50'],
    },
  ],
});

describe(`${id}: whether it applies is unknown`, () => {
  it('names the unknown field and its reason, not only that something is unknown', () => {
    const inventory = scenario(['ACCEPT 192.168.0.0/16 TCP 8080'])
      .clb('lb', { network: 'INTERNAL', snat: unknown('known after apply'), vips: ['10.0.3.4'] })
      .listener('lb', 'l', { targets: [{ instance: 'web', port: 8080 }] })
      .build();
    const findings = runPolicy(inventory, id, {});
    expect(findings.map(findingLine)).toEqual(['unknown web main.tf:50']);
    expect(findings[0]!.message).toContain('whether the policy applies depends on unknown values (lb.snat: known after apply)');
  });
});
