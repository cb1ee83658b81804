import { hash } from 'node:crypto';
import type { AddressSpec } from '../model/address.js';
import type { ApiCall, Fix } from '../model/finding.js';
import type { SourceLocation } from '../model/provenance.js';
import type { SecurityGroup, SecurityGroupRule } from '../model/securityGroup.js';
import { isUnknown } from '../model/value.js';
import { AddressSet } from '../net/addressSet.js';
import type { RuleRef, SymbolicAddress } from '../net/flow.js';
import type { InventoryResolver } from '../net/inventoryResolver.js';
import { describePorts, type PortSet } from '../net/portSet.js';
import { hasPorts, type Protocol } from '../net/protocol.js';

/** A fix before it is rendered: plans with the same `mergeKey` are one change. */
export type FixPlan = AddRulePlan | FixedPlan;

export type FixBody = Omit<Fix, 'id'>;

/** Add a rule to a security group: mergeable, so that one rule can fix several findings. */
export interface AddRulePlan {
  readonly kind: 'addRule';
  readonly mergeKey: string;
  readonly resolver: InventoryResolver;
  readonly groupKey: string;
  readonly group: SecurityGroup | undefined;
  readonly action: 'ACCEPT' | 'DROP';
  readonly protocol: Protocol;
  readonly ports: PortSet;
  readonly sources: FlowSources;
  /** The written rule the new one must precede (the earliest blocking rule); absent: anywhere above a broader DROP. */
  readonly above?: RuleRef;
  /** Put it at the very top (PolicyIndex 0). */
  readonly top?: boolean;
  /** Text after the fix, e.g. an alternative. */
  readonly alternative?: string;
}

/** A change that is the same for every finding it fixes. */
export interface FixedPlan {
  readonly kind: 'fixed';
  readonly mergeKey: string;
  readonly body: FixBody;
}

export interface FlowSources {
  readonly addresses: AddressSet;
  readonly symbols: readonly SymbolicAddress[];
}

function fixId(mergeKey: string): string {
  return hash('sha256', mergeKey, 'hex').slice(0, 12);
}

/** Renders plans that share a merge key as one fix. */
export function renderFixPlans(plans: readonly FixPlan[]): Fix {
  const first = plans[0]!;
  const body = first.kind === 'fixed' ? first.body : renderAddRule(mergeAddRules(plans as readonly AddRulePlan[]));
  return { id: fixId(first.mergeKey), ...body };
}

function mergeAddRules(plans: readonly AddRulePlan[]): AddRulePlan {
  if (plans.length === 1) return plans[0]!;
  let addresses = AddressSet.EMPTY;
  const symbols = new Map<string, SymbolicAddress>();
  let above: RuleRef | undefined;
  for (const plan of plans) {
    addresses = addresses.union(plan.sources.addresses);
    for (const s of plan.sources.symbols) symbols.set(s.id, s);
    if (plan.above !== undefined && (above === undefined || plan.above.index < above.index)) above = plan.above;
  }
  // A symbolic address (a VIP known after apply) inside the concrete sources needs no rule of its own.
  const kept = [...symbols.values()].filter((s) => s.within.isEmpty() || !addresses.covers(s.within));
  return { ...plans[0]!, sources: { addresses, symbols: kept }, ...(above ? { above } : {}) };
}

// --- where rules live --------------------------------------------------------------------

const RULE_SET = 'tencentcloud_security_group_rule_set';
const LITE_RULE = 'tencentcloud_security_group_lite_rule';
const SINGLE_RULE = 'tencentcloud_security_group_rule';

/** `main.tf:83` */
export function at(location: SourceLocation | null | undefined): string {
  return location ? `${location.file}:${location.line}` : '';
}

const atParen = (location: SourceLocation | null | undefined) => (location ? ` (${at(location)})` : '');

interface Holder {
  /** Terraform address of the resource that holds the rules (plan), or the group (live). */
  readonly address: string;
  readonly type: string | undefined;
  readonly location?: SourceLocation;
}

/** The resource that holds a rule: its rule set, lite rule or single rule resource (not the group). */
function holderOfRule(resolver: InventoryResolver, ref: RuleRef): Holder {
  if (resolver.inventory.mode === 'live' || ref.provenance === undefined)
    return { address: ref.list, type: undefined, ...(ref.provenance?.location ? { location: ref.provenance.location } : {}) };
  return {
    address: ref.provenance.address,
    type: ref.provenance.type,
    ...(ref.provenance.location ? { location: ref.provenance.location } : {}),
  };
}

/** Where new ingress rules for a group go: the resource that already holds its rules, last block first. */
function holderOfGroup(
  group: SecurityGroup | undefined,
  key: string,
  mode: 'plan' | 'live',
  direction: 'ingress' | 'egress' = 'ingress',
): Holder | undefined {
  if (mode === 'live') return { address: key, type: undefined };
  const rules = group ? [...group[direction].rules, ...group[direction === 'ingress' ? 'egress' : 'ingress'].rules] : [];
  const holding =
    [...rules].reverse().find((r) => r.provenance.type === RULE_SET || r.provenance.type === LITE_RULE) ??
    rules.find((r) => r.provenance.type === SINGLE_RULE);
  if (holding === undefined) return undefined;
  return {
    address: holding.provenance.address,
    type: holding.provenance.type,
    ...(holding.provenance.location ? { location: holding.provenance.location } : {}),
  };
}

function cloudIdOf(resolver: InventoryResolver, groupKey: string): string {
  const group = resolver.securityGroup(groupKey);
  return group?.provenance.cloudId ?? (resolver.inventory.mode === 'live' ? groupKey : '<security group ID>');
}

// --- adding a rule -------------------------------------------------------------------------

interface Peer {
  /** HCL expression: `"10.0.0.0/8"` or `tencentcloud_clb_instance.web.clb_vips[0]`. */
  readonly hcl: string;
  /** Lite-rule / API text. */
  readonly text: string;
  /** For prose: `the VIP of tencentcloud_clb_instance.web`. */
  readonly label?: string;
  readonly ipv6: boolean;
}

/**
 * Peers for the fix: the whole source set of the flow (admitting what is already admitted again
 * is harmless, and "172.16.0.0/16" reads better than the fragments left by a partial rule), or
 * the CLB's VIP expression when the VIP is known only after apply.
 */
function peersOf(sources: FlowSources, mode: 'plan' | 'live'): Peer[] {
  const peers = new Map<string, Peer>();
  for (const symbol of sources.symbols) {
    if (symbol.id.startsWith('vip:')) {
      const lb = symbol.id.slice(4);
      peers.set(symbol.id, {
        hcl: mode === 'plan' ? `${lb}.clb_vips[0]` : `"<VIP of ${lb}>"`,
        text: `<VIP of ${lb}>`,
        label: `the VIP of ${lb}`,
        ipv6: false,
      });
    } else {
      const text = symbol.within.describe();
      peers.set(symbol.id, { hcl: JSON.stringify(text), text, ipv6: text.includes(':') });
    }
  }
  for (const cidr of sources.addresses.toCidrs().slice(0, 4))
    peers.set(cidr, { hcl: JSON.stringify(cidr), text: cidr, ipv6: cidr.includes(':') });
  return [...peers.values()];
}

export function addRulePlan(
  resolver: InventoryResolver,
  groupRef: string | undefined,
  sources: FlowSources,
  protocol: Protocol,
  ports: PortSet,
  options: { above?: RuleRef; action?: 'ACCEPT' | 'DROP'; top?: boolean; alternative?: string } = {},
): AddRulePlan | undefined {
  if (groupRef === undefined) return undefined;
  const group = resolver.securityGroup(groupRef);
  const groupKey = group?.key ?? groupRef;
  const action = options.action ?? 'ACCEPT';
  return {
    kind: 'addRule',
    mergeKey: `add|${groupKey}|${action}|${protocol}|${ports.intervals.join(';')}|${options.top ? 'top' : ''}|${options.alternative ?? ''}`,
    resolver,
    groupKey,
    group,
    action,
    protocol,
    ports,
    sources,
    ...(options.above ? { above: options.above } : {}),
    ...(options.top ? { top: true } : {}),
    ...(options.alternative ? { alternative: options.alternative } : {}),
  };
}

function renderAddRule(plan: AddRulePlan): FixBody {
  const { resolver, groupKey, group, protocol, ports, action } = plan;
  const mode = resolver.inventory.mode;
  const portText = hasPorts(protocol) ? describePorts(ports) : 'ALL';
  const peers = peersOf(plan.sources, mode);
  const holder = holderOfGroup(group, groupKey, mode);
  const above = plan.above;
  const aboveText = plan.top
    ? 'at the top'
    : above
      ? `above rule ${above.index} (${above.text})${above.provenance?.location ? ` at ${at(above.provenance.location)}` : ''}`
      : 'anywhere above a broader DROP (no rule matches this traffic now)';
  const what = `${peers.length === 1 ? 'a rule' : `${peers.length} rules`} ${action} ${peers.map((p) => p.label ?? p.text).join(', ')} ${protocol}${hasPorts(protocol) ? `:${portText}` : ''}`;
  let text: string;
  let hcl: string | undefined;
  if (mode === 'live' || holder === undefined) {
    text =
      mode === 'live'
        ? `Add ${what} to security group ${groupKey} ${aboveText}.`
        : `Add ${what} to ${groupKey}: it has no rule resource yet, so create a ${RULE_SET} for it:`;
    if (mode === 'plan') hcl = ruleSetResource(groupKey, peers, action, protocol, portText);
  } else if (holder.type === LITE_RULE) {
    text = `Add ${what} to the ingress list of ${holder.address}${atParen(holder.location)}, ${aboveText}:`;
    hcl = [
      `ingress = [`,
      ...peers.map((p) => `  "${action}#${p.text}#${portText}#${protocol}",`),
      `  # … the existing entries, in order …`,
      `]`,
    ].join('\n');
    if (peers.some((p) => p.hcl.startsWith('tencentcloud_'))) hcl = hcl.replace(/"([A-Z]+)#<VIP of ([^>]+)>#/g, '"$1#${$2.clb_vips[0]}#');
  } else if (holder.type === SINGLE_RULE) {
    text = `Add ${what} next to ${holder.address}${atParen(holder.location)} as ${peers.length === 1 ? 'a new' : 'new'} ${SINGLE_RULE}${plan.top || above ? `, ${aboveText} in priority` : ''}:`;
    hcl = peers
      .map((p, i) =>
        singleRuleResource(
          groupKey,
          `${ruleName(groupKey)}_${action.toLowerCase()}_${portText.replace(/\W+/g, '_')}${peers.length > 1 ? `_${i + 1}` : ''}`,
          p,
          action,
          protocol,
          portText,
        ),
      )
      .join('\n\n');
  } else {
    text = `Add ${what} to ${holder.address}${holder.location ? ` (ingress blocks at ${at(holder.location)})` : ''}, ${aboveText}:`;
    hcl = peers.map((p) => ingressBlock(p, action, protocol, portText)).join('\n');
  }
  const api: ApiCall = {
    service: 'vpc',
    action: 'CreateSecurityGroupPolicies',
    request: {
      SecurityGroupId: cloudIdOf(resolver, groupKey),
      SecurityGroupPolicySet: {
        Ingress: peers.map((p) => ({
          ...(plan.top ? { PolicyIndex: 0 } : above ? { PolicyIndex: above.index } : {}),
          Protocol: protocol,
          ...(hasPorts(protocol) ? { Port: portText } : {}),
          ...(p.ipv6 ? { Ipv6CidrBlock: p.text } : { CidrBlock: p.text }),
          Action: action,
        })),
      },
    },
  };
  return {
    text: plan.alternative ? `${text.replace(/:$/, '')} (${plan.alternative}):` : text,
    resource: holder?.address ?? groupKey,
    location: (plan.top ? undefined : above?.provenance?.location) ?? holder?.location ?? group?.provenance.location ?? null,
    ...(hcl !== undefined ? { hcl } : {}),
    api,
    rules: peers.length,
  };
}

function ingressBlock(peer: Peer, action: string, protocol: string, port: string): string {
  const field = peer.ipv6 ? 'ipv6_cidr_block' : 'cidr_block';
  const pad = (name: string) => name.padEnd(peer.ipv6 ? 15 : 10);
  return [
    `ingress {`,
    `  ${pad('action')} = "${action}"`,
    `  ${pad(field)} = ${peer.hcl}`,
    `  ${pad('protocol')} = "${protocol}"`,
    ...(hasPorts(protocol) ? [`  ${pad('port')} = "${port}"`] : []),
    `}`,
  ].join('\n');
}

/** `tencentcloud_security_group.web` → `web`; a cloud ID as it is. */
function ruleName(groupKey: string): string {
  const last = groupKey.split('.').pop() ?? groupKey;
  return last.replace(/\[.*$/, '').replace(/[^A-Za-z0-9_]/g, '_') || 'rules';
}

function groupIdExpression(groupKey: string): string {
  return /^([a-z0-9_]+\.)*tencentcloud_security_group\.[A-Za-z0-9_-]+(\[[^\]]+\])?$/.test(groupKey)
    ? `${groupKey}.id`
    : JSON.stringify(groupKey);
}

function ruleSetResource(groupKey: string, peers: Peer[], action: string, protocol: string, port: string): string {
  const blocks = peers.map((p) =>
    ingressBlock(p, action, protocol, port)
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n'),
  );
  return [
    `resource "${RULE_SET}" "${ruleName(groupKey)}" {`,
    `  security_group_id = ${groupIdExpression(groupKey)}`,
    '',
    ...blocks,
    `}`,
  ].join('\n');
}

function singleRuleResource(groupKey: string, name: string, peer: Peer, action: string, protocol: string, port: string): string {
  return [
    `resource "${SINGLE_RULE}" "${name}" {`,
    `  security_group_id = ${groupIdExpression(groupKey)}`,
    `  type              = "ingress"`,
    `  cidr_ip           = ${peer.hcl}`,
    `  ip_protocol       = "${protocol.toLowerCase()}"`,
    ...(hasPorts(protocol) ? [`  port_range        = "${port}"`] : []),
    `  policy            = "${action.toLowerCase()}"`,
    `}`,
  ].join('\n');
}

// --- network ACLs ----------------------------------------------------------------------------

export function aclFixPlan(
  resolver: InventoryResolver,
  aclKey: string,
  changes: readonly { direction: 'ingress' | 'egress'; ports: PortSet }[],
  sources: FlowSources,
  protocol: Protocol,
): FixedPlan {
  const mode = resolver.inventory.mode;
  const peers = peersOf(sources, mode).map((p) => (p.hcl.startsWith('tencentcloud_') ? { ...p, text: '<VIP>' } : p));
  const portText = (ports: PortSet) => (hasPorts(protocol) ? describePorts(ports) : 'ALL');
  const entries = (d: { ports: PortSet }) => peers.map((p) => `${'ACCEPT'}#${p.text}#${portText(d.ports)}#${protocol}`);
  const acl = resolver.inventory.networkAcls.get(aclKey);
  const location = acl?.provenance.location ?? null;
  const lists = changes.map((c) => `the ${c.direction} list`).join(' and ');
  const hcl = changes
    .map((c) => [`${c.direction} = [`, ...entries(c).map((e) => `  "${e}",`), `  # … the existing entries, in order …`, `]`].join('\n'))
    .join('\n');
  const set: Record<string, unknown> = {};
  for (const c of changes)
    set[c.direction === 'ingress' ? 'Ingress' : 'Egress'] = peers.map((p) => ({
      Protocol: protocol,
      ...(hasPorts(protocol) ? { Port: portText(c.ports) } : {}),
      CidrBlock: p.text,
      Action: 'ACCEPT',
    }));
  return {
    kind: 'fixed',
    mergeKey: `acl|${aclKey}|${protocol}|${changes.map((c) => `${c.direction}:${c.ports.intervals.join(';')}`).join(',')}|${peers.map((p) => p.text).join(',')}`,
    body: {
      text: `Add to ${lists} of ${aclKey}${atParen(location)}, before any DROP that covers it:`,
      resource: aclKey,
      location,
      hcl,
      api: {
        service: 'vpc',
        action: 'CreateNetworkAclEntries',
        request: { NetworkAclId: acl?.provenance.cloudId ?? (mode === 'live' ? aclKey : '<network ACL ID>'), NetworkAclEntrySet: set },
      },
      rules: peers.length * changes.length,
    },
  };
}

// --- moving a DROP up ------------------------------------------------------------------------

/** An API 3.0 policy for a rule as written. */
function apiPolicy(rule: SecurityGroupRule | undefined): Record<string, unknown> {
  if (rule === undefined) return {};
  const out: Record<string, unknown> = {};
  if (rule.service.kind === 'protocol') {
    if (!isUnknown(rule.service.protocol)) out.Protocol = rule.service.protocol.toUpperCase();
    if (!isUnknown(rule.service.ports)) out.Port = rule.service.ports;
  } else
    out.ServiceTemplate = rule.service.kind === 'serviceTemplate' ? { ServiceId: rule.service.ref } : { ServiceGroupId: rule.service.ref };
  const peer: AddressSpec = rule.peer;
  if (peer.kind === 'cidr') out[peer.cidr.includes(':') ? 'Ipv6CidrBlock' : 'CidrBlock'] = peer.cidr;
  else if (peer.kind === 'securityGroup') out.SecurityGroupId = peer.ref;
  else if (peer.kind === 'addressTemplate') out.AddressTemplate = { AddressId: peer.ref };
  else if (peer.kind === 'addressTemplateGroup') out.AddressTemplate = { AddressGroupId: peer.ref };
  if (!isUnknown(rule.action)) out.Action = rule.action;
  return out;
}

function ruleOf(resolver: InventoryResolver, ref: RuleRef): SecurityGroupRule | undefined {
  return resolver.securityGroup(ref.list)?.[ref.direction].rules[ref.index];
}

export function moveDenyFixPlan(
  resolver: InventoryResolver,
  deny: RuleRef,
  shadowing: readonly RuleRef[],
  groupKey: string,
  owners: readonly string[],
): FixedPlan {
  const sameGroup = shadowing.filter((s) => s.list === groupKey).sort((a, b) => a.index - b.index);
  const otherGroups = shadowing.filter((s) => s.list !== groupKey);
  const mode = resolver.inventory.mode;
  const holder = holderOfRule(resolver, deny);
  const lines: string[] = [];
  let api: ApiCall | undefined;
  let location: SourceLocation | null = holder.location ?? null;
  let resource = sameGroup.length > 0 ? holder.address : groupKey;
  const denyAt = holder.location ? ` at ${at(holder.location)}` : '';
  if (sameGroup.length > 0) {
    const accept = sameGroup[0]!;
    const acceptHolder = holderOfRule(resolver, accept);
    const acceptAt = acceptHolder.location ? ` at ${at(acceptHolder.location)}` : '';
    if (mode === 'live')
      lines.push(`Move rule ${deny.index} (${deny.text}) of security group ${groupKey} above rule ${accept.index} (${accept.text}).`);
    else if (holder.type === LITE_RULE)
      lines.push(
        `In ${holder.address}, move the entry for rule ${deny.index} (${deny.text})${denyAt} before the entry for rule ${accept.index} (${accept.text})${acceptAt} in its ingress list.`,
      );
    else if (holder.type === SINGLE_RULE)
      lines.push(
        `Give ${holder.address}${atParen(holder.location)} (${deny.text}) a higher priority than ${acceptHolder.address}${atParen(acceptHolder.location)} (${accept.text}): set policy_index on both so that the DROP comes first.`,
      );
    else
      lines.push(
        `In ${holder.address}, move the ingress block of rule ${deny.index} (${deny.text})${denyAt} above the ingress block of rule ${accept.index} (${accept.text})${acceptAt}.`,
      );
    api = {
      service: 'vpc',
      action: 'CreateSecurityGroupPolicies',
      request: {
        SecurityGroupId: cloudIdOf(resolver, groupKey),
        SecurityGroupPolicySet: { Ingress: [{ PolicyIndex: accept.index, ...apiPolicy(ruleOf(resolver, deny)) }] },
      },
    };
    lines.push(
      `With the API: the call below inserts the DROP at PolicyIndex ${accept.index}; then delete its old copy (now PolicyIndex ${deny.index + 1}) with vpc DeleteSecurityGroupPolicies.`,
    );
  }
  if (otherGroups.length > 0) {
    const reorder = reorderGroupsFix(resolver, groupKey, otherGroups, owners);
    lines.push(
      `An earlier security group on the interface admits it first (${otherGroups.map((s) => `${s.list}: ${s.text}`).join('; ')}): put the DROP in that group above its ACCEPT, or ${reorder.text}`,
    );
    if (sameGroup.length === 0) {
      location = reorder.location;
      resource = reorder.resource ?? groupKey;
      if (reorder.api) api = reorder.api;
    }
  }
  return {
    kind: 'fixed',
    mergeKey: `move|${groupKey}|${deny.direction}|${deny.index}|${shadowing.map((s) => `${s.list}#${s.index}`).join(',')}`,
    body: {
      text: lines.join('\n'),
      resource,
      location,
      ...(api ? { api } : {}),
      rules: 1,
    },
  };
}

// --- the order of an interface's groups ------------------------------------------------------

/**
 * Who holds an interface's ordered group list: the instance for its primary interface (CVM-level
 * groups), the ENI itself for a secondary one, which has its own list and its own API (domain
 * §1.1, §4.0).
 */
interface ListOwner {
  readonly key: string;
  readonly kind: 'instance' | 'eni';
  readonly cloudId: string;
  readonly groups: readonly string[] | undefined;
  readonly location: SourceLocation | null;
}

function listOwnerOf(resolver: InventoryResolver, key: string): ListOwner | undefined {
  const live = resolver.inventory.mode === 'live';
  const instance = resolver.inventory.instances.get(key);
  if (instance !== undefined) {
    const groups = instance.interfaces.find((nic) => nic.primary)?.securityGroups;
    return {
      key,
      kind: 'instance',
      cloudId: instance.provenance.cloudId ?? (live ? key : `<ID of ${key}>`),
      groups: groups === undefined || isUnknown(groups) ? undefined : groups,
      location: instance.provenance.location ?? null,
    };
  }
  const eni = resolver.inventory.networkInterfaces.get(key);
  if (eni === undefined) return undefined;
  return {
    key,
    kind: 'eni',
    cloudId: eni.provenance.cloudId ?? (live ? key : `<ID of ${key}>`),
    groups: isUnknown(eni.securityGroups) ? undefined : eni.securityGroups,
    location: eni.provenance.location ?? null,
  };
}

const namesOf = (owners: readonly ListOwner[]) =>
  `${owners
    .slice(0, 3)
    .map((o) => `${o.key}${atParen(o.location)}`)
    .join(', ')}${owners.length > 3 ? ` and ${owners.length - 3} more` : ''}`;

/** `groups` with `groupKey` moved just before the first of `earlier`: the order that lets its DROP decide. */
function reordered(groups: readonly string[], groupKey: string, earlier: readonly string[]): string[] | undefined {
  const rest = groups.filter((g) => g !== groupKey);
  const first = rest.findIndex((g) => earlier.includes(g));
  if (first < 0 || rest.length === groups.length) return undefined;
  return [...rest.slice(0, first), groupKey, ...rest.slice(first)];
}

/** Where to list the group earlier: each instance's or ENI's own list, and the API that sets it. */
function reorderGroupsFix(
  resolver: InventoryResolver,
  groupKey: string,
  shadowing: readonly RuleRef[],
  ownerKeys: readonly string[],
): { text: string; resource?: string; location: SourceLocation | null; api?: ApiCall } {
  const live = resolver.inventory.mode === 'live';
  const owners = ownerKeys.map((key) => listOwnerOf(resolver, key)).filter((o): o is ListOwner => o !== undefined);
  const instances = owners.filter((o) => o.kind === 'instance');
  const enis = owners.filter((o) => o.kind === 'eni');
  const places: string[] = [];
  if (instances.length > 0)
    places.push(
      live
        ? `the security groups of instance ${namesOf(instances)}`
        : `orderly_security_groups of ${namesOf(instances)} (or the tencentcloud_cvm_security_group_attachment that binds it)`,
    );
  if (enis.length > 0)
    places.push(
      live
        ? `the security groups of ENI ${namesOf(enis)}`
        : `orderly_security_groups of ${namesOf(enis)} (or the tencentcloud_eni_sg_attachment that binds it)`,
    );
  if (places.length === 0) places.push('the ordered security groups of each instance or ENI that binds it');
  const cvm = "cvm ModifyInstancesAttribute sets an instance's whole ordered list";
  const vpc = 'vpc ModifyNetworkInterfaceAttribute (SecurityGroupIds)';
  const api = enis.length === 0 ? cvm : instances.length === 0 ? `${vpc} sets an ENI's whole ordered list` : `${cvm}, ${vpc} an ENI's`;
  const text = `list ${groupKey} before it in ${places.join(', and in ')}. With the API, ${api}.`;
  // One list to change: the call with the whole new order.
  const only = owners.length === 1 ? owners[0]! : undefined;
  const order = only?.groups
    ? reordered(
        only.groups,
        groupKey,
        shadowing.map((s) => s.list),
      )
    : undefined;
  // Each group by its ID, or a placeholder that names it: the order is the point of the call.
  const ids = order?.map((g) => resolver.securityGroup(g)?.provenance.cloudId ?? (live ? g : `<ID of ${g}>`));
  const call: ApiCall | undefined =
    only === undefined || ids === undefined
      ? undefined
      : only.kind === 'instance'
        ? { service: 'cvm', action: 'ModifyInstancesAttribute', request: { InstanceIds: [only.cloudId], SecurityGroups: ids } }
        : {
            service: 'vpc',
            action: 'ModifyNetworkInterfaceAttribute',
            request: { NetworkInterfaceId: only.cloudId, SecurityGroupIds: ids },
          };
  return {
    text,
    ...(only ? { resource: only.key } : {}),
    location: only?.location ?? null,
    ...(call ? { api: call } : {}),
  };
}

// --- narrowing an ACCEPT ---------------------------------------------------------------------

/** Narrow or remove the rules that admit what must not be admitted. */
export function narrowRuleFixPlan(resolver: InventoryResolver, rules: readonly RuleRef[]): FixedPlan {
  // No rule to narrow on an ENI without groups: what it needs is a group.
  const bare = rules.filter((r) => r.kind === 'noGroups');
  if (bare.length > 0) return bindGroupFixPlan(resolver, bare[0]!.list);
  const mode = resolver.inventory.mode;
  const lines = rules.map((rule) => {
    const holder = holderOfRule(resolver, rule);
    if (mode === 'live') return `Narrow or remove rule ${rule.index} (${rule.text}) of security group ${rule.list}.`;
    const what = holder.type === LITE_RULE ? 'entry' : holder.type === SINGLE_RULE ? 'resource' : 'ingress block';
    return `Narrow the source of, or remove, the ${what} ${rule.text} in ${holder.address}${atParen(holder.location)}.`;
  });
  const first = rules[0]!;
  const byGroup = new Map<string, number[]>();
  for (const r of rules) byGroup.set(r.list, [...(byGroup.get(r.list) ?? []), r.index]);
  const [groupKey, indexes] = [...byGroup.entries()][0]!;
  return {
    kind: 'fixed',
    mergeKey: `narrow|${rules.map((r) => `${r.list}#${r.direction}#${r.index}`).join(',')}`,
    body: {
      text: lines.join('\n'),
      resource: holderOfRule(resolver, first).address,
      location: first.provenance?.location ?? null,
      api: {
        service: 'vpc',
        action: 'DeleteSecurityGroupPolicies',
        request: {
          SecurityGroupId: cloudIdOf(resolver, groupKey),
          SecurityGroupPolicySet: { [first.direction === 'ingress' ? 'Ingress' : 'Egress']: indexes.map((i) => ({ PolicyIndex: i })) },
        },
      },
      rules: rules.length,
    },
  };
}

// --- an ENI without groups -------------------------------------------------------------------

/** `tencentcloud_eni.app.id` for an ENI in the plan; its ID as a string otherwise. */
function eniIdExpression(owner: ListOwner): string {
  return /^([a-z0-9_]+\.)*tencentcloud_eni\.[A-Za-z0-9_-]+(\[[^\]]+\])?$/.test(owner.key)
    ? `${owner.key}.id`
    : JSON.stringify(owner.cloudId);
}

/**
 * A secondary ENI with no security group admits all traffic; the fix is to bind one (domain
 * §1.1 [S32]: "it is recommended that a secondary ENI have at least one security group"). Which
 * group is the user's choice: the snippet and the call leave its ID to fill in.
 */
export function bindGroupFixPlan(resolver: InventoryResolver, eniKey: string): FixedPlan {
  const live = resolver.inventory.mode === 'live';
  const owner: ListOwner = listOwnerOf(resolver, eniKey) ?? {
    key: eniKey,
    kind: 'eni',
    cloudId: live ? eniKey : `<ID of ${eniKey}>`,
    groups: [],
    location: null,
  };
  const why = 'with none bound, an ENI admits all traffic';
  const text = live
    ? `Bind a security group that admits only what it serves to ENI ${eniKey}: ${why}.`
    : `Bind a security group that admits only what it serves to ${eniKey}${atParen(owner.location)}: ${why}. List it in the ENI's orderly_security_groups, or bind it with a tencentcloud_eni_sg_attachment:`;
  return {
    kind: 'fixed',
    mergeKey: `bind|${eniKey}`,
    body: {
      text,
      resource: eniKey,
      location: owner.location,
      ...(live
        ? {}
        : {
            hcl: [
              `resource "tencentcloud_eni_sg_attachment" "${ruleName(eniKey)}" {`,
              `  network_interface_ids = [${eniIdExpression(owner)}]`,
              `  security_group_ids    = ["<security group ID>"]`,
              `}`,
            ].join('\n'),
          }),
      api: {
        service: 'vpc',
        action: 'AssociateNetworkInterfaceSecurityGroups',
        request: { NetworkInterfaceIds: [owner.cloudId], SecurityGroupIds: ['<security group ID>'] },
      },
      // It binds a group; it adds or edits no rule.
      rules: 0,
    },
  };
}
