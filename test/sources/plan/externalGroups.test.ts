import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPlanInventory } from '../../../src/sources/plan/index.js';
import { runPolicy } from '../../policy/runPolicy.js';

const root = join(import.meta.dirname, '..', '..', '..');
const dir = join(root, 'test/fixtures/plans/external-groups');

describe('an instance whose groups are all outside the plan', () => {
  it('is unknown for every group-dependent policy, admin-port-not-public included, with the group named', async () => {
    const inventory = await readPlanInventory({ planFile: join(dir, 'plan.json'), tfRoot: dir, repoRoot: root });
    const web = runPolicy(inventory, undefined).filter((f) => f.resource.startsWith('tencentcloud_instance.web['));
    const byStatus = web.map((f) => `${f.status} ${f.policy} ${f.resource}`).sort();
    expect(byStatus).toEqual(
      ['backend-allows-clients', 'backend-allows-health-check', 'backend-allows-vip', 'admin-port-not-public']
        .flatMap((policy) => [0, 1].map((i) => `unknown ${policy} tencentcloud_instance.web[${i}]`))
        .sort(),
    );
    for (const finding of web) expect(finding.message).toContain('sg-0a1b2c3d (not in this check)');
  });
});
