import { describe, expect, it } from 'vitest';
import type { Inventory } from '../../src/model/inventory.js';
import type { LoadBalancer } from '../../src/model/loadBalancer.js';
import { runPolicy } from './runPolicy.js';
import { publicLb } from './scenario.js';

/**
 * Backends behind different listeners or load balancers share a prepared flow when it reads
 * nothing of them (clients of a public CLB to the backend port): what a finding draws and names
 * of the load balancer and listener is still its own.
 */
function twoListeners(): Inventory {
  const inventory = publicLb(['ACCEPT 10.0.0.0/8 TCP 8080'])
    .sg('lbsg', ['DROP 0.0.0.0/0 TCP 443', 'ACCEPT 0.0.0.0/0 TCP 80,443'])
    .listener('lb', 'listener443', { protocol: 'TCP', port: 443, targets: [{ instance: 'web', port: 8080 }] })
    .build();
  const lb = inventory.loadBalancers.get('lb')!;
  (inventory.loadBalancers as Map<string, LoadBalancer>).set('lb', { ...lb, securityGroups: ['lbsg'] });
  return inventory;
}

describe('a flow shared by listeners and load balancers', () => {
  it("draws each listener's CLB layer for its own ports", () => {
    const finding = runPolicy(twoListeners(), 'backend-allows-clients').find((f) => f.resource === 'web');
    expect(finding?.paths?.map((p) => p.listener)).toEqual(['listener', 'listener443']);
    const outcomes = finding!.paths!.map((p) => p.layers.find((l) => l.kind === 'loadBalancerGroup')?.outcome);
    expect(outcomes).toEqual(['allow', 'deny']);
  });

  it('names each load balancer in its own findings and paths', () => {
    const inventory = publicLb(['ACCEPT 10.0.0.0/8 TCP 8080'])
      .instance('api')
      .clb('lb2', { network: 'OPEN' })
      .listener('lb2', 'listener2', { protocol: 'TCP', port: 80, targets: [{ instance: 'api', port: 8080 }] })
      .build();
    const findings = runPolicy(inventory, 'lb-sg-allows-listeners').concat(runPolicy(inventory, 'backend-allows-clients'));
    const backends = findings.filter((f) => f.policy === 'backend-allows-clients');
    expect(backends.map((f) => [f.resource, f.paths?.[0]?.loadBalancer, f.paths?.[0]?.listener])).toEqual([
      ['web', 'lb', 'listener'],
      ['api', 'lb2', 'listener2'],
    ]);
    for (const f of backends) expect(f.message).not.toContain(f.resource === 'web' ? 'api' : 'web');
  });
});
