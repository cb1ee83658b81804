/**
 * Keeps a plan consistent with edited `.tf` text, as `terraform plan` would after the edit: a
 * `tencentcloud_security_group_rule_set`'s ingress blocks, or a `tencentcloud_vpc_acl`'s list
 * (literal values only), are read from the text and written into the plan's three copies of
 * them — planned values, the resource change, the configuration.
 */
type Json = Record<string, unknown>;

const ENTRY_KEYS = [
  'action',
  'address_template_group',
  'address_template_id',
  'cidr_block',
  'description',
  'ipv6_cidr_block',
  'port',
  'protocol',
  'service_template_group',
  'service_template_id',
  'source_security_id',
];

export function ruleSetIngressFromTf(text: string, name: string): Record<string, string>[] {
  const lines = text.split('\n');
  const start = lines.indexOf(`resource "tencentcloud_security_group_rule_set" "${name}" {`);
  if (start < 0) throw new Error(`no rule set ${name}`);
  const blocks: Record<string, string>[] = [];
  let current: Record<string, string> | undefined;
  for (const line of lines.slice(start + 1)) {
    if (line === '}') break;
    if (/^\s*ingress\s*\{\s*$/.test(line)) current = {};
    else if (/^\s*\}\s*$/.test(line) && current) {
      blocks.push(current);
      current = undefined;
    } else if (current) {
      const attr = /^\s*(\w+)\s*=\s*"([^"]*)"\s*$/.exec(line);
      if (attr === null) throw new Error(`not a literal attribute: ${line}`);
      current[attr[1]!] = attr[2]!;
    }
  }
  return blocks;
}

export function withRuleSetIngress(plan: Json, name: string, ingress: readonly Record<string, string>[]): Json {
  const copy = structuredClone(plan) as Json & {
    planned_values: { root_module: { resources: Json[] } };
    resource_changes: Json[];
    configuration: { root_module: { resources: Json[] } };
  };
  const address = `tencentcloud_security_group_rule_set.${name}`;
  const entries = ingress.map((block) => Object.fromEntries(ENTRY_KEYS.map((k) => [k, block[k] ?? null])));
  const planned = copy.planned_values.root_module.resources.find((r) => r.address === address)!;
  (planned.values as Json).ingress = entries;
  const change = copy.resource_changes.find((r) => r.address === address)!.change as Json;
  (change.after as Json).ingress = entries;
  (change.after_unknown as Json).ingress = entries.map(() => ({ policy_index: true }));
  (change.after_sensitive as Json).ingress = entries.map(() => ({}));
  const config = copy.configuration.root_module.resources.find((r) => r.address === address)!;
  (config.expressions as Json).ingress = ingress.map((block) =>
    Object.fromEntries(Object.entries(block).map(([k, v]) => [k, { constant_value: v }])),
  );
  return copy;
}

export function aclListFromTf(text: string, name: string, direction: 'ingress' | 'egress'): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf(`resource "tencentcloud_vpc_acl" "${name}" {`);
  const open = lines.findIndex((l, i) => i > start && new RegExp(`^\\s*${direction}\\s*=\\s*\\[\\s*$`).test(l));
  const entries: string[] = [];
  for (const line of lines.slice(open + 1)) {
    if (/^\s*\]\s*$/.test(line)) return entries;
    const entry = /^\s*"([^"]*)",?\s*$/.exec(line);
    if (entry === null) throw new Error(`not a literal entry: ${line}`);
    entries.push(entry[1]!);
  }
  throw new Error(`unclosed ${direction} list`);
}

export function withAclList(plan: Json, name: string, direction: 'ingress' | 'egress', entries: readonly string[]): Json {
  const copy = structuredClone(plan) as Json & {
    planned_values: { root_module: { resources: Json[] } };
    resource_changes: Json[];
    configuration: { root_module: { resources: Json[] } };
  };
  const address = `tencentcloud_vpc_acl.${name}`;
  (copy.planned_values.root_module.resources.find((r) => r.address === address)!.values as Json)[direction] = [...entries];
  const change = copy.resource_changes.find((r) => r.address === address)!.change as Json;
  (change.after as Json)[direction] = [...entries];
  (change.after_unknown as Json)[direction] = entries.map(() => false);
  (change.after_sensitive as Json)[direction] = entries.map(() => false);
  const expressions = copy.configuration.root_module.resources.find((r) => r.address === address)!.expressions as Json;
  expressions[direction] = { constant_value: [...entries] };
  return copy;
}
