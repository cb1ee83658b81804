import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkPlan, exitCodeFor } from '../../src/check/index.js';
import { silentLogger } from '../../src/logging/logger.js';
import type { Report } from '../../src/model/finding.js';
import type { Account } from '../emulator/accountFixture.js';
import { startEmulator } from '../emulator/server.js';
import { type HybridSpec, toHybridAccount, toHybridPlan, toHybridTf } from '../fixtures/hybrid/hybridSpec.js';
import { hybridCheck, hybridEnv, lastEmulator, stopEmulator, today } from './hybridRun.js';

afterEach(stopEmulator);

const LITE_RULE = 'tencentcloud_security_group_lite_rule.sg_shared_rules';

describe('blast radius: a shared group the plan changes is judged on the live backends outside the plan', () => {
  it('a PR that removes an ACCEPT from a shared group breaks the health checks of a backend behind another CLB: located on the change', async () => {
    const report = await hybridCheck('blast-radius');
    const caused = report.findings.filter((f) => f.outsidePlan !== undefined && !f.outsidePlan.preexisting);
    expect(caused.map((f) => `${f.status} ${f.policy} ${f.resource}`)).toEqual(['fail backend-allows-health-check ins-other']);
    const finding = caused[0]!;
    // main.tf line 17: resource "tencentcloud_security_group_lite_rule" "sg_shared_rules"
    expect(finding.location).toMatchObject({ file: 'main.tf', line: 17 });
    expect(finding.outsidePlan).toEqual({
      change: [LITE_RULE],
      changed: 'sg-shared',
      backend: 'ins-other',
      loadBalancers: ['lb-other'],
      consoleUrls: [
        'https://console.cloud.tencent.com/cvm/instance/detail?rid=ap-guangzhou&id=ins-other',
        'https://console.cloud.tencent.com/clb/detail?rid=ap-guangzhou&id=lb-other',
      ],
      preexisting: false,
    });
    expect(finding.message).toContain('probes to port 8081');
    expect(finding.message).toContain(
      `Caused by this plan's change to sg-shared (${LITE_RULE}): it breaks live ins-other behind lb-other, outside this plan.`,
    );
    expect([...report.resolution!.dependents].sort()).toEqual(['ins-old', 'ins-other']);
    // The plan's own backend behind its own CLB is fine with the planned group.
    expect(report.findings.filter((f) => f.outsidePlan === undefined)).toEqual([]);
    expect(exitCodeFor(report, 'error')).toBe(1);
  });

  it('what a live backend fails with the live group too is pre-existing: reported, not blamed on the PR, not failing it', async () => {
    const report = await hybridCheck('blast-radius');
    const preexisting = report.findings.filter((f) => f.outsidePlan?.preexisting === true);
    expect(preexisting.map((f) => `${f.status} ${f.policy} ${f.resource}`).sort()).toEqual([
      'fail backend-allows-clients ins-old',
      'fail backend-allows-health-check ins-old',
      'fail backend-allows-vip ins-old',
    ]);
    for (const f of preexisting) {
      expect(f.location).toBeNull();
      expect(f.message).toContain('pre-existing on live ins-old behind lb-old');
    }
  });

  it('a change that breaks nothing leaves only pre-existing findings: exit 0, 1 with --fail-on-preexisting', async () => {
    const report = await hybridCheck('blast-radius-preexisting');
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.findings.every((f) => f.outsidePlan?.preexisting === true && f.resource === 'ins-old')).toBe(true);
    expect(exitCodeFor(report, 'error')).toBe(0);
    expect(exitCodeFor(report, 'error', { failOnPreexisting: true })).toBe(1);
  });

  it("reads the dependents by security-group-id and their CLBs by backend IP, each once; the plan's own CLB is not read", async () => {
    await hybridCheck('blast-radius');
    const log = lastEmulator().log;
    const members = log.filter((c) => c.action === 'DescribeInstances');
    expect(members.map((c) => c.params.Filters)).toEqual([[{ Name: 'security-group-id', Values: ['sg-shared'] }]]);
    expect(log.filter((c) => c.action === 'DescribeNetworkInterfaces').map((c) => c.params.Filters)).toEqual([
      [{ Name: 'groups.security-group-id', Values: ['sg-shared'] }],
    ]);
    const byBackend = log.filter((c) => c.action === 'DescribeLoadBalancers' && c.params.BackendPrivateIps !== undefined);
    expect(byBackend.map((c) => (c.params.BackendPrivateIps as string[]).sort())).toEqual([['10.20.6.10', '10.20.6.20']]);
    expect(
      log
        .filter((c) => c.action === 'DescribeListeners')
        .map((c) => c.params.LoadBalancerId)
        .sort(),
    ).toEqual(['lb-old', 'lb-other']);
    expect(log.filter((c) => c.action === 'DescribeSecurityGroupPolicies').map((c) => c.params.SecurityGroupId)).toEqual(['sg-shared']);
    expect(Object.fromEntries([...lastEmulator().calls].sort())).toEqual({
      DescribeInstances: 1,
      DescribeListeners: 2,
      DescribeLoadBalancers: 2,
      DescribeNetworkInterfaces: 1,
      DescribeSecurityGroupPolicies: 1,
      DescribeSubnets: 1,
      DescribeTargets: 2,
      DescribeVpcs: 1,
    });
  });
});

describe('blast radius: a network ACL the plan changes is judged on the live backends in its other subnets', () => {
  it("dropping an ACL entry breaks a backend in another workspace's subnet behind its CLB: on the ACL's line, naming both", async () => {
    const report = await hybridCheck('blast-radius-acl');
    expect(report.findings.map((f) => `${f.status} ${f.policy} ${f.resource}`)).toEqual([
      'fail acl-allows-both-directions tencentcloud_vpc_acl.acl_shared',
    ]);
    const finding = report.findings[0]!;
    expect(finding.location).toMatchObject({ file: 'main.tf', line: 16 });
    expect(finding.outsidePlan).toMatchObject({
      change: ['tencentcloud_vpc_acl.acl_shared'],
      changed: 'acl-shared',
      backend: 'ins-b',
      loadBalancers: ['lb-b'],
      preexisting: false,
    });
    expect(finding.message).toContain(
      "Caused by this plan's change to acl-shared (tencentcloud_vpc_acl.acl_shared): it breaks live ins-b behind lb-b, outside this plan.",
    );
    // The subnets behind the ACL come with it; their members are read by subnet-id, once.
    const log = lastEmulator().log;
    expect(log.filter((c) => c.action === 'DescribeInstances').map((c) => c.params.Filters)).toEqual([
      [{ Name: 'subnet-id', Values: ['subnet-a', 'subnet-b'] }],
    ]);
    expect(log.filter((c) => c.action === 'DescribeNetworkAcls').map((c) => c.params.NetworkAclIds)).toEqual([['acl-shared']]);
    expect(exitCodeFor(report, 'error')).toBe(1);
  });
});

describe('blast radius: a CLB listener the plan changes is judged on the live targets the plan does not register', () => {
  it("moving the health check to a port the group does not admit breaks a hand-registered backend too: on the listener's line", async () => {
    const report = await hybridCheck('blast-radius-clb');
    expect(report.findings.map((f) => `${f.status} ${f.policy} ${f.resource}`)).toEqual([
      'fail backend-allows-health-check ins-ext',
      'fail backend-allows-health-check tencentcloud_instance.ins_web',
    ]);
    const outside = report.findings.find((f) => f.resource === 'ins-ext')!;
    expect(outside.location).toMatchObject({ file: 'main.tf', line: 25 });
    expect(outside.outsidePlan).toMatchObject({
      change: ['tencentcloud_clb_listener.lbl_web'],
      changed: 'lb-web',
      backend: 'ins-ext',
      loadBalancers: ['lb-web'],
      preexisting: false,
    });
    expect(outside.message).toContain('probes to port 8090');
    // The plan's own backend is an ordinary finding of the plan.
    expect(report.findings.find((f) => f.resource === 'tencentcloud_instance.ins_web')!.outsidePlan).toBeUndefined();
    expect(report.resolution?.dependents).toEqual(['ins-ext']);
    expect(
      lastEmulator()
        .log.filter((c) => c.action === 'DescribeInstances')
        .map((c) => c.params.InstanceIds),
    ).toEqual([['ins-ext']]);
  });
});

/** Two shared groups the plan changes, each protecting one backend of the same CLB outside the plan. */
const twoGroupsOneClb = (plannedB: string[], order: readonly string[] = ['sg-a', 'sg-b']): HybridSpec => ({
  live: {
    vpc: { id: 'vpc-main', cidr: '10.20.0.0/16' },
    subnets: [
      { id: 'subnet-a', cidr: '10.20.1.0/24' },
      { id: 'subnet-lb', cidr: '10.20.9.0/24' },
    ],
    // The plan lists the changes in this order.
    groups: order.map((id) => ({ id, ingress: [id === 'sg-a' ? 'ACCEPT#10.20.0.0/16#8080#TCP' : 'ACCEPT#10.20.0.0/16#8081#TCP'] })),
    instances: [
      { id: 'ins-1', subnet: 'subnet-a', ip: '10.20.1.10', groups: ['sg-a'] },
      { id: 'ins-2', subnet: 'subnet-a', ip: '10.20.1.20', groups: ['sg-b'] },
    ],
    clbs: [
      {
        id: 'lb-x',
        network: 'INTERNAL',
        vip: '10.20.9.5',
        subnet: 'subnet-lb',
        listeners: [
          {
            id: 'lbl-x',
            protocol: 'TCP',
            port: 80,
            healthSource: 0,
            targets: [
              { instance: 'ins-1', port: 8080 },
              { instance: 'ins-2', port: 8081 },
            ],
          },
        ],
      },
    ],
  },
  managed: [],
  rulesOf: { 'sg-a': ['ACCEPT#10.20.0.0/16#8080#TCP', 'ACCEPT#10.20.0.0/16#22#TCP'], 'sg-b': plannedB },
});

async function checkSpec(spec: HybridSpec, edit: (account: Account) => void = () => {}): Promise<Report> {
  const dir = mkdtempSync(join(tmpdir(), 'clb-guard-blast-'));
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(toHybridPlan(spec)));
  writeFileSync(join(dir, 'main.tf'), toHybridTf(spec));
  const account = toHybridAccount(spec);
  edit(account);
  const emulator = await startEmulator({ account });
  try {
    return await checkPlan({
      cwd: dir,
      logger: silentLogger,
      planFile: 'plan.json',
      today,
      resolveLive: { env: hybridEnv, apiEndpoint: emulator.url },
    });
  } finally {
    await emulator.close();
  }
}

describe('blast radius: several changes reaching the same live CLB', () => {
  it.each([[['sg-a', 'sg-b']], [['sg-b', 'sg-a']]])(
    "changes in the order %j: each change's backend behind the shared CLB is judged there",
    async (order) => {
      // sg-b's planned rules no longer admit 8081: ins-2 behind lb-x loses its clients and health checks.
      const report = await checkSpec(twoGroupsOneClb(['ACCEPT#10.20.0.0/16#9999#TCP'], order));
      const caused = report.findings.filter((f) => f.outsidePlan !== undefined && !f.outsidePlan.preexisting);
      expect(caused.map((f) => `${f.status} ${f.policy} ${f.resource} ${f.outsidePlan?.changed} ${f.outsidePlan?.loadBalancers}`)).toEqual([
        'fail backend-allows-clients ins-2 sg-b lb-x',
        'fail backend-allows-health-check ins-2 sg-b lb-x',
        'fail backend-allows-vip ins-2 sg-b lb-x',
      ]);
      expect([...report.resolution!.dependents].sort()).toEqual(['ins-1', 'ins-2']);
    },
  );
});

describe('blast radius: a changed object the account does not have', () => {
  it('is not skipped: its dependents are not known, said with the reason, and the resolution is incomplete', async () => {
    const report = await checkSpec(twoGroupsOneClb(['ACCEPT#10.20.0.0/16#8081#TCP', 'ACCEPT#10.20.0.0/16#22#TCP']), (account) => {
      delete account.regions['ap-guangzhou']!.securityGroupPolicies['sg-b'];
    });
    expect(report.resolution?.complete).toBe(false);
    expect(report.resolution?.objects.find((o) => o.id === 'sg-b')).toMatchObject({ status: 'notFound' });
    expect(report.warnings.some((w) => w.includes('sg-b') && w.includes('not found in ap-guangzhou') && w.includes('changes'))).toBe(true);
  });
});
