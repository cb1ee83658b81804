import type { AddressSpec, ServiceSpec } from '../../model/address.js';
import type { Ref } from '../../model/network.js';
import type { Provenance } from '../../model/provenance.js';
import type { Direction, RuleAction, RuleList, SecurityGroup, SecurityGroupRule } from '../../model/securityGroup.js';
import { isUnknown, type Maybe, unknown } from '../../model/value.js';
import type { PathStep } from '../../terraform/attributePath.js';
import type { PlanResource } from '../../terraform/planResources.js';
import { formatResource, parseTraversal } from '../../terraform/terraformAddress.js';
import { AFTER_APPLY, type AttributeState, UNKNOWN_WITHOUT_CONFIG } from './attributeState.js';
import { someOf } from './messageList.js';
import type { PlanContext } from './planContext.js';
import type { ResourceView } from './resourceView.js';
import { type PeerField, peerOfItems, peerOfState, portsOfState, protocolOfState, templateService } from './rulePeer.js';
import { readRuleStrings } from './ruleStringList.js';
import { peerOfText, type RuleField, ruleAction, serviceOfText } from './ruleStrings.js';

const DIRECTIONS: readonly Direction[] = ['ingress', 'egress'];

type RuleSource = { readonly kind: 'ruleSet' | 'liteRule' | 'singleRule'; readonly view: ResourceView };

interface GroupDraft {
  readonly key: Ref;
  readonly name?: string;
  readonly provenance: Provenance;
  /** Created by this plan: with no rule resource it has no rules at all. */
  readonly created: boolean;
  /** Not a resource of the plan: only its rules are (an external group managed by ID). */
  readonly external: boolean;
  readonly sources: RuleSource[];
}

/**
 * Security groups and their ordered rules. A group's rules come from one exclusive manager
 * (`_rule_set` with ordered blocks, or `_lite_rule` strings) or from single `_security_group_rule`
 * resources ordered by `policy_index`. `tencentcloud_security_group` itself has no rule
 * attributes in the provider schema.
 */
export function readSecurityGroups(context: PlanContext): Map<Ref, SecurityGroup> {
  const drafts = new Map<Ref, GroupDraft>();
  for (const resource of context.resources.ofType('tencentcloud_security_group')) {
    const view = context.view(resource);
    const name = view.string(['name']);
    drafts.set(resource.address, {
      key: resource.address,
      ...(typeof name === 'string' ? { name } : {}),
      provenance: context.provenance(resource),
      created: resource.created,
      external: false,
      sources: [],
    });
  }
  // Rule resources whose group cannot be told: any group may be theirs.
  const unlinked: string[] = [];
  const attach = (resource: PlanResource, kind: RuleSource['kind']) => {
    const view = context.view(resource);
    const group = view.link(['security_group_id']);
    if (group === null || isUnknown(group)) {
      context.unlinked(
        resource,
        `cannot tell which security group these rules belong to (${group === null ? 'security_group_id is not set' : group.reason}), so the rules of every security group of the plan may differ`,
      );
      unlinked.push(resource.address);
      return;
    }
    let draft = drafts.get(group);
    if (draft === undefined) {
      // Rules of a group outside the plan, written by ID: the group is known only through them.
      const location = context.location(resource);
      draft = {
        key: group,
        provenance: { address: group, ...(location ? { location } : {}) },
        created: false,
        external: true,
        sources: [],
      };
      drafts.set(group, draft);
    }
    draft.sources.push({ kind, view });
  };
  for (const resource of context.resources.ofType('tencentcloud_security_group_rule_set')) attach(resource, 'ruleSet');
  for (const resource of context.resources.ofType('tencentcloud_security_group_lite_rule')) attach(resource, 'liteRule');
  for (const resource of context.resources.ofType('tencentcloud_security_group_rule')) attach(resource, 'singleRule');

  const groups = new Map<Ref, SecurityGroup>();
  const maybeTheirs =
    unlinked.length === 0 ? undefined : `the rules of ${someOf(unlinked)}, whose security group cannot be told, may be this group's`;
  for (const draft of drafts.values()) {
    const lists = rulesOf(context, draft);
    groups.set(draft.key, {
      key: draft.key,
      ...(draft.name !== undefined ? { name: draft.name } : {}),
      ingress: withUnknownReason(lists.ingress, maybeTheirs),
      egress: withUnknownReason(lists.egress, maybeTheirs),
      provenance: draft.provenance,
    });
  }
  return groups;
}

/**
 * A list that may be missing rules (or have others in their place) is not judged as if whole:
 * its checks are unknown, and never fall to the default deny.
 */
function withUnknownReason(list: RuleList, reason: string | undefined): RuleList {
  if (reason === undefined || list.unknownReason !== undefined) return list;
  return { rules: list.rules, unknownReason: reason };
}

function rulesOf(context: PlanContext, draft: GroupDraft): Record<Direction, RuleList> {
  const exclusive = draft.sources.filter((s) => s.kind !== 'singleRule');
  const singles = draft.sources.filter((s) => s.kind === 'singleRule');
  if (draft.sources.length === 0) {
    if (draft.created) return { ingress: { rules: [] }, egress: { rules: [] } };
    const reason = `the rules of ${draft.key} are not managed in this configuration`;
    return { ingress: { rules: [], unknownReason: reason }, egress: { rules: [], unknownReason: reason } };
  }
  if (exclusive.length > 1 || (exclusive.length === 1 && singles.length > 0)) {
    const names = someOf(draft.sources.map((s) => s.view.address));
    const reason = `the rules of ${draft.key} are written by several resources (${names}); the result depends on the order they are applied`;
    context.warn(draft.key, `${reason}: a rule set or lite rule replaces every rule of the group`);
    const first = exclusive[0]!;
    const lists = first.kind === 'ruleSet' ? readRuleSet(context, first.view) : readLiteRule(context, first.view);
    return { ingress: { rules: lists.ingress.rules, unknownReason: reason }, egress: { rules: lists.egress.rules, unknownReason: reason } };
  }
  if (exclusive.length === 1) {
    const only = exclusive[0]!;
    const lists = only.kind === 'ruleSet' ? readRuleSet(context, only.view) : readLiteRule(context, only.view);
    return lists;
  }
  const partial = draft.external ? `other rules of ${draft.key} are not in this plan` : undefined;
  const lists = orderSingleRules(
    context,
    singles.map((s) => s.view),
  );
  if (partial === undefined) return lists;
  return {
    ingress: { rules: lists.ingress.rules, unknownReason: lists.ingress.unknownReason ?? partial },
    egress: { rules: lists.egress.rules, unknownReason: lists.egress.unknownReason ?? partial },
  };
}

/** `tencentcloud_security_group_rule_set`: ordered `ingress`/`egress` blocks, first = highest priority. */
function readRuleSet(context: PlanContext, view: ResourceView): Record<Direction, RuleList> {
  const result = {} as Record<Direction, RuleList>;
  const block = context.sourceBlock(view.resource);
  for (const direction of DIRECTIONS) {
    const state = writtenBlocks(view, direction);
    if (state.state === 'unset') {
      result[direction] = { rules: [] };
      continue;
    }
    if (state.state === 'unknown' || !Array.isArray(state.value)) {
      if (state.state === 'set') context.warn(view.resource, `${direction}: expected a list of rule blocks`);
      result[direction] = {
        rules: [],
        unknownReason:
          state.state === 'unknown'
            ? `${direction} of ${view.address}: ${AFTER_APPLY}`
            : `${direction} of ${view.address} has an unexpected shape`,
      };
      continue;
    }
    // Each rule's own line: the i-th static block, unless `dynamic` blocks make the count meaningless.
    const written = block?.block.blocks.filter((b) => b.type === direction) ?? [];
    const dynamic = block?.block.blocks.some((b) => b.type === 'dynamic' && b.labels[0] === direction) ?? false;
    const lines = !dynamic && written.length === state.value.length ? written : undefined;
    result[direction] = {
      rules: state.value.map((_, index) => {
        const own = lines?.[index];
        const location = own !== undefined && block !== undefined ? context.sources.location(block.file, own.line, own.endLine) : undefined;
        const path = context.shared.elementPath(direction, index);
        return ruleSetEntry(context, view, direction, index, context.provenance(view.resource, location ? { path, location } : { path }));
      }),
    };
  }
  return result;
}

/**
 * A rule set's blocks of one direction. The provider plans blocks that are not written as `[]`,
 * so a list wholly unknown is written, by a `dynamic` block over a collection known only after
 * apply: unknown even when the `.tf` source that says `dynamic` was not found.
 */
function writtenBlocks(view: ResourceView, direction: Direction): AttributeState {
  const state = view.attribute([direction]);
  const unknownTree = view.resource.unknown;
  const wholeUnknown =
    typeof unknownTree === 'object' && unknownTree !== null && (unknownTree as Record<string, unknown>)[direction] === true;
  return state.state === 'unset' && wholeUnknown ? UNKNOWN_WITHOUT_CONFIG : state;
}

const PEER_FIELDS: readonly [string, PeerField][] = [
  ['cidr_block', 'cidr'],
  ['ipv6_cidr_block', 'cidr'],
  ['source_security_id', 'securityGroup'],
  ['address_template_id', 'addressTemplate'],
  ['address_template_group', 'addressTemplateGroup'],
];

function ruleSetEntry(
  context: PlanContext,
  view: ResourceView,
  direction: Direction,
  index: number,
  provenance: Provenance,
): SecurityGroupRule {
  const rule = view.element(direction, index);
  const action = actionOf(rule.string(ACTION));
  // The peer fields are exclusive: take the one that is set, preferring known values.
  let peer: AddressSpec | undefined;
  let linked: AddressSpec | undefined;
  let pending: AddressSpec | undefined;
  for (const [name, field] of PEER_FIELDS) {
    const state = rule.field(name);
    if (state.state === 'set') {
      peer = peerOfState(context, state, field);
      break;
    }
    if (state.state === 'unknown') {
      if (state.items.length > 0) linked ??= peerOfItems(context, state.items, field);
      else pending ??= { kind: 'unknown', reason: AFTER_APPLY };
    }
  }
  peer ??= linked ?? pending ?? { kind: 'unknown', reason: 'no source or destination is set' };
  const service =
    templateService(context, rule.field('service_template_id'), 'serviceTemplate') ??
    templateService(context, rule.field('service_template_group'), 'serviceTemplateGroup') ??
    ({
      kind: 'protocol',
      protocol: protocolOfState(rule.field('protocol')),
      ports: portsOfState(rule.field('port')),
    } satisfies ServiceSpec);
  const description = rule.string(DESCRIPTION);
  // Built without spreads (one object per rule), fields in the order reports print them.
  const sharedPeer = context.shared.peer(peer);
  const sharedService = context.shared.service(service);
  return typeof description === 'string'
    ? { action, peer: sharedPeer, service: sharedService, description, provenance }
    : { action, peer: sharedPeer, service: sharedService, provenance };
}

const ACTION: readonly PathStep[] = ['action'];
const DESCRIPTION: readonly PathStep[] = ['description'];

/** `tencentcloud_security_group_lite_rule`: `ACTION#SOURCE#PORT#PROTOCOL` strings, in priority order. */
function readLiteRule(context: PlanContext, view: ResourceView): Record<Direction, RuleList> {
  const result = {} as Record<Direction, RuleList>;
  const block = context.sourceBlock(view.resource);
  for (const direction of DIRECTIONS) {
    const list = readRuleStrings(view, direction);
    if ('unknownReason' in list) {
      result[direction] = { rules: [], unknownReason: `${view.address}: ${list.unknownReason}` };
      continue;
    }
    const rules: SecurityGroupRule[] = [];
    for (const entry of list.entries) {
      const location = entry.line !== undefined && block !== undefined ? context.sources.location(block.file, entry.line) : undefined;
      const provenance = context.provenance(view.resource, {
        path: context.shared.elementPath(direction, entry.index),
        ...(location ? { location } : {}),
      });
      if (entry.fields.length !== 4) {
        context.warn(view.resource, `${direction}[${entry.index}] "${entry.text}" is not ACTION#SOURCE#PORT#PROTOCOL`);
        rules.push({
          action: unknown(`"${entry.text}" cannot be read`),
          peer: { kind: 'unknown', reason: `"${entry.text}" cannot be read` },
          service: { kind: 'protocol', protocol: unknown('unreadable rule'), ports: unknown('unreadable rule') },
          provenance,
        });
        continue;
      }
      const [actionField, sourceField, portField, protocolField] = entry.fields as [RuleField, RuleField, RuleField, RuleField];
      rules.push({
        action: 'text' in actionField ? actionOf(actionField.text) : unknown(fieldReason(actionField)),
        peer: context.shared.peer(peerOfField(context, sourceField)),
        service: context.shared.service(serviceOfFields(context, protocolField, portField)),
        provenance,
      });
    }
    result[direction] = { rules };
  }
  return result;
}

function peerOfField(context: PlanContext, field: RuleField): AddressSpec {
  if ('text' in field) return peerOfText(field.text, (id) => context.links.alias(id));
  if ('items' in field) return peerOfItems(context, field.items, 'cidr');
  return { kind: 'unknown', reason: field.unknownReason };
}

function serviceOfFields(context: PlanContext, protocol: RuleField, port: RuleField): ServiceSpec {
  if ('text' in protocol && 'text' in port) return serviceOfText(protocol.text, port.text, (id) => context.links.alias(id));
  return {
    kind: 'protocol',
    protocol: 'text' in protocol ? protocol.text.toUpperCase() : unknown(fieldReason(protocol)),
    ports: 'text' in port ? port.text : unknown(fieldReason(port)),
  };
}

function fieldReason(field: RuleField): string {
  if ('unknownReason' in field) return field.unknownReason;
  if ('items' in field) return `\${${field.source}} is known only after apply`;
  return AFTER_APPLY;
}

function actionOf(value: Maybe<string> | undefined): Maybe<RuleAction> {
  if (value === undefined) return unknown('the action is not set');
  if (isUnknown(value)) return value;
  return ruleAction(value) ?? unknown(`"${value}" is not ACCEPT or DROP`);
}

/**
 * Single `tencentcloud_security_group_rule`s: ordered by `policy_index`. The provider reads the
 * index with `GetOk`, so `policy_index = 0` is sent exactly like no index: insert at the top.
 * Several such rules end up in reverse creation order, which the configuration fixes only where
 * one depends on another (`depends_on`, or a reference to it); otherwise their order is open, and
 * that matters only when their actions differ.
 */
function orderSingleRules(context: PlanContext, views: readonly ResourceView[]): Record<Direction, RuleList> {
  const order = creationOrder(views);
  const result = {} as Record<Direction, RuleList>;
  for (const direction of DIRECTIONS) {
    const indexed: { index: number; rule: SecurityGroupRule; address: string }[] = [];
    const top: { rule: SecurityGroupRule; view: ResourceView }[] = [];
    let unknownReason: string | undefined;
    let unknownType = false;
    for (const view of views) {
      const type = view.string(['type']);
      if (type === undefined || isUnknown(type)) {
        unknownType = true;
        continue;
      }
      if (type.toLowerCase() !== direction) continue;
      const rule = singleRule(context, view);
      const index = view.number(['policy_index']);
      if (isUnknown(index)) unknownReason ??= `the policy_index of ${view.address} is ${index.reason}`;
      if (typeof index === 'number' && index !== 0) indexed.push({ index, rule, address: view.address });
      else top.push({ rule, view });
    }
    indexed.sort((a, b) => a.index - b.index || (a.address < b.address ? -1 : 1));
    const ordered = orderTop(top, order);
    const rules = [...ordered.rules, ...indexed.map((r) => r.rule)];
    unknownReason ??= ordered.unknownReason;
    for (let i = 1; i < indexed.length && unknownReason === undefined; i++) {
      const a = indexed[i - 1]!;
      const b = indexed[i]!;
      if (a.index === b.index && !sameAction([a.rule, b.rule]))
        unknownReason = `${a.address} and ${b.address} have the same policy_index and different actions`;
    }
    if (unknownType) unknownReason ??= 'the direction (type) of a rule is known only after apply';
    result[direction] = unknownReason === undefined ? { rules } : { rules, unknownReason };
  }
  return result;
}

/**
 * Rules inserted at the top, top first: the one created last comes first. Where creation order
 * is not fixed and the actions differ, the order is unknown.
 *
 * A topological sort over "created after", ties (and cycles, which Terraform refuses) broken by
 * address, so the result is the same whatever order the plan lists the rules in.
 */
function orderTop(
  entries: readonly { rule: SecurityGroupRule; view: ResourceView }[],
  order: CreationOrder,
): { rules: SecurityGroupRule[]; unknownReason?: string } {
  const sorted = [...entries].sort((a, b) => (a.view.address < b.view.address ? -1 : 1));
  const keys = sorted.map((entry) => order.resourceOf(entry.view));
  const byResource = new Map<string, number[]>();
  keys.forEach((key, i) => {
    const list = byResource.get(key);
    if (list === undefined) byResource.set(key, [i]);
    else list.push(i);
  });
  // earlier[i]: the entries that entry i is created after; laterCount[i]: how many are created after it.
  const earlier: number[][] = sorted.map(() => []);
  const laterCount = sorted.map(() => 0);
  keys.forEach((key, i) => {
    for (const dep of order.reach(key)) {
      if (dep === key) continue;
      for (const j of byResource.get(dep) ?? []) {
        earlier[i]!.push(j);
        laterCount[j]!++;
      }
    }
  });
  const open = new Set<string>();
  const ordered = (i: number, j: number): boolean =>
    keys[i] !== keys[j] && (order.reach(keys[i]!).has(keys[j]!) || order.reach(keys[j]!).has(keys[i]!));
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      if (sameAction([sorted[i]!.rule, sorted[j]!.rule]) || ordered(i, j)) continue;
      open.add(sorted[i]!.view.address);
      open.add(sorted[j]!.view.address);
    }
  }
  // The next on top: the first by address that no remaining rule is created after.
  const taken = sorted.map(() => false);
  const rules: SecurityGroupRule[] = [];
  let scanFrom = 0;
  for (let count = 0; count < sorted.length; count++) {
    let next = -1;
    for (let i = scanFrom; i < sorted.length; i++) {
      if (!taken[i] && laterCount[i] === 0) {
        next = i;
        break;
      }
    }
    if (next < 0) next = taken.indexOf(false); // a cycle: the first remaining
    taken[next] = true;
    rules.push(sorted[next]!.rule);
    for (const j of earlier[next]!) if (--laterCount[j]! === 0 && j < scanFrom) scanFrom = j;
    while (scanFrom < sorted.length && taken[scanFrom]) scanFrom++;
  }
  if (open.size === 0) return { rules };
  const addresses = [...open].sort();
  return {
    rules,
    unknownReason: `the order of ${someOf(addresses)} (no policy_index, or policy_index 0, which the provider sends like none; different actions; no depends_on between them) depends on the order they are applied`,
  };
}

/** Which rule resources are created after which: `reach(a)` holds every resource `a` waits for. */
interface CreationOrder {
  resourceOf(view: ResourceView): string;
  reach(resource: string): ReadonlySet<string>;
}

/**
 * Whether one rule resource is created after another: it depends on it, directly or through
 * other rules, by `depends_on` or by a reference. Instances of one resource have no order.
 */
function creationOrder(views: readonly ResourceView[]): CreationOrder {
  const direct = new Map<string, Set<string>>();
  const resourceOf = (view: ResourceView) =>
    formatResource({ module: view.resource.module, mode: 'managed', type: view.resource.type, name: view.resource.name });
  for (const view of views) {
    const own = resourceOf(view);
    if (direct.has(own)) continue;
    const deps = new Set<string>();
    const written = [...(view.config?.dependsOn ?? []), ...referencesOf(view.config?.expressions)];
    for (const text of written) {
      const steps = parseTraversal(text);
      const type = steps?.[0];
      const name = steps?.[1];
      if (
        type === undefined ||
        name === undefined ||
        !('name' in type) ||
        !('name' in name) ||
        type.name !== 'tencentcloud_security_group_rule'
      )
        continue;
      deps.add(formatResource({ module: view.resource.module, mode: 'managed', type: type.name, name: name.name }));
    }
    direct.set(own, deps);
  }
  const closure = new Map<string, Set<string>>();
  const reach = (address: string): Set<string> => {
    const known = closure.get(address);
    if (known !== undefined) return known;
    const out = new Set<string>();
    closure.set(address, out); // a cycle (Terraform refuses those) stops here
    for (const dep of direct.get(address) ?? []) {
      out.add(dep);
      for (const further of reach(dep)) out.add(further);
    }
    return out;
  };
  return { resourceOf, reach };
}

/** Every reference written in a resource's configuration expressions. */
function referencesOf(expressions: unknown): string[] {
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object' && value !== null) {
      const references = (value as Record<string, unknown>)['references'];
      if (Array.isArray(references)) for (const r of references) if (typeof r === 'string') out.push(r);
      for (const [key, inner] of Object.entries(value)) if (key !== 'references') walk(inner);
    }
  };
  walk(expressions);
  return out;
}

function sameAction(rules: readonly SecurityGroupRule[]): boolean {
  const first = rules[0]?.action;
  return rules.every((rule) => !isUnknown(rule.action) && !isUnknown(first) && rule.action === first);
}

function singleRule(context: PlanContext, view: ResourceView): SecurityGroupRule {
  const action = actionOf(view.string(['policy']));
  let peer: AddressSpec | undefined;
  let linked: AddressSpec | undefined;
  let pending: AddressSpec | undefined;
  for (const [path, field] of [
    [['cidr_ip'], 'cidr'],
    [['source_sgid'], 'securityGroup'],
    [['address_template', 0, 'template_id'], 'addressTemplate'],
    [['address_template', 0, 'group_id'], 'addressTemplateGroup'],
  ] as const) {
    const state = view.attribute(path);
    if (state.state === 'set') {
      peer = peerOfState(context, state, field);
      break;
    }
    if (state.state === 'unknown') {
      if (state.items.length > 0) linked ??= peerOfItems(context, state.items, field);
      else pending ??= { kind: 'unknown', reason: AFTER_APPLY };
    }
  }
  peer ??= linked ?? pending;
  const service =
    templateService(context, view.attribute(['protocol_template', 0, 'template_id']), 'serviceTemplate') ??
    templateService(context, view.attribute(['protocol_template', 0, 'group_id']), 'serviceTemplateGroup') ??
    ({
      kind: 'protocol',
      protocol: protocolOfState(view.attribute(['ip_protocol'])),
      ports: portsOfState(view.attribute(['port_range'])),
    } satisfies ServiceSpec);
  const description = view.string(['description']);
  return {
    action,
    peer: peer ?? { kind: 'unknown', reason: 'no source or destination is set' },
    service,
    ...(typeof description === 'string' ? { description } : {}),
    provenance: context.provenance(view.resource),
  };
}
