import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/check/index.js';
import { silentLogger } from '../../src/logging/logger.js';
import { evaluatePolicies } from '../../src/policy/evaluatePolicies.js';
import { runPolicy } from './runPolicy.js';
import { scenario } from './scenario.js';

const id = 'admin-port-not-public';
const repoRoot = join(import.meta.dirname, '..', '..');

describe('admin-port-not-public on a real plan', () => {
  const base = readFileSync(join(repoRoot, 'examples/demo/plan.json'), 'utf8');
  const blank = {
    action: 'ACCEPT',
    address_template_group: null,
    address_template_id: null,
    cidr_block: null,
    description: null,
    ipv6_cidr_block: null,
    port: null,
    protocol: 'TCP',
    service_template_group: null,
    service_template_id: null,
    source_security_id: null,
  };
  function variant(extra: readonly Record<string, unknown>[]): string {
    const plan = JSON.parse(base);
    const edit = (after: { ingress: unknown[] }, unknown?: { ingress?: unknown[] }) => {
      for (const e of extra) {
        after.ingress.unshift({ ...blank, ...e });
        unknown?.ingress?.unshift({ policy_index: true });
      }
    };
    for (const rc of plan.resource_changes)
      if (rc.address === 'tencentcloud_security_group_rule_set.web') edit(rc.change.after, rc.change.after_unknown);
    const walk = (m: { resources?: { address: string; values: { ingress: unknown[] } }[]; child_modules?: unknown[] }) => {
      for (const r of m.resources ?? []) if (r.address === 'tencentcloud_security_group_rule_set.web') edit(r.values);
    };
    walk(plan.planned_values.root_module);
    return JSON.stringify(plan);
  }
  it.each([
    ['an unreadable port', [{ cidr_block: '0.0.0.0/0', port: '22-x' }], 'fail'],
    ['an out-of-range port', [{ cidr_block: '0.0.0.0/0', port: '1-65536' }], 'fail'],
    ['an unreadable CIDR', [{ cidr_block: '0.0.0.0/33', port: '22' }], 'fail'],
    ['an address template not in the plan', [{ address_template_id: 'ipm-nothere', port: '22' }], 'fail'],
    ['a DROP with an unreadable CIDR', [{ action: 'DROP', cidr_block: '0.0.0.0/33', port: '22' }], 'unknown'],
    ['the SSH rule twice', [{ cidr_block: '0.0.0.0/0', port: '22' }], 'fail'],
  ] as const)(
    'the world-open SSH rule set also holds %s: a finding (%s) on both instances, never silence',
    async (_name, extra, status) => {
      const dir = mkdtempSync(join(tmpdir(), 'clb-guard-admin-'));
      writeFileSync(join(dir, 'plan.json'), variant(extra));
      const report = await checkPlan({
        cwd: dir,
        logger: silentLogger,
        planFile: 'plan.json',
        configFile: join(repoRoot, 'test/e2e/empty-config.json'),
        today: '2026-11-24',
      });
      const admin = report.findings.filter((f) => f.policy === id);
      expect([...new Set(admin.map((f) => f.resource))].sort()).toEqual(['tencentcloud_instance.web[0]', 'tencentcloud_instance.web[1]']);
      // An ACCEPT that may match first admits too: the readable world-open rule still fails (an
      // unreadable rule may add an unknown for IPv6). A DROP that may match first makes it unknown.
      expect(
        admin
          .filter((f) => f.status === status)
          .map((f) => f.resource)
          .sort(),
      ).toEqual(['tencentcloud_instance.web[0]', 'tencentcloud_instance.web[1]']);
    },
  );
});

describe('notReachable through a network ACL, by a rule covering the source', () => {
  const policy = {
    id: 'ssh-not-open-in-acl',
    title: 'SSH is not open to the world in the subnet ACL',
    description: 'd',
    severity: 'warning' as const,
    subject: 'instance' as const,
    assert: {
      notReachable: { from: ['0.0.0.0/0'], ports: [22], protocol: 'TCP', through: ['networkAcl' as const], byRuleCoveringSource: true },
    },
    message: 'open: {{admitted}}',
  };
  const run = (ingress: string[]) => {
    const inventory = scenario([])
      .subnet('subnet', '10.0.1.0/24', { acl: 'acl' })
      .acl('acl', ingress, ['ACCEPT#0.0.0.0/0#ALL#ALL'])
      .build();
    return evaluatePolicies(inventory, [{ policy, severity: 'warning', params: new Map(), source: 'p.json' }]).findings.map(
      (f) => `${f.status} ${f.resource}`,
    );
  };
  it.each([
    ['a world-open ACL entry is a failure, not a silent pass', ['ACCEPT#0.0.0.0/0#22#TCP'], ['fail acl']],
    ['a narrow entry is not "open to the world"', ['ACCEPT#10.0.0.0/8#22#TCP'], []],
  ])('%s', (_name, ingress, expected) => {
    expect(run(ingress)).toEqual(expected);
  });
});

describe('admin-port-not-public: what a finding relates to', () => {
  const related = (ingress: string[]) =>
    runPolicy(
      scenario(['ACCEPT 10.0.0.0/8 TCP 22'])
        .sg('open', ingress)
        .instance('web', { sgs: ['sg', 'open'] })
        .build(),
      id,
    ).map((f) => [f.status, f.resource, f.related]);
  it('a failure names the group whose rule admits, not the instance itself', () => {
    expect(related(['ACCEPT 0.0.0.0/0 TCP 22'])).toEqual([['fail', 'web', ['open']]]);
  });
  it('an unknown names the group whose rule may admit', () => {
    expect(related(['? 0.0.0.0/0 TCP 22'])).toEqual([['unknown', 'web', ['open']]]);
  });
});
