import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/check/index.js';
import { silentLogger } from '../../src/logging/logger.js';
import { type Emulator, startEmulator } from '../emulator/server.js';
import { type HybridSpec, toHybridAccount, toHybridPlan, toHybridTf } from '../fixtures/hybrid/hybridSpec.js';
import type { ScenarioSpec } from '../fixtures/scenarios/scenarioSpec.js';
import { hybridEnv, today } from './hybridRun.js';

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

/** 250 instances of this workspace, each in a subnet and a group of another's, behind one CLB. */
function estate(n: number): HybridSpec {
  const ids = Array.from({ length: n }, (_, i) => i);
  const live: ScenarioSpec = {
    vpc: { id: 'vpc-main', cidr: '10.0.0.0/8' },
    subnets: ids.map((i) => ({ id: `subnet-s${i}`, cidr: `10.${Math.floor(i / 200) + 1}.${i % 200}.0/24` })),
    groups: ids.map((i) => ({ id: `sg-g${i}`, ingress: ['ACCEPT#10.0.0.0/8#8080#TCP'] })),
    instances: ids.map((i) => ({
      id: `ins-i${i}`,
      subnet: `subnet-s${i}`,
      ip: `10.${Math.floor(i / 200) + 1}.${i % 200}.10`,
      groups: [`sg-g${i}`],
    })),
    clbs: [
      {
        id: 'lb-big',
        network: 'INTERNAL',
        vip: '10.250.0.5',
        listeners: [
          { id: 'lbl-big', protocol: 'TCP', port: 80, healthSource: 0, targets: ids.map((i) => ({ instance: `ins-i${i}`, port: 8080 })) },
        ],
      },
    ],
  };
  return { live, managed: [...live.instances.map((i) => i.id), 'lb-big', 'lbl-big'] };
}

describe('plan --resolve-live at scale', () => {
  it('250 external subnets and groups: each read once, subnets 100 to a call, groups one call each', async () => {
    const spec = estate(250);
    const dir = mkdtempSync(join(tmpdir(), 'clb-guard-hybrid-scale-'));
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(toHybridPlan(spec)));
    writeFileSync(join(dir, 'main.tf'), toHybridTf(spec));
    emulator = await startEmulator({ account: toHybridAccount(spec) });
    const fast = { DescribeSecurityGroupPolicies: 2000, DescribeSubnets: 2000, DescribeVpcs: 2000 };
    const report = await checkPlan({
      cwd: dir,
      logger: silentLogger,
      planFile: 'plan.json',
      today,
      resolveLive: { env: hybridEnv, apiEndpoint: emulator.url, rateLimits: fast },
    });
    expect(Object.fromEntries([...emulator.calls].sort())).toEqual({
      DescribeSecurityGroupPolicies: 250,
      DescribeSubnets: 3,
      DescribeVpcs: 1,
    });
    expect(emulator.log.filter((c) => c.action === 'DescribeSubnets').map((c) => (c.params.SubnetIds as string[]).length)).toEqual([
      100, 100, 50,
    ]);
    expect(
      new Set(emulator.log.filter((c) => c.action === 'DescribeSecurityGroupPolicies').map((c) => c.params.SecurityGroupId)).size,
    ).toBe(250);
    expect(report.resolution?.objects.filter((o) => o.status === 'live')).toHaveLength(501);
    expect(report.findings).toEqual([]);
  }, 60_000);
});
