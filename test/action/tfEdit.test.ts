import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkPlan } from '../../src/check/index.js';
import { silentLogger } from '../../src/logging/logger.js';
import { fixGroupsOf, type Report } from '../../src/model/finding.js';
import { applyTfEdit, tfEditFor } from '../../src/report/github/tfEdit.js';
import { aclListFromTf, ruleSetIngressFromTf, withAclList, withRuleSetIngress } from './editedPlan.js';

const repoRoot = join(import.meta.dirname, '..', '..');
const fixture = join(repoRoot, 'test/fixtures/suggestions');
const tfText = readFileSync(join(fixture, 'main.tf'), 'utf8');
const plan = JSON.parse(readFileSync(join(fixture, 'plan.json'), 'utf8')) as Record<string, unknown>;

async function check(dir: string): Promise<Report> {
  return checkPlan({
    cwd: dir,
    logger: silentLogger,
    planFile: 'plan.json',
    tfRoot: '.',
    configFile: join(repoRoot, 'test/e2e/empty-config.json'),
  });
}

function workspace(tf: string, planJson: object): string {
  const dir = mkdtempSync(join(tmpdir(), 'clb-guard-edit-'));
  writeFileSync(join(dir, 'main.tf'), tf);
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(planJson));
  return dir;
}

let report: Report;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'clb-guard-edit-'));
  cpSync(fixture, dir, { recursive: true });
  report = await check(dir);
});

const groupFor = (policy: string) => fixGroupsOf(report.findings).find((g) => g.findings.some((f) => f.policy === policy))!;

describe('the fixture pair', () => {
  it('the plan says what the .tf says: regenerating each rule set from the text changes nothing', () => {
    for (const name of ['web', 'api']) expect(withRuleSetIngress(plan, name, ruleSetIngressFromTf(tfText, name))).toEqual(plan);
  });
});

describe('a fix as a .tf edit, and the finding gone after it', () => {
  it('the DROP moved above the ACCEPT that shadows it', async () => {
    const group = groupFor('deny-before-allow');
    const edit = tfEditFor(group, tfText)!;
    expect(edit).toMatchObject({ file: 'main.tf' });
    const after = applyTfEdit(tfText, edit);
    const web = ruleSetIngressFromTf(after, 'web');
    expect(web.map((r) => `${r.action} ${r.cidr_block} ${r.port}`)).toEqual([
      'DROP 45.33.0.0/16 8443',
      'ACCEPT 0.0.0.0/0 8443',
      'ACCEPT 0.0.0.0/0 22',
    ]);
    // The edit replaces exactly the two blocks and the blank line between them.
    expect(edit.original.filter((l) => l.trim() === '')).toHaveLength(1);
    expect(edit.replacement).toHaveLength(edit.original.length);
    const rerun = await check(workspace(after, withRuleSetIngress(plan, 'web', web)));
    const gone = new Set(group.findings.map((f) => f.fingerprint));
    expect(rerun.findings.filter((f) => gone.has(f.fingerprint))).toEqual([]);
    expect(rerun.findings.filter((f) => f.policy === 'deny-before-allow')).toEqual([]);
  });

  it('the missing ACCEPT added to the rule set, indented like its blocks', async () => {
    const group = groupFor('backend-allows-clients');
    const edit = tfEditFor(group, tfText)!;
    expect(edit.replacement.slice(0, 6)).toEqual([
      '  ingress {',
      '    action     = "ACCEPT"',
      '    cidr_block = "172.16.0.0/16"',
      '    protocol   = "TCP"',
      '    port       = "9000"',
      '  }',
    ]);
    const after = applyTfEdit(tfText, edit);
    const rerun = await check(workspace(after, withRuleSetIngress(plan, 'api', ruleSetIngressFromTf(after, 'api'))));
    const gone = new Set(group.findings.map((f) => f.fingerprint));
    expect(group.findings.length).toBeGreaterThan(0);
    expect(rerun.findings.filter((f) => gone.has(f.fingerprint))).toEqual([]);
    // Nothing else changed: the other findings are still there.
    expect(rerun.findings.length).toBe(report.findings.length - group.findings.length);
  });

  it("each edit's diff lines read back as its old and its new lines", () => {
    for (const policy of ['deny-before-allow', 'backend-allows-clients']) {
      const edit = tfEditFor(groupFor(policy), tfText)!;
      expect(edit.diff.filter((l) => !l.startsWith('+')).map((l) => l.slice(1))).toEqual(edit.original);
      expect(edit.diff.filter((l) => !l.startsWith('-')).map((l) => l.slice(1))).toEqual(edit.replacement);
    }
  });

  it('a fix that is not an exact edit (narrowing a rule) has none', () => {
    const group = groupFor('admin-port-not-public');
    expect(group).toBeDefined();
    expect(tfEditFor(group, tfText)).toBeUndefined();
  });

  it('a .tf that no longer declares the resource at that line gets no edit', () => {
    const group = groupFor('deny-before-allow');
    expect(
      tfEditFor(
        group,
        tfText.replace('resource "tencentcloud_security_group_rule_set" "web"', 'resource "tencentcloud_security_group_rule_set" "other"'),
      ),
    ).toBeUndefined();
  });
});

describe('a network ACL list (examples/demo: a stateless ACL without the reply rule)', () => {
  const demo = join(repoRoot, 'examples/demo');
  const demoTf = readFileSync(join(demo, 'main.tf'), 'utf8');
  const demoPlan = JSON.parse(readFileSync(join(demo, 'plan.json'), 'utf8')) as Record<string, unknown>;

  it('gets the missing entry at the head of its list, and the finding is gone after it', async () => {
    expect(withAclList(demoPlan, 'web', 'egress', aclListFromTf(demoTf, 'web', 'egress'))).toEqual(demoPlan);
    const dir = mkdtempSync(join(tmpdir(), 'clb-guard-edit-'));
    cpSync(demo, dir, { recursive: true });
    const before = await check(dir);
    const group = fixGroupsOf(before.findings).find((g) => g.findings.some((f) => f.policy === 'acl-allows-both-directions'))!;
    const edit = tfEditFor(group, demoTf)!;
    expect(edit.diff).toEqual(['   egress = [', '+    "ACCEPT#0.0.0.0/0#1024-65535#TCP",']);
    const after = applyTfEdit(demoTf, edit);
    const rerun = await check(workspace(after, withAclList(demoPlan, 'web', 'egress', aclListFromTf(after, 'web', 'egress'))));
    expect(rerun.findings.filter((f) => f.policy === 'acl-allows-both-directions')).toEqual([]);
    expect(rerun.findings).toHaveLength(before.findings.length - group.findings.length);
  });
});
