import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DEMO_PLAN = join(import.meta.dirname, '..', '..', 'examples', 'demo', 'plan.json');

/** The values `sensitiveDemoPlan` marks sensitive, as they are written in the plan. */
export const DEMO_SECRETS = { description: 'SECRETDESC', instanceName: 'SECRETNAME-0', cidr: '45.33.0.0/16' } as const;

interface Change {
  address: string;
  change: { after: Record<string, unknown>; after_sensitive: Record<string, unknown> };
}

/**
 * The demo plan as `terraform show -json` writes it when the configuration marks values
 * sensitive: the web rule set's DROP rule (its CIDR and a description) and the first web
 * instance's name, in clear in `after` and `true` in `after_sensitive`. `port: true` marks the
 * port of the rule set's first rule (ACCEPT 0.0.0.0/0 TCP:8443) too. `marks: false` writes the
 * same values unmarked, to compare verdicts. Returns the plan file's path (in a fresh folder).
 */
export function sensitiveDemoPlan(options: { marks?: boolean; port?: boolean } = {}): string {
  const plan = JSON.parse(readFileSync(DEMO_PLAN, 'utf8')) as { resource_changes: Change[] };
  const change = (address: string) => plan.resource_changes.find((c) => c.address === address)!.change;
  const rules = change('tencentcloud_security_group_rule_set.web');
  const ingress = rules.after['ingress'] as Record<string, unknown>[];
  ingress[1]!['description'] = DEMO_SECRETS.description;
  const instance = change('tencentcloud_instance.web[0]');
  instance.after['instance_name'] = DEMO_SECRETS.instanceName;
  if (options.marks !== false) {
    const marks = rules.after_sensitive['ingress'] as Record<string, unknown>[];
    marks[1] = { ...marks[1], description: true, cidr_block: true };
    if (options.port) marks[0] = { ...marks[0], port: true };
    instance.after_sensitive['instance_name'] = true;
  }
  const file = join(mkdtempSync(join(tmpdir(), 'clb-guard-sensitive-')), 'plan.json');
  writeFileSync(file, JSON.stringify(plan));
  return file;
}

/** The secrets a text shows, for an assertion that names them. */
export function secretsIn(text: string): string[] {
  return Object.values(DEMO_SECRETS).filter((secret) => text.includes(secret));
}
