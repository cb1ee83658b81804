import { describe, expect, it } from 'vitest';
import type { LoadBalancer } from '../../../src/model/loadBalancer.js';
import { unknown } from '../../../src/model/value.js';
import { runPolicy } from '../runPolicy.js';
import { scenario } from '../scenario.js';
import { findingLine, policyTable } from './policyCases.js';

const id = 'lb-sg-allows-listeners';

const build = (lbRules: string[], sgs = ['lbsg']) =>
  scenario(['ACCEPT 0.0.0.0/0 TCP 8080'])
    .sg('lbsg', lbRules)
    .clb('lb', { securityGroups: sgs, passToTarget: true })
    .listener('lb', 'l', { port: 443, targets: [{ instance: 'web', port: 8080 }] });

policyTable(id, {
  passing: [
    { name: 'admitting 0.0.0.0/0 on the listener port passes', inventory: build(['ACCEPT 0.0.0.0/0 TCP 443']) },
    {
      name: 'a deny list in front of the broad ACCEPT passes',
      inventory: build(['DROP 45.33.0.0/16 TCP 443', 'ACCEPT 0.0.0.0/0 TCP 443']),
    },
    { name: 'a CLB without security groups lets all listener traffic through (§3.2)', inventory: build([], []) },
    {
      name: 'params.clientCidrs declares a deliberately restricted listener',
      inventory: build(['ACCEPT 203.0.113.0/24 TCP 443']),
      params: { clientCidrs: ['203.0.113.0/24'] },
    },
  ],
  failing: [
    {
      name: 'a CLB group admitting one range leaves the listener closed to other clients',
      inventory: build(['ACCEPT 203.0.113.0/24 TCP 443']),
      findings: ['fail lb main.tf:70'],
    },
    {
      name: 'DROPs for the two halves of the client range refuse every client: not a deny list',
      inventory: build(['DROP 203.0.113.0/25 TCP 443', 'DROP 203.0.113.128/25 TCP 443', 'ACCEPT 0.0.0.0/0 TCP 443']),
      params: { clientCidrs: ['203.0.113.0/24'] },
      findings: ['fail lb main.tf:70'],
    },
    {
      name: 'CLB groups filter listener ports, not backend ports (§3.2)',
      inventory: build(['ACCEPT 0.0.0.0/0 TCP 8080']),
      findings: ['fail lb main.tf:70'],
    },
  ],
});

describe(`${id}: a port-range listener whose end port is known only after apply`, () => {
  it('is unknown, saying so, even when the first port is admitted: the rest of the range is unchecked', () => {
    const inventory = build(['ACCEPT 0.0.0.0/0 TCP 443']).build();
    const lb = inventory.loadBalancers.get('lb')!;
    (inventory.loadBalancers as Map<string, LoadBalancer>).set('lb', {
      ...lb,
      listeners: lb.listeners.map((l) => ({ ...l, endPort: unknown('known after apply') })),
    });
    const findings = runPolicy(inventory, id, {});
    expect(findings.map(findingLine)).toEqual(['unknown lb main.tf:70']);
    expect(findings[0]!.message).toContain('the end port of l: known after apply');
  });
});
