import { afterEach, describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/check/index.js';
import { silentLogger } from '../../src/logging/logger.js';
import type { Report } from '../../src/model/finding.js';
import { startEmulator } from '../emulator/server.js';
import { EMPTY_REGION, fixtureAccount, fixtureCopy, hybridCheck, hybridEnv, lastEmulator, stopEmulator, today } from './hybridRun.js';

afterEach(stopEmulator);

const summary = (report: Report) =>
  report.findings.map((f) => `${f.status} ${f.policy} ${f.resource.replace(/^tencentcloud_[a-z_]+\./, '').replace(/_/g, '-')}`).sort();

// The same findings as the whole estate in one plan (test/live/planLiveParity.test.ts).
const IN_ONE_PLAN: Record<string, string[]> = {
  'external-healthy': [],
  'external-udp-health-check': ['fail backend-allows-health-check ins-dns'],
  'external-group-order': ['fail deny-before-allow sg-blocklist'],
  'external-private-acl': ['fail acl-allows-both-directions acl-db'],
  'external-pass-to-target-windows': ['fail admin-port-not-public ins-win'],
  'external-clb': ['fail backend-allows-health-check ins-dns'],
};

describe('plan --resolve-live: what the plan names by ID is read from the account', () => {
  it.each(Object.keys(IN_ONE_PLAN))('%s: the same findings as when everything is in one plan', async (name) => {
    const report = await hybridCheck(name);
    expect(summary(report)).toEqual(IN_ONE_PLAN[name]);
    expect(report.complete).toBe(true);
    expect(report.resolution?.complete).toBe(true);
    expect(report.resolution?.objects.every((o) => o.status === 'live')).toBe(true);
  });
});

describe('plan --resolve-live: the plan wins where both know an object', () => {
  it('a group whose rules the plan reorders is judged in the planned order, not read from the account', async () => {
    const report = await hybridCheck('plan-reorders-rules');
    // Live, the DROP sits after the ACCEPT (deny-before-allow fails); the plan puts it first.
    expect(summary(report)).toEqual([]);
    expect(report.resolution?.objects.map((o) => o.id)).not.toContain('sg-web');
  });

  it('a group the plan deletes is not read: what needs it is unknown, saying the plan deletes it', async () => {
    const report = await hybridCheck('plan-deletes-group');
    expect(report.resolution?.objects.find((o) => o.id === 'sg-blocklist')).toEqual({
      id: 'sg-blocklist',
      kind: 'securityGroup',
      status: 'deletedByPlan',
      reason: 'sg-blocklist is deleted by this plan',
    });
    expect(summary(report)).toEqual([
      'unknown admin-port-not-public ins-web',
      'unknown backend-allows-clients ins-web',
      'unknown backend-allows-vip ins-web',
    ]);
    for (const f of report.findings) expect(f.message).toContain('sg-blocklist is deleted by this plan');
    // Only the group the instance keeps is read.
    expect(
      lastEmulator()
        .log.filter((c) => c.action === 'DescribeSecurityGroupPolicies')
        .map((c) => c.params.SecurityGroupId),
    ).toEqual(['sg-open']);
  });
});

describe('plan --resolve-live: an ID the account does not have', () => {
  it('is a finding-level unknown "sg-… not found in REGION", never a pass, and the run is still complete', async () => {
    const report = await hybridCheck('missing-group');
    expect(report.resolution?.objects.find((o) => o.id === 'sg-ghost')).toMatchObject({
      status: 'notFound',
      reason: 'sg-ghost not found in ap-guangzhou',
    });
    // sg-app decides the CLB's traffic before sg-ghost is reached; the admin ports depend on sg-ghost.
    expect(summary(report)).toEqual(['unknown admin-port-not-public ins-app1']);
    expect(report.findings[0]!.message).toContain('sg-ghost not found in ap-guangzhou');
    expect(report.warnings).toContain('sg-ghost: sg-ghost not found in ap-guangzhou: the checks that depend on it are unknown');
    expect(report.complete).toBe(true);
  });
});

describe('plan --resolve-live: calls', () => {
  it('reads each external object once, in ID batches', async () => {
    const report = await hybridCheck('external-private-acl');
    const log = lastEmulator().log;
    expect(Object.fromEntries([...lastEmulator().calls].sort())).toEqual({
      DescribeNetworkAcls: 1,
      DescribeSecurityGroupPolicies: 1,
      DescribeSubnets: 1,
      DescribeVpcs: 1,
    });
    // Both subnets (the instance's and the CLB's) in one call.
    expect((log.find((c) => c.action === 'DescribeSubnets')!.params.SubnetIds as string[]).sort()).toEqual(['subnet-db', 'subnet-lb']);
    expect(log.find((c) => c.action === 'DescribeNetworkAcls')!.params.NetworkAclIds).toEqual(['acl-db']);
    expect(report.resolution?.calls).toEqual({
      DescribeNetworkAcls: 1,
      DescribeSecurityGroupPolicies: 1,
      DescribeSubnets: 1,
      DescribeVpcs: 1,
    });
    expect(report.resolution?.objects.map((o) => `${o.kind} ${o.id}`).sort()).toEqual([
      'networkAcl acl-db',
      'securityGroup sg-db',
      'subnet subnet-db',
      'subnet subnet-lb',
      'vpc vpc-main',
    ]);
  });

  it('throttling during resolution is retried: the same findings, complete', async () => {
    const report = await hybridCheck('external-group-order', { throttleRate: 0.5, seed: 7 });
    expect(summary(report)).toEqual(IN_ONE_PLAN['external-group-order']);
    expect(report.resolution?.complete).toBe(true);
    const calls = Object.values(report.resolution!.calls).reduce((a, b) => a + b, 0);
    expect(calls).toBeGreaterThan(4);
  });

  it('a call that keeps failing makes the resolution incomplete, and what it was for unknown', async () => {
    const report = await hybridCheck('external-group-order', {
      answers: [
        {
          action: 'DescribeSecurityGroupPolicies',
          kind: 'raw',
          status: 503,
          body: 'busy',
          when: (p) => p.SecurityGroupId === 'sg-blocklist',
        },
      ],
    });
    expect(report.resolution?.complete).toBe(false);
    expect(report.complete).toBe(false);
    expect(report.resolution?.objects.find((o) => o.id === 'sg-blocklist')?.status).toBe('failed');
    expect(report.findings.every((f) => f.status === 'unknown')).toBe(true);
    expect(lastEmulator().calls.get('DescribeSecurityGroupPolicies')).toBe(7); // sg-open once, sg-blocklist six attempts
  });
});

describe('plan --resolve-live: several regions', () => {
  it('an ID not found in the first region is looked for in the next; one the account lacks everywhere names them all', async () => {
    const fixture = fixtureAccount('missing-group');
    const emulator = await startEmulator({ account: { regions: { ...fixture.regions, 'ap-shanghai': EMPTY_REGION } } });
    const report = await checkPlan({
      cwd: fixtureCopy('missing-group'),
      logger: silentLogger,
      planFile: 'plan.json',
      today,
      resolveLive: { env: hybridEnv, apiEndpoint: emulator.url, regions: ['ap-shanghai', 'ap-guangzhou'] },
    });
    await emulator.close();
    expect(report.resolution?.objects.find((o) => o.id === 'sg-app')?.status).toBe('live');
    expect(report.resolution?.objects.find((o) => o.id === 'sg-ghost')?.reason).toBe('sg-ghost not found in ap-shanghai, ap-guangzhou');
    expect(report.resolution?.complete).toBe(true);
    expect(summary(report)).toEqual(['unknown admin-port-not-public ins-app1']);
  });
});

describe('plan --resolve-live: single rules the plan writes into a group outside it', () => {
  it('rules already applied: the group is its live rules, and their order is judged', async () => {
    const report = await hybridCheck('single-rule-applied');
    expect(summary(report)).toEqual(['fail deny-before-allow sg-web']);
  });

  it('a new rule: its place among the live rules is not in the plan, so what depends on the order is unknown, saying so', async () => {
    const report = await hybridCheck('single-rule-new');
    expect(summary(report)).toEqual([
      'unknown admin-port-not-public ins-web',
      'unknown backend-allows-clients ins-web',
      'unknown backend-allows-vip ins-web',
      'unknown deny-before-allow sg-web',
    ]);
    for (const f of report.findings)
      expect(f.message).toContain("where the provider inserts the plan's new rules among the live rules of sg-web cannot be told");
  });
});

describe('plan --resolve-live: targets registered by ENI IP', () => {
  it('the ENI holding the IP is read by address-ip, with its own groups, and judged', async () => {
    const report = await hybridCheck('external-eni-target');
    expect(summary(report)).toEqual(['fail backend-allows-health-check eni-dns2', 'fail backend-allows-health-check ins-dns']);
    const eni = report.findings.find((f) => f.resource === 'eni-dns2')!;
    expect(eni.message).toContain('probes to port 5353');
    expect(
      lastEmulator()
        .log.filter((c) => c.action === 'DescribeNetworkInterfaces')
        .map((c) => c.params.Filters),
    ).toEqual([[{ Name: 'address-ip', Values: ['10.20.2.30'] }]]);
    expect(
      lastEmulator()
        .log.filter((c) => c.action === 'DescribeSecurityGroupPolicies')
        .map((c) => c.params.SecurityGroupId)
        .sort(),
    ).toEqual(['sg-dns', 'sg-eni']);
    // A live object has no .tf line, and that is not a wrong --tf-root.
    expect(report.warnings.filter((w) => w.includes('no .tf line'))).toEqual([]);
  });

  it('an IP no interface holds: the target is unknown, and a warning names the regions searched', async () => {
    const account = fixtureAccount('external-eni-target');
    const region = account.regions['ap-guangzhou']!;
    const report = await hybridCheck('external-eni-target', undefined, {
      account: { regions: { 'ap-guangzhou': { ...region, networkInterfaces: [] } } },
    });
    expect(report.findings.find((f) => f.status === 'unknown' && f.message.includes('no interface with IP 10.20.2.30'))).toBeDefined();
    expect(report.warnings).toContain(
      '10.20.2.30: no interface in ap-guangzhou holds 10.20.2.30, a CLB target: the checks of that target are unknown',
    );
  });
});

describe("plan --resolve-live: answers that break the API's shape", () => {
  it('an object listed without its ID is a failed read, never "not found"', async () => {
    const report = await hybridCheck('external-private-acl', {
      answers: [{ action: 'DescribeSubnets', kind: 'dropItemField', field: 'SubnetSet', itemField: 'SubnetId' }],
    });
    expect(report.resolution?.objects.filter((o) => o.kind === 'subnet').map((o) => o.status)).toEqual(['failed', 'failed']);
    expect(report.resolution?.complete).toBe(false);
    expect(report.warnings.some((w) => w.includes('DescribeSubnets listed an object without "SubnetId"'))).toBe(true);
  });
});
