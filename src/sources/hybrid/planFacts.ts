/**
 * What a hybrid check needs from the plan JSON besides its inventory: the region its provider is
 * configured for, the cloud IDs it deletes, and the existing objects it changes (for the blast
 * radius). Read from `resource_changes` and `configuration` as Terraform writes them.
 */
type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** An existing cloud object whose planned version differs from the live one. */
export interface PlannedChange {
  readonly kind: 'securityGroup' | 'networkAcl' | 'loadBalancer';
  /** The cloud ID of the changed object (it exists: the change is not a creation of it). */
  readonly id: string;
  /** The Terraform resources that change it (the rule set, the ACL, the listener…). */
  readonly addresses: readonly string[];
}

export interface PlanFacts {
  /** `region` of the default `tencentcloud` provider, when the plan states it. */
  readonly region?: string;
  /** Cloud IDs of objects the plan deletes (and does not recreate under the same ID). */
  readonly deleted: ReadonlySet<string>;
  readonly changes: readonly PlannedChange[];
}

const GROUP_RULES = new Set([
  'tencentcloud_security_group_rule_set',
  'tencentcloud_security_group_lite_rule',
  'tencentcloud_security_group_rule',
]);
/** What changes how a CLB treats all its backends (an attachment only adds or removes its own). */
const CLB_PARTS = new Set(['tencentcloud_clb_listener', 'tencentcloud_clb_listener_rule', 'tencentcloud_clb_instance']);

export function readPlanFacts(plan: unknown): PlanFacts {
  const root = isObject(plan) ? plan : {};
  const deleted = new Set<string>();
  const changes = new Map<string, { kind: PlannedChange['kind']; id: string; addresses: string[] }>();
  const prior = priorValues(root);
  const note = (kind: PlannedChange['kind'], id: string | undefined, address: string) => {
    if (id === undefined) return;
    const entry = changes.get(`${kind}|${id}`) ?? { kind, id, addresses: [] };
    if (!entry.addresses.includes(address)) entry.addresses.push(address);
    changes.set(`${kind}|${id}`, entry);
  };
  for (const change of Array.isArray(root.resource_changes) ? root.resource_changes : []) {
    if (!isObject(change) || change.mode !== 'managed' || !isObject(change.change)) continue;
    const actions = Array.isArray(change.change.actions) ? change.change.actions : [];
    if (actions.length === 0 || actions.every((a) => a === 'no-op' || a === 'read')) continue;
    const address = text(change.address) ?? '';
    const type = text(change.type) ?? '';
    // The plan reader keeps `before` out of memory; the prior state has the same values.
    const before = isObject(change.change.before) ? change.change.before : prior.get(address);
    const after = isObject(change.change.after) ? change.change.after : undefined;
    const beforeId = text(before?.id);
    if (
      actions.includes('delete') &&
      !actions.includes('create') &&
      beforeId !== undefined &&
      type !== 'tencentcloud_security_group_rule_set' &&
      type !== 'tencentcloud_security_group_lite_rule'
    )
      deleted.add(beforeId);
    // Only objects that exist now have live dependents.
    // A group or CLB created by the plan has no known ID yet (after apply), hence no dependents.
    if (GROUP_RULES.has(type)) note('securityGroup', text(before?.security_group_id) ?? text(after?.security_group_id), address);
    else if (type === 'tencentcloud_vpc_acl') note('networkAcl', beforeId, address);
    else if (CLB_PARTS.has(type))
      note('loadBalancer', type === 'tencentcloud_clb_instance' ? beforeId : (text(before?.clb_id) ?? text(after?.clb_id)), address);
  }
  const region = providerRegion(root);
  return { ...(region !== undefined ? { region } : {}), deleted, changes: [...changes.values()] };
}

/** `prior_state.values`: each resource's values before the change, by address. */
function priorValues(root: Json): Map<string, Json> {
  const out = new Map<string, Json>();
  const visit = (module: unknown) => {
    if (!isObject(module)) return;
    for (const r of Array.isArray(module.resources) ? module.resources : [])
      if (isObject(r) && typeof r.address === 'string' && isObject(r.values)) out.set(r.address, r.values);
    for (const child of Array.isArray(module.child_modules) ? module.child_modules : []) visit(child);
  };
  const prior = isObject(root.prior_state) && isObject(root.prior_state.values) ? root.prior_state.values : undefined;
  visit(prior?.root_module);
  return out;
}

/**
 * `configuration.provider_config.tencentcloud.expressions.region`: a constant, or `var.x` with
 * the plan's value for it.
 */
function providerRegion(root: Json): string | undefined {
  const configuration = isObject(root.configuration) ? root.configuration : {};
  const providers = isObject(configuration.provider_config) ? configuration.provider_config : {};
  const provider = providers.tencentcloud;
  if (!isObject(provider) || !isObject(provider.expressions) || !isObject(provider.expressions.region)) return undefined;
  const region = provider.expressions.region;
  if (text(region.constant_value) !== undefined) return text(region.constant_value);
  const references = Array.isArray(region.references) ? region.references : [];
  const variable = references
    .map((r) => (typeof r === 'string' ? /^var\.([A-Za-z0-9_-]+)$/.exec(r)?.[1] : undefined))
    .find((v) => v !== undefined);
  const variables = isObject(root.variables) ? root.variables : {};
  const entry = variable !== undefined ? variables[variable] : undefined;
  return isObject(entry) ? text(entry.value) : undefined;
}
