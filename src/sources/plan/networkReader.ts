import type { Ref, Subnet, Vpc } from '../../model/network.js';
import type { NetworkAcl, NetworkAclEntry, NetworkAclEntryList } from '../../model/networkAcl.js';
import type { Direction, RuleAction } from '../../model/securityGroup.js';
import { isUnknown, type Maybe, unknown } from '../../model/value.js';
import type { Resolved } from '../../terraform/referenceResolver.js';
import { AFTER_APPLY, type AttributeState } from './attributeState.js';
import { someOf } from './messageList.js';
import type { PlanContext } from './planContext.js';
import type { ResourceView } from './resourceView.js';
import { describeItem } from './rulePeer.js';
import { readRuleStrings } from './ruleStringList.js';
import { normalizePorts, type RuleField, ruleAction } from './ruleStrings.js';

export function readVpcs(context: PlanContext): Map<Ref, Vpc> {
  const vpcs = new Map<Ref, Vpc>();
  for (const resource of context.resources.ofType('tencentcloud_vpc')) {
    const view = context.view(resource);
    const name = view.string(['name']);
    vpcs.set(resource.address, {
      key: resource.address,
      ...(typeof name === 'string' ? { name } : {}),
      cidr: view.string(['cidr_block']) ?? unknown('the VPC has no CIDR'),
      provenance: context.provenance(resource),
    });
  }
  return vpcs;
}

/** Subnets, with the ACL bound to each by `tencentcloud_vpc_acl_attachment` (`null` when none). */
export function readSubnets(context: PlanContext): Map<Ref, Subnet> {
  const bindings = new Map<Ref, Maybe<Ref>>();
  // Attachments whose subnet cannot be told: any subnet may have their ACL (a second one is a conflict).
  const unlinked: string[] = [];
  for (const resource of context.resources.ofType('tencentcloud_vpc_acl_attachment')) {
    const view = context.view(resource);
    const subnet = view.link(['subnet_id']);
    const acl = view.link(['acl_id']);
    if (subnet === null || isUnknown(subnet)) {
      context.unlinked(
        resource,
        `cannot tell which subnet this ACL is bound to (${subnet === null ? 'subnet_id is not set' : subnet.reason}), so every subnet of the plan may have it`,
      );
      unlinked.push(resource.address);
      continue;
    }
    const bound = acl ?? unknown('acl_id is not set');
    const earlier = bindings.get(subnet);
    if (earlier !== undefined && earlier !== bound) {
      context.warn(resource, `${subnet} is bound to more than one network ACL`);
      bindings.set(subnet, unknown(`${subnet} is bound to more than one network ACL`));
    } else bindings.set(subnet, bound);
  }
  const maybeBound =
    unlinked.length === 0 ? undefined : unknown(`the ACL of ${someOf(unlinked)}, whose subnet cannot be told, may be bound to it`);
  const subnets = new Map<Ref, Subnet>();
  for (const resource of context.resources.ofType('tencentcloud_subnet')) {
    const view = context.view(resource);
    const name = view.string(['name']);
    const vpc = view.link(['vpc_id']);
    subnets.set(resource.address, {
      key: resource.address,
      ...(typeof name === 'string' ? { name } : {}),
      vpc: vpc ?? unknown('the subnet has no VPC'),
      cidr: view.string(['cidr_block']) ?? unknown('the subnet has no CIDR'),
      networkAcl: maybeBound ?? bindings.get(resource.address) ?? null,
      provenance: context.provenance(resource),
    });
  }
  return subnets;
}

/**
 * Network ACLs: `tencentcloud_vpc_acl` (triple entries `ACTION#CIDR#PORT#PROTOCOL[#DESCRIPTION]`,
 * in priority order) and `tencentcloud_vpc_network_acl_quintuple` (five-tuple entries for an ACL).
 */
export function readNetworkAcls(context: PlanContext): Map<Ref, NetworkAcl> {
  const acls = new Map<Ref, NetworkAcl>();
  for (const resource of context.resources.ofType('tencentcloud_vpc_acl')) {
    const view = context.view(resource);
    const name = view.string(['name']);
    acls.set(resource.address, {
      key: resource.address,
      ...(typeof name === 'string' ? { name } : {}),
      type: 'TRIPLE',
      vpc: view.link(['vpc_id']) ?? unknown('the ACL has no VPC'),
      ingress: tripleEntries(context, view, 'ingress'),
      egress: tripleEntries(context, view, 'egress'),
      provenance: context.provenance(resource),
    });
  }
  for (const resource of context.resources.ofType('tencentcloud_vpc_network_acl_quintuple')) {
    const view = context.view(resource);
    const target = view.link(['network_acl_id']);
    if (target === null || isUnknown(target)) {
      context.warn(
        resource,
        `cannot tell which network ACL these entries belong to (${target === null ? 'network_acl_id is not set' : target.reason}); not checked`,
      );
      continue;
    }
    const existing = acls.get(target);
    if (existing !== undefined && (existing.ingress.entries.length > 0 || existing.egress.entries.length > 0)) {
      context.warn(resource, `${target} also has triple entries; the quintuple entries replace them here`);
    }
    acls.set(target, {
      key: target,
      ...(existing?.name !== undefined ? { name: existing.name } : {}),
      type: 'QUINTUPLE',
      vpc: existing?.vpc ?? unknown(`${target} is not in this plan`),
      ingress: quintupleEntries(context, view, 'ingress'),
      egress: quintupleEntries(context, view, 'egress'),
      provenance: existing?.provenance ?? { ...context.provenance(resource), address: target },
    });
  }
  return acls;
}

function tripleEntries(context: PlanContext, view: ResourceView, direction: Direction): NetworkAclEntryList {
  const list = readRuleStrings(view, direction);
  if ('unknownReason' in list) return { entries: [], unknownReason: `${view.address}: ${list.unknownReason}` };
  const block = context.sourceBlock(view.resource);
  return {
    entries: list.entries.map((entry): NetworkAclEntry => {
      const location = entry.line !== undefined && block !== undefined ? context.sources.location(block.file, entry.line) : undefined;
      const provenance = context.provenance(view.resource, {
        path: context.shared.elementPath(direction, entry.index),
        ...(location ? { location } : {}),
      });
      if (entry.fields.length < 4) {
        context.warn(view.resource, `${direction}[${entry.index}] "${entry.text}" is not ACTION#CIDR#PORT#PROTOCOL`);
        const reason = unknown(`"${entry.text}" cannot be read`);
        return { action: reason, protocol: reason, port: reason, peerCidr: reason, provenance };
      }
      const [action, cidr, port, protocol, ...rest] = entry.fields as RuleField[];
      const description = rest.every((f) => 'text' in f) ? rest.map((f) => (f as { text: string }).text).join('#') : '';
      return {
        action: mapField(action!, (text) => ruleAction(text) ?? unknown(`"${text}" is not ACCEPT or DROP`)),
        peerCidr: mapField(
          cidr!,
          (text) => text,
          (items) => cidrOfItems(context, items),
        ),
        port: mapField(port!, normalizePorts),
        protocol: mapField(protocol!, (text) => (text.trim() === '' ? 'ALL' : text.trim().toUpperCase())),
        ...(description !== '' ? { description } : {}),
        provenance,
      };
    }),
  };
}

function mapField<T>(field: RuleField, read: (text: string) => Maybe<T>, readItems?: (items: readonly Resolved[]) => Maybe<T>): Maybe<T> {
  if ('text' in field) return read(field.text);
  if ('items' in field) return readItems?.(field.items) ?? unknown(`\${${field.source}} is known only after apply`);
  return unknown(field.unknownReason);
}

/** An ACL CIDR written as a reference: a constant or another resource's known attribute. */
function cidrOfItems(context: PlanContext, items: readonly Resolved[]): Maybe<string> {
  if (items.length !== 1) return unknown(items.length === 0 ? AFTER_APPLY : `depends on ${someOf(items.map(describeItem))}`);
  const item = items[0]!;
  if (item.kind === 'constant') return typeof item.value === 'string' ? item.value : unknown(`${JSON.stringify(item.value)} is not a CIDR`);
  if (item.kind === 'resource') {
    const state = context.view(item.resource).attribute(item.attribute);
    if (state.state === 'set' && typeof state.value === 'string') return state.value;
    return unknown(`${describeItem(item)} is ${AFTER_APPLY}`);
  }
  return unknown(item.kind === 'external' ? `external: ${item.reason}` : item.reason);
}

function quintupleEntries(context: PlanContext, view: ResourceView, direction: Direction): NetworkAclEntryList {
  const path = ['network_acl_quintuple_set', 0, direction] as const;
  const state: AttributeState = view.attribute(path);
  if (state.state === 'unset') return { entries: [] };
  if (state.state === 'unknown' || !Array.isArray(state.value))
    return { entries: [], unknownReason: `${direction} of ${view.address}: ${AFTER_APPLY}` };
  const entries = state.value.map((_, index) => {
    const at = (name: string) => view.string([...path, index, name]);
    const text = (name: string, fallback: string): Maybe<string> => at(name) ?? fallback;
    const actionText = at('action');
    const action: Maybe<RuleAction> =
      actionText === undefined
        ? unknown('the action is not set')
        : isUnknown(actionText)
          ? actionText
          : (ruleAction(actionText) ?? unknown(`"${actionText}" is not ACCEPT or DROP`));
    const inbound = direction === 'ingress';
    const ports = (name: string): Maybe<string> => {
      const value = text(name, 'ALL');
      return isUnknown(value) ? value : normalizePorts(value);
    };
    const protocol = text('protocol', 'ALL');
    const description = at('description');
    const priority = view.number([...path, index, 'priority']);
    const entry: NetworkAclEntry = {
      action,
      protocol: isUnknown(protocol) ? protocol : protocol.toUpperCase(),
      port: ports('destination_port'),
      peerCidr: text(inbound ? 'source_cidr' : 'destination_cidr', '0.0.0.0/0'),
      localCidr: text(inbound ? 'destination_cidr' : 'source_cidr', '0.0.0.0/0'),
      sourcePort: ports('source_port'),
      ...(typeof description === 'string' ? { description } : {}),
      provenance: context.provenance(view.resource, { path: `network_acl_quintuple_set[0].${direction}[${index}]` }),
    };
    return { entry, priority: typeof priority === 'number' ? priority : undefined, index };
  });
  // Priority (from 1) decides when every entry has one; otherwise the list order.
  if (entries.every((e) => e.priority !== undefined)) entries.sort((a, b) => a.priority! - b.priority! || a.index - b.index);
  return { entries: entries.map((e) => e.entry) };
}
