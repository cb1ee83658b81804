import { describe, expect, it } from 'vitest';
import { checkInventory } from '../../src/check/checkInventory.js';
import { builtinPolicies } from '../../src/policy/policyLoader.js';
import type { LoadedConfig } from '../../src/policy/policyTypes.js';
import { scenario } from '../policy/scenario.js';

// A backend that admits nothing: clients, VIP and health checks all fail, and one rule change
// on its group fixes them together.
const inventory = scenario([])
  .clb('lb', { network: 'OPEN', vips: ['1.2.3.4'], passToTarget: false })
  .listener('lb', 'l', { protocol: 'TCP', port: 80, targets: [{ instance: 'web', port: 8080 }] })
  .build();
const policies = builtinPolicies()
  .flatMap((s) => s.policies)
  .map((policy) => ({ policy, severity: policy.severity, params: new Map(), source: 'builtin' }));
const run = (exceptions: LoadedConfig['exceptions']) =>
  checkInventory(inventory, { policies, exceptions }, { today: '2026-12-01', target: { planFile: 'plan.json' } });

describe('a shared fix is built from the findings that remain', () => {
  it('an excepted finding adds no rule to the fix the others share', () => {
    const all = run([]);
    const clientsFix = all.findings.find((f) => f.policy === 'backend-allows-clients')?.fix;
    expect(clientsFix?.hcl).toContain('0.0.0.0/0');
    const excepted = run([
      { policy: 'backend-allows-clients', resource: 'web', reason: 'public on purpose', expires: '2027-01-01', index: 0, line: 1 },
    ]);
    expect(excepted.findings.some((f) => f.policy === 'backend-allows-clients')).toBe(false);
    const vipFix = excepted.findings.find((f) => f.policy === 'backend-allows-vip')?.fix;
    expect(vipFix).toBeDefined();
    expect(vipFix?.hcl).not.toContain('0.0.0.0/0');
    expect(vipFix?.hcl).toContain('1.2.3.4');
  });
});
