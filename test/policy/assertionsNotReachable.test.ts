import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/check/index.js';
import { silentLogger } from '../../src/logging/logger.js';
import type { Inventory } from '../../src/model/inventory.js';
import type { SecurityGroupRule } from '../../src/model/securityGroup.js';
import { runPolicy, summary } from './runPolicy.js';
import { rule, scenario } from './scenario.js';
import { evaluatePolicies } from '../../src/policy/evaluatePolicies.js';

const id = 'admin-port-not-public';
const repoRoot = join(import.meta.dirname, '..', '..');

/** The scenario's group with extra rules put in front of / after the world-open SSH rule. */
function withRules(before: SecurityGroupRule[], after: SecurityGroupRule[] = []): Inventory {
  const inventory = scenario(['ACCEPT 0.0.0.0/0 TCP 22']).build();
  const sg = inventory.securityGroups.get('sg')!;
  const rules = [...before, ...sg.ingress.rules, ...after];
  (inventory.securityGroups as Map<string, typeof sg>).set('sg', { ...sg, ingress: { rules } });
  return inventory;
}
function onlyRules(rules: SecurityGroupRule[]): Inventory {
  const inventory = scenario([]).build();
  const sg = inventory.securityGroups.get('sg')!;
  (inventory.securityGroups as Map<string, typeof sg>).set('sg', { ...sg, ingress: { rules } });
  return inventory;
}
const templateRule = (action: 'ACCEPT' | 'DROP'): SecurityGroupRule => ({ ...rule(`${action} 0.0.0.0/0 TCP 22`), peer: { kind: 'addressTemplate', ref: 'ipm-notinplan' } });

describe('notReachable (admin-port-not-public) never passes silently', () => {
  it.each([
    ['a port the engine cannot read ("22-x") alone', scenario(['ACCEPT 0.0.0.0/0 TCP 22-x']).build(), ['unknown admin-port-not-public web']],
    ['an out-of-range port ("1-65536") alone', scenario(['ACCEPT 0.0.0.0/0 TCP 1-65536']).build(), ['unknown admin-port-not-public web']],
    ['a rule of unknown source', scenario(['ACCEPT ? TCP 22']).build(), ['unknown admin-port-not-public web']],
    ['a DROP with an unreadable CIDR (0.0.0.0/33) before the open rule', scenario(['DROP 0.0.0.0/33 TCP 22', 'ACCEPT 0.0.0.0/0 TCP 22']).build(), ['unknown admin-port-not-public web']],
    ['a DROP from an address template not in the plan before the open rule', withRules([templateRule('DROP')]), ['unknown admin-port-not-public web']],
    ['an ACCEPT from an address template not in the plan alone', onlyRules([templateRule('ACCEPT')]), ['unknown admin-port-not-public web']],
    ['rules nobody can see in front of the open rule', scenario([]).sg('sg', ['ACCEPT 0.0.0.0/0 TCP 22'], { unknownReason: 'the order is known only after apply' }).build(), ['unknown admin-port-not-public web']],
    ['an unreadable rule after the open rule: still a failure', withRules([], [rule('ACCEPT 0.0.0.0/0 TCP 22-x')]), ['fail admin-port-not-public web']],
    ['an unreadable rule before the open rule that can only ACCEPT: still a failure', withRules([rule('ACCEPT 0.0.0.0/0 TCP 22-x')]), ['fail admin-port-not-public web']],
    ['the same rule written twice: one failure', scenario(['ACCEPT 0.0.0.0/0 TCP 22', 'ACCEPT 0.0.0.0/0 TCP 22']).build(), ['fail admin-port-not-public web']],
    ['a narrow rule with an unreadable port is not "open to the world"', scenario(['ACCEPT 10.0.0.0/8 TCP 22-x']).build(), []],
    ['security groups of the instance unknown', scenario([]).instance('web', { sgs: { unknown: true, reason: 'known after apply' } as never }).build(), ['unknown admin-port-not-public web']],
  ])('%s', (_name, inventory, expected) => {
    const findings = runPolicy(inventory, id);
    expect(summary(findings)).toEqual(expected);
    for (const f of findings.filter((x) => x.status === 'unknown')) {
      expect(f.message).toMatch(/^Could not decide: .+/);
      expect(f.message).not.toContain('{{');
    }
  });

  it('says why it could not decide', () => {
    const [finding] = runPolicy(scenario(['ACCEPT 0.0.0.0/0 TCP 22-x']).build(), id);
    expect(finding!.message).toContain('ACCEPT 0.0.0.0/0 TCP:22-x');
    expect(finding!.evidence[0]).toMatchObject({ verdict: 'unknown' });
  });

  it('the fix names the rule set that holds the rule, its line, and no admin-specific advice of its own', () => {
    const [finding] = runPolicy(scenario(['ACCEPT 0.0.0.0/0 TCP 22']).build(), id);
    expect(finding!.fix?.text).toBe('Narrow the source of, or remove, the ingress block ACCEPT 0.0.0.0/0 TCP:22 in sg_rules (main.tf:100).');
    expect(finding!.fix?.text).not.toContain('adminCidrs');
    // The admin-network advice comes from the policy's own remediation.
    expect(finding!.advice).toContain('params.adminCidrs');
  });
});

describe('admin-port-not-public on a real plan', () => {
  const base = readFileSync(join(repoRoot, 'examples/demo/plan.json'), 'utf8');
  const blank = { action: 'ACCEPT', address_template_group: null, address_template_id: null, cidr_block: null, description: null, ipv6_cidr_block: null, port: null, protocol: 'TCP', service_template_group: null, service_template_id: null, source_security_id: null };
  function variant(extra: readonly Record<string, unknown>[]): string {
    const plan = JSON.parse(base);
    const edit = (after: { ingress: unknown[] }, unknown?: { ingress?: unknown[] }) => {
      for (const e of extra) {
        after.ingress.unshift({ ...blank, ...e });
        unknown?.ingress?.unshift({ policy_index: true });
      }
    };
    for (const rc of plan.resource_changes) if (rc.address === 'tencentcloud_security_group_rule_set.web') edit(rc.change.after, rc.change.after_unknown);
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
  ] as const)('the world-open SSH rule set also holds %s: a finding (%s) on both instances, never silence', async (_name, extra, status) => {
    const dir = mkdtempSync(join(tmpdir(), 'clb-guard-admin-'));
    writeFileSync(join(dir, 'plan.json'), variant(extra));
    const report = await checkPlan({ cwd: dir, logger: silentLogger, planFile: 'plan.json', configFile: join(repoRoot, 'test/e2e/empty-config.json'), today: '2026-11-24' });
    const admin = report.findings.filter((f) => f.policy === id);
    expect([...new Set(admin.map((f) => f.resource))].sort()).toEqual(['tencentcloud_instance.web[0]', 'tencentcloud_instance.web[1]']);
    // An ACCEPT that may match first admits too: the readable world-open rule still fails (an
    // unreadable rule may add an unknown for IPv6). A DROP that may match first makes it unknown.
    expect(admin.filter((f) => f.status === status).map((f) => f.resource).sort()).toEqual(['tencentcloud_instance.web[0]', 'tencentcloud_instance.web[1]']);
  });
});

describe('notReachable through a network ACL, by a rule covering the source', () => {
  const policy = {
    id: 'ssh-not-open-in-acl',
    title: 'SSH is not open to the world in the subnet ACL',
    description: 'd',
    severity: 'warning' as const,
    subject: 'instance' as const,
    assert: { notReachable: { from: ['0.0.0.0/0'], ports: [22], protocol: 'TCP', through: ['networkAcl' as const], byRuleCoveringSource: true } },
    message: 'open: {{admitted}}',
  };
  const run = (ingress: string[]) => {
    const inventory = scenario([]).subnet('subnet', '10.0.1.0/24', { acl: 'acl' }).acl('acl', ingress, ['ACCEPT#0.0.0.0/0#ALL#ALL']).build();
    return evaluatePolicies(inventory, [{ policy, severity: 'warning', params: new Map(), source: 'p.json' }]).findings.map((f) => `${f.status} ${f.resource}`);
  };
  it.each([
    ['a world-open ACL entry is a failure, not a silent pass', ['ACCEPT#0.0.0.0/0#22#TCP'], ['fail acl']],
    ['a narrow entry is not "open to the world"', ['ACCEPT#10.0.0.0/8#22#TCP'], []],
  ])('%s', (_name, ingress, expected) => {
    expect(run(ingress)).toEqual(expected);
  });
});
