import type { AddressSpec, ServiceSpec } from '../../model/address.js';
import { type Maybe, unknown } from '../../model/value.js';
import type { Resolved } from '../../terraform/referenceResolver.js';
import { AFTER_APPLY, type AttributeState } from './attributeState.js';
import { someOf } from './messageList.js';
import type { PlanContext } from './planContext.js';
import { normalizePorts, peerOfText } from './ruleStrings.js';

/** CLB attributes that hold its VIP: a rule naming them admits the VIP, whatever it turns out to be. */
const VIP_ATTRIBUTES = new Set(['clb_vips', 'vip', 'address_ipv6']);

export type PeerField = 'cidr' | 'securityGroup' | 'addressTemplate' | 'addressTemplateGroup';

/**
 * The peer of a rule from references: a CLB's VIP stays symbolic (`loadBalancerVip`), a security
 * group or template links to its resource, a constant is read as written, and an attribute of
 * another resource (`tencentcloud_subnet.app.cidr_block`) is followed. Anything else is unknown,
 * with the reason.
 */
export function peerOfItems(context: PlanContext, items: readonly Resolved[], field: PeerField, depth = 0): AddressSpec {
  if (items.length === 0) return { kind: 'unknown', reason: AFTER_APPLY };
  if (items.length > 1) {
    return { kind: 'unknown', reason: `the peer depends on ${someOf(items.map(describeItem))}` };
  }
  const item = items[0]!;
  switch (item.kind) {
    case 'constant':
      if (typeof item.value === 'string' && item.value !== '') return peerOfLiteral(context, item.value, field);
      return { kind: 'unknown', reason: `the peer is ${JSON.stringify(item.value)}` };
    case 'external':
      return { kind: 'unknown', reason: `external: ${item.reason}` };
    case 'opaque':
      return { kind: 'unknown', reason: item.reason };
    case 'resource': {
      const { resource, attribute } = item;
      if (resource.type === 'tencentcloud_clb_instance' && VIP_ATTRIBUTES.has(String(attribute[0])))
        return { kind: 'loadBalancerVip', ref: resource.address };
      const self = attribute.length === 0 || (attribute.length === 1 && attribute[0] === 'id');
      if (self) {
        if (resource.type === 'tencentcloud_security_group') return { kind: 'securityGroup', ref: resource.address };
        if (resource.type === 'tencentcloud_address_template') return { kind: 'addressTemplate', ref: resource.address };
        if (resource.type === 'tencentcloud_address_template_group') return { kind: 'addressTemplateGroup', ref: resource.address };
        return { kind: 'unknown', reason: `${resource.address} is not a ${describeField(field)}` };
      }
      if (depth > 8) return { kind: 'unknown', reason: `${describeItem(item)} could not be followed` };
      const state = context.view(resource).attribute(attribute);
      // Followed only because the rule's own field is unknown: an attribute the configuration does
      // not write (terraform_data.x.output, an ID) is computed by the provider, not unset.
      if (state.state === 'unset') return { kind: 'unknown', reason: `${describeItem(item)}: ${AFTER_APPLY}` };
      return peerOfState(context, state, field, depth + 1);
    }
  }
}

export function peerOfState(context: PlanContext, state: AttributeState, field: PeerField, depth = 0): AddressSpec {
  if (state.state === 'unset') return { kind: 'unknown', reason: 'no peer is set' };
  if (state.state === 'unknown') return peerOfItems(context, state.items, field, depth);
  if (typeof state.value === 'string') return peerOfLiteral(context, state.value, field);
  if (Array.isArray(state.value) && state.value.length === 1 && typeof state.value[0] === 'string')
    return peerOfLiteral(context, state.value[0], field);
  return { kind: 'unknown', reason: `the peer ${JSON.stringify(state.value)} is not an address or ID` };
}

function peerOfLiteral(context: PlanContext, value: string, field: PeerField): AddressSpec {
  if (field === 'cidr') return peerOfText(value, (id) => context.links.alias(id));
  return { kind: field, ref: context.links.alias(value) };
}

/** A protocol or port attribute of a rule: not set means ALL (the provider's default). */
export function protocolOfState(state: AttributeState): Maybe<string> {
  if (state.state === 'unset') return 'ALL';
  if (state.state === 'set') return String(state.value).toUpperCase();
  return unknown(unknownText(state.items));
}

export function portsOfState(state: AttributeState): Maybe<string> {
  if (state.state === 'unset') return 'ALL';
  if (state.state === 'set') return normalizePorts(String(state.value));
  return unknown(unknownText(state.items));
}

/** A service template (group) field of a rule, when it is set. */
export function templateService(
  context: PlanContext,
  state: AttributeState,
  kind: 'serviceTemplate' | 'serviceTemplateGroup',
): ServiceSpec | undefined {
  if (state.state === 'unset') return undefined;
  const links = context.links.linksOf(state, undefined, []);
  const ref = links.refs[0];
  if (links.unknownReason !== undefined || ref === undefined || links.refs.length > 1)
    return { kind: 'protocol', protocol: unknown(links.unknownReason ?? AFTER_APPLY), ports: unknown(links.unknownReason ?? AFTER_APPLY) };
  return { kind, ref };
}

function unknownText(items: readonly Resolved[]): string {
  const external = items.find((item) => item.kind === 'external' || item.kind === 'opaque');
  if (external !== undefined && (external.kind === 'external' || external.kind === 'opaque'))
    return external.kind === 'external' ? `external: ${external.reason}` : external.reason;
  return AFTER_APPLY;
}

export function describeItem(item: Resolved): string {
  switch (item.kind) {
    case 'resource':
      return `${item.resource.address}${item.attribute.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('')}`;
    case 'constant':
      return JSON.stringify(item.value);
    default:
      return item.reason;
  }
}

function describeField(field: PeerField): string {
  switch (field) {
    case 'cidr':
      return 'CIDR';
    case 'securityGroup':
      return 'security group';
    case 'addressTemplate':
      return 'address template';
    case 'addressTemplateGroup':
      return 'address template group';
  }
}
