import { describe, expect, it } from 'vitest';
import type { Inventory } from '../../src/model/inventory.js';
import type { Listener, LoadBalancer } from '../../src/model/loadBalancer.js';
import { runPolicy } from './runPolicy.js';
import { publicLb } from './scenario.js';

/**
 * The CLB layer of a path is drawn for the listener's ports: its port, or the range up to
 * `endPort` when the listener is a port range. A range that does not go up (an `endPort` at or
 * below `port`, as a plan may carry) is the port alone, as the policies read it.
 */
function withEndPort(endPort: number): Inventory {
  const inventory = publicLb(['ACCEPT 10.0.0.0/8 TCP 8080']).sg('lbsg', ['DROP 45.33.0.0/16 TCP 80']).build();
  const lb = inventory.loadBalancers.get('lb')!;
  const listeners = lb.listeners.map((l): Listener => ({ ...l, endPort }));
  (inventory.loadBalancers as Map<string, LoadBalancer>).set('lb', { ...lb, securityGroups: ['lbsg'], listeners });
  return inventory;
}

function lbLayer(inventory: Inventory) {
  const finding = runPolicy(inventory, 'backend-allows-clients').find((f) => f.paths !== undefined);
  expect(finding).toBeDefined();
  const layer = finding!.paths![0]!.layers.find((l) => l.kind === 'loadBalancerGroup');
  expect(layer).toBeDefined();
  return layer!;
}

describe('the CLB layer of a path, for a listener port range', () => {
  it('a range that goes up covers every port of it', () => {
    const layer = lbLayer(withEndPort(90));
    expect(layer.outcome).toBe('deny');
    expect(layer.rules.map((r) => r.part ?? r.rule)).toContain('45.33.0.0/16 TCP:80');
    expect(layer.rules.some((r) => r.part?.includes('81-90'))).toBe(true);
  });

  it('an endPort below the port is the port alone, not an empty range that nothing decides', () => {
    const layer = lbLayer(withEndPort(70));
    expect(layer.outcome).toBe('deny');
    expect(layer.rules.map((r) => r.part ?? r.rule)).toContain('45.33.0.0/16 TCP:80');
    expect(layer.rules.every((r) => r.part === undefined || !r.part.includes('70'))).toBe(true);
  });

  it('an endPort equal to the port is the port alone', () => {
    expect(lbLayer(withEndPort(80))).toEqual(lbLayer(withEndPort(70)));
  });
});
