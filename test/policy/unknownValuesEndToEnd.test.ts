import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/runCli.js';

/**
 * The built-in policies on a create plan whose values are known only after apply, through the
 * CLI: what cannot be decided is reported `unknown` with its reason, never dropped. Each case is
 * the demo (examples/demo) with one value turned into one Terraform cannot know at plan time,
 * in the plan JSON and in main.tf alike.
 */
const repoRoot = join(import.meta.dirname, '..', '..');
const demo = join(repoRoot, 'examples', 'demo');
const emptyConfig = join(repoRoot, 'test', 'e2e', 'empty-config.json');

interface PlanResource {
  address: string;
  change: { after: Record<string, unknown>; after_unknown: Record<string, unknown> };
}
interface Plan {
  resource_changes: PlanResource[];
  configuration: { root_module: { resources: { address: string; expressions: Record<string, unknown> }[] } };
}
interface Finding {
  policy: string;
  status: string;
  resource: string;
  message: string;
  location: { file: string; line: number } | null;
  evidence: { reason?: string }[];
}

/** A reference Terraform cannot resolve at plan time, as `terraform show -json` writes it. */
const ref = (address: string) => ({ references: [address, address.split('.').slice(0, 2).join('.')] });

async function check(name: string, edit: (plan: Plan) => void, tf: [string, string]): Promise<{ code: number; findings: Finding[] }> {
  const dir = mkdtempSync(join(tmpdir(), `clb-guard-unknown-${name}-`));
  const plan = JSON.parse(readFileSync(join(demo, 'plan.json'), 'utf8')) as Plan;
  edit(plan);
  const main = readFileSync(join(demo, 'main.tf'), 'utf8');
  expect(main).toContain(tf[0]);
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
  writeFileSync(join(dir, 'main.tf'), main.replace(tf[0], tf[1]));
  let stdout = '';
  const code = await runCli(['plan', join(dir, 'plan.json'), '--tf-root', dir, '--format', 'json', '--config', emptyConfig], {
    cwd: dir,
    env: {},
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: () => undefined },
  });
  const report = JSON.parse(stdout) as { complete: boolean; findings: Finding[] };
  expect(report.complete).toBe(true);
  return { code, findings: report.findings };
}

const change = (plan: Plan, address: string) => plan.resource_changes.find((r) => r.address === address)!.change;
const expressions = (plan: Plan, address: string) =>
  plan.configuration.root_module.resources.find((r) => r.address === address)!.expressions;

/** The policy's unknown findings, each with its reason in the message and in the evidence. */
function unknownOf(findings: Finding[], policy: string): Finding[] {
  const found = findings.filter((f) => f.policy === policy && f.status === 'unknown');
  for (const f of found) {
    expect(f.message).toMatch(/^Could not decide: \S/);
    expect(f.evidence.some((e) => e.reason !== undefined && e.reason.length > 0)).toBe(true);
  }
  return found;
}

describe('deny-bypassed-by-pass-to-target on a plan with values known only after apply', () => {
  it("the CLB's security groups from a data source: unknown at the backend DROP's line", async () => {
    const { code, findings } = await check(
      'clb-groups',
      (plan) => {
        expressions(plan, 'tencentcloud_clb_instance.admin')['security_groups'] = ref(
          'data.tencentcloud_security_groups.shared.security_groups',
        );
      },
      [
        'security_groups              = [tencentcloud_security_group.admin_clb.id]',
        'security_groups              = data.tencentcloud_security_groups.shared.security_groups[*].security_group_id',
      ],
    );
    expect(code).toBe(1); // the demo's other findings still fail the run; unknowns alone do not
    const [finding, ...more] = unknownOf(findings, 'deny-bypassed-by-pass-to-target');
    expect(more).toEqual([]);
    expect(findings.filter((f) => f.policy === 'deny-bypassed-by-pass-to-target')).toEqual([finding]);
    expect(finding).toMatchObject({ resource: 'tencentcloud_security_group.admin', location: { file: 'main.tf', line: 213 } });
    expect(finding!.message).toContain('the security groups of tencentcloud_clb_instance.admin: ');
    expect(unknownOf(findings, 'lb-sg-allows-listeners').map((f) => f.resource)).toEqual(['tencentcloud_clb_instance.admin']);
  });

  it('the backend port known only after apply: unknown for the backend', async () => {
    const { findings } = await check(
      'target-port',
      (plan) => {
        const after = change(plan, 'tencentcloud_clb_attachment.admin');
        (after.after['targets'] as Record<string, unknown>[])[0]!['port'] = null;
        after.after_unknown['targets'] = [{ instance_id: true, port: true }];
        (expressions(plan, 'tencentcloud_clb_attachment.admin')['targets'] as Record<string, unknown>[])[0]!['port'] =
          ref('random_integer.admin_port.result');
      },
      [
        '    instance_id = tencentcloud_instance.admin.id\n    port        = 8080',
        '    instance_id = tencentcloud_instance.admin.id\n    port        = random_integer.admin_port.result',
      ],
    );
    const [finding, ...more] = unknownOf(findings, 'deny-bypassed-by-pass-to-target');
    expect(more).toEqual([]);
    expect(findings.filter((f) => f.policy === 'deny-bypassed-by-pass-to-target')).toEqual([finding]);
    expect(finding).toMatchObject({ resource: 'tencentcloud_instance.admin' });
    expect(finding!.message).toMatch(/^Could not decide: the backend port: /);
    expect(unknownOf(findings, 'acl-allows-both-directions').map((f) => f.resource)).toEqual(['tencentcloud_instance.admin']);
  });

  it("the DROP's source from a data source: unknown at the DROP's line", async () => {
    const { findings } = await check(
      'drop-source',
      (plan) => {
        const rules = change(plan, 'tencentcloud_security_group_rule_set.admin');
        (rules.after['ingress'] as Record<string, unknown>[])[0]!['cidr_block'] = null;
        (rules.after_unknown['ingress'] as Record<string, unknown>[])[0]!['cidr_block'] = true;
        (expressions(plan, 'tencentcloud_security_group_rule_set.admin')['ingress'] as Record<string, unknown>[])[0]!['cidr_block'] =
          ref('data.external.blocklist.result');
      },
      [
        '    action     = "DROP"\n    cidr_block = "45.33.0.0/16"',
        '    action     = "DROP"\n    cidr_block = data.external.blocklist.result.cidr',
      ],
    );
    const [finding, ...more] = unknownOf(findings, 'deny-bypassed-by-pass-to-target');
    expect(more).toEqual([]);
    expect(findings.filter((f) => f.policy === 'deny-bypassed-by-pass-to-target')).toEqual([finding]);
    expect(finding).toMatchObject({ resource: 'tencentcloud_security_group.admin', location: { file: 'main.tf', line: 213 } });
    expect(finding!.message).toMatch(/^Could not decide: the source of DROP \(unknown\) TCP:8080 is not known: \S/);
  });

  it('the listener port known only after apply: unknown, with the reason, here and in lb-sg-allows-listeners', async () => {
    const { findings } = await check(
      'listener-port',
      (plan) => {
        const listener = change(plan, 'tencentcloud_clb_listener.admin');
        listener.after['port'] = null;
        listener.after_unknown['port'] = true;
        expressions(plan, 'tencentcloud_clb_listener.admin')['port'] = ref('random_integer.admin_port.result');
      },
      [
        'tencentcloud_clb_instance.admin.id\n  listener_name         = "tcp-443"\n  port                  = 443',
        'tencentcloud_clb_instance.admin.id\n  listener_name         = "tcp-443"\n  port                  = random_integer.admin_port.result',
      ],
    );
    const [finding, ...more] = unknownOf(findings, 'deny-bypassed-by-pass-to-target');
    expect(more).toEqual([]);
    expect(findings.filter((f) => f.policy === 'deny-bypassed-by-pass-to-target')).toEqual([finding]);
    expect(finding).toMatchObject({ resource: 'tencentcloud_instance.admin' });
    expect(finding!.message).toMatch(/^Could not decide: the port of tencentcloud_clb_listener.admin: \S/);
    const [listener, ...others] = unknownOf(findings, 'lb-sg-allows-listeners');
    expect(others).toEqual([]);
    expect(listener!.resource).toBe('tencentcloud_clb_listener.admin');
    expect(listener!.message).toMatch(/^Could not decide: the port of tencentcloud_clb_listener.admin: \S/);
  });
});

describe('a rule source that refers to an attribute computed at apply', () => {
  it("terraform_data's output: the reason says it is known after apply, never that no source is set", async () => {
    const { findings } = await check(
      'drop-source-computed',
      (plan) => {
        const rules = change(plan, 'tencentcloud_security_group_rule_set.admin');
        (rules.after['ingress'] as Record<string, unknown>[])[0]!['cidr_block'] = null;
        (rules.after_unknown['ingress'] as Record<string, unknown>[])[0]!['cidr_block'] = true;
        (expressions(plan, 'tencentcloud_security_group_rule_set.admin')['ingress'] as Record<string, unknown>[])[0]!['cidr_block'] =
          ref('terraform_data.blocklist.output');
        // As Terraform plans a new terraform_data: its output is computed, and not written in the configuration.
        (plan.resource_changes as unknown[]).push({
          address: 'terraform_data.blocklist',
          mode: 'managed',
          type: 'terraform_data',
          name: 'blocklist',
          provider_name: 'terraform.io/builtin/terraform',
          change: {
            actions: ['create'],
            before: null,
            after: { input: null, triggers_replace: null },
            after_unknown: { id: true, output: true },
          },
        });
        (plan.configuration.root_module.resources as unknown[]).push({
          address: 'terraform_data.blocklist',
          mode: 'managed',
          type: 'terraform_data',
          name: 'blocklist',
          provider_config_key: 'terraform',
          expressions: {},
          schema_version: 0,
        });
      },
      [
        '    action     = "DROP"\n    cidr_block = "45.33.0.0/16"',
        '    action     = "DROP"\n    cidr_block = terraform_data.blocklist.output',
      ],
    );
    const [finding, ...more] = unknownOf(findings, 'deny-bypassed-by-pass-to-target');
    expect(more).toEqual([]);
    expect(finding!.message).toContain(
      'the source of DROP (unknown) TCP:8080 is not known: terraform_data.blocklist.output: known after apply',
    );
    expect(JSON.stringify(findings)).not.toContain('no peer is set');
  });
});
