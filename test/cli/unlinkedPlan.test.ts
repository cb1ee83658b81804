import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/runCli.js';

const repoRoot = join(import.meta.dirname, '..', '..');
const demo = join(repoRoot, 'examples', 'demo');
const emptyConfig = join(repoRoot, 'test', 'e2e', 'empty-config.json');
const RULES = 'tencentcloud_security_group_rule_set.web';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(argv: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    cwd: repoRoot,
    env: {},
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
  });
  return { code, stdout, stderr };
}

type Json = Record<string, unknown>;

/** A path into parsed JSON: `at(plan, 'configuration', 'root_module')`. */
function at(value: unknown, ...path: (string | number)[]): Json {
  let current = value;
  for (const step of path) current = (current as Record<string | number, unknown>)[step];
  return current as Json;
}

const list = (value: unknown): Json[] => value as Json[];

/** The demo plan and its `.tf`, changed by `edit`, in a folder of their own. */
function demoVariant(edit: (plan: Json, tf: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'clb-guard-unlinked-'));
  const plan = JSON.parse(readFileSync(join(demo, 'plan.json'), 'utf8')) as Json;
  const tf = edit(plan, readFileSync(join(demo, 'main.tf'), 'utf8'));
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
  writeFileSync(join(dir, 'main.tf'), tf);
  return join(dir, 'plan.json');
}

const change = (plan: Json, address: string): Json =>
  at(
    list(plan['resource_changes']).find((c) => c['address'] === address),
    'change',
  );
const config = (plan: Json, address: string): Json =>
  at(
    list(at(plan, 'configuration', 'root_module', 'resources')).find((r) => r['address'] === address),
    'expressions',
  );

/** The web rule set names its group through a local that is a splat, which is not evaluated. */
function ruleSetThroughLocal(): string {
  return demoVariant((plan, tf) => {
    config(plan, RULES)['security_group_id'] = { references: ['local.web_sg'] };
    const edited = tf.replace(
      /(resource "tencentcloud_security_group_rule_set" "web" \{\n {2}security_group_id = )tencentcloud_security_group\.web\.id/,
      '$1local.web_sg',
    );
    expect(edited).not.toBe(tf);
    return `${edited}\nlocals {\n  web_sg = one(tencentcloud_security_group.web[*].id)\n}\n`;
  });
}

/** The web rule set's blocks come from `dynamic "ingress"` over a value known only after apply. */
function dynamicRuleSet(): string {
  return demoVariant((plan, tf) => {
    const rules = change(plan, RULES);
    delete at(rules, 'after')['ingress'];
    at(rules, 'after_unknown')['ingress'] = true;
    delete config(plan, RULES)['ingress'];
    const start = tf.indexOf('resource "tencentcloud_security_group_rule_set" "web"');
    const end = tf.indexOf('\n}\n', start) + 3;
    return `${tf.slice(0, start)}resource "tencentcloud_security_group_rule_set" "web" {
  security_group_id = tencentcloud_security_group.web.id

  dynamic "ingress" {
    for_each = terraform_data.rules.output
    content {
      action     = ingress.value.action
      cidr_block = ingress.value.cidr
      protocol   = "TCP"
      port       = ingress.value.port
    }
  }
}
${tf.slice(end)}`;
  });
}

const WEB_BACKENDS = ['tencentcloud_instance.web[0]', 'tencentcloud_instance.web[1]'];

function webBackendFindings(report: Json): { status: string; policy: string; defaultDeny: boolean }[] {
  return list(report['findings'])
    .filter((f) => WEB_BACKENDS.includes(String(f['resource'])) && String(f['policy']).startsWith('backend-allows'))
    .map((f) => ({
      status: String(f['status']),
      policy: String(f['policy']),
      defaultDeny: list(f['evidence']).some((e) => e['defaultDeny'] === true && e['list'] === 'tencentcloud_security_group.web'),
    }));
}

describe('clb-guard plan with a rule set whose group cannot be linked', () => {
  it('exits 2 unless --allow-partial, naming the rule set and saying its checks are not decided', async () => {
    const plan = ruleSetThroughLocal();
    const strict = await cli(['plan', plan, '--config', emptyConfig, '--fail-on', 'never', '--format', 'json']);
    expect(strict.code).toBe(2);
    const exitLine = strict.stderr.split('\n').find((l) => l.startsWith('clb-guard: '));
    expect(exitLine).toContain(`${RULES}: cannot tell which security group these rules belong to`);
    expect(exitLine).toContain('--allow-partial');
    expect(exitLine).not.toContain('deferred');
    const report = JSON.parse(strict.stdout) as Json;
    expect(report['complete']).toBe(false);
    expect(report['incompleteReasons']).toEqual([expect.stringContaining(`${RULES}: cannot tell which security group`)]);
    expect(at(report, 'incompleteReasons', 0)).toContain('the checks it feeds are not decided');
    // The web group is not judged as empty: no "(default deny)" failure from it, unknown instead.
    const web = webBackendFindings(report);
    expect(web.length).toBeGreaterThan(0);
    expect(web.every((f) => f.status === 'unknown' && !f.defaultDeny)).toBe(true);

    const partial = await cli(['plan', plan, '--config', emptyConfig, '--fail-on', 'never', '--allow-partial']);
    expect(partial.code).toBe(0);
  });

  it('text, Markdown and SARIF say why the report is incomplete', async () => {
    const plan = ruleSetThroughLocal();
    const args = ['plan', plan, '--config', emptyConfig, '--fail-on', 'never', '--allow-partial', '--format'];
    const text = (await cli([...args, 'text'])).stdout;
    expect(text).toMatch(/^INCOMPLETE: .*could not be linked/);
    expect(text).toContain(`  - ${RULES}: cannot tell which security group these rules belong to`);
    const markdown = (await cli([...args, 'markdown'])).stdout;
    expect(markdown).toContain('> [!CAUTION]');
    expect(markdown).toMatch(/> - tencentcloud\\?_security\\?_group\\?_rule\\?_set\.web: cannot tell which security group/);
    const sarif = JSON.parse((await cli([...args, 'sarif'])).stdout) as Json;
    const invocation = at(sarif, 'runs', 0, 'invocations', 0);
    expect(invocation['executionSuccessful']).toBe(false);
    const notification = list(invocation['toolExecutionNotifications']).find((n) => at(n, 'descriptor')['id'] === 'incomplete-check');
    expect(at(notification, 'message')['text']).toContain(`${RULES}: cannot tell which security group`);
    const index = Number(at(notification, 'descriptor')['index']);
    expect(at(sarif, 'runs', 0, 'tool', 'driver', 'notifications', index)['id']).toBe('incomplete-check');
  });
});

describe('clb-guard plan with a rule set written as dynamic blocks over a value known only after apply', () => {
  it('judges its group unknown, never by the default deny of an empty group; the plan itself is complete', async () => {
    const run = await cli(['plan', dynamicRuleSet(), '--config', emptyConfig, '--fail-on', 'never', '--format', 'json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Json;
    expect(report['complete']).toBe(true);
    const web = webBackendFindings(report);
    expect(web.length).toBeGreaterThan(0);
    expect(web.every((f) => f.status === 'unknown' && !f.defaultDeny)).toBe(true);
  });
});
