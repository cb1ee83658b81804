import type { NetworkInterface } from '../model/instance.js';
import type { Ref } from '../model/network.js';
import type { Direction, SecurityGroup, SecurityGroupRule } from '../model/securityGroup.js';
import { isUnknown } from '../model/value.js';
import { AddressSet } from './addressSet.js';
import { ALL_PROTOCOLS, type CompiledRule, opaqueRule } from './compiledRule.js';
import type { RuleRef } from './flow.js';
import type { InventoryResolver } from './inventoryResolver.js';
import { ALL_PORTS, NO_PORTS } from './portSet.js';
import { PROTOCOLS, type Protocol } from './protocol.js';
import { describeAction, describePeer } from './ruleText.js';
import type { UnorderedGroups } from './shadowAnalysis.js';

/** One security group's rules in one direction, compiled once per check. */
export function compileSecurityGroup(resolver: InventoryResolver, ref: Ref, direction: Direction): CompiledRule[] {
  const key = resolver.key(ref);
  const cacheKey = `sg:${direction}:${key}`;
  const cached = resolver.compiledCache.get(cacheKey) as CompiledRule[] | undefined;
  if (cached !== undefined) return cached;
  const group = resolver.securityGroup(ref);
  let compiled: CompiledRule[];
  if (group === undefined) {
    compiled = [
      opaqueRule(listRef(key, direction, `rules of ${ref} (not in this check)`), `${ref} is not in this check, so its rules are unknown`),
    ];
  } else {
    const list = group[direction];
    compiled = list.rules.flatMap((rule, index) => compileRule(resolver, group, direction, rule, index));
    if (list.unknownReason !== undefined) {
      // The visible rules may sit anywhere among the invisible ones: nothing in the list can decide for sure.
      compiled = [opaqueRule(listRef(key, direction, `rules of ${key}`, group), list.unknownReason), ...compiled];
    }
  }
  resolver.compiledCache.set(cacheKey, compiled);
  return compiled;
}

function listRef(key: Ref, direction: Direction, text: string, group?: SecurityGroup): RuleRef {
  return { list: key, direction, index: -1, kind: 'opaque', text, ...(group ? { provenance: group.provenance } : {}) };
}

function compileRule(
  resolver: InventoryResolver,
  group: SecurityGroup,
  direction: Direction,
  rule: SecurityGroupRule,
  index: number,
): CompiledRule[] {
  const action = isUnknown(rule.action) ? undefined : rule.action;
  const peer = resolver.peer(rule.peer);
  const services = resolver.services(rule.service);
  const peerText = describePeer(rule.peer);
  return services.map((service) => {
    const text = `${describeAction(rule.action)} ${peerText} ${service.text}${rule.description ? ` (${rule.description})` : ''}`;
    const ref: RuleRef = { list: group.key, direction, index, text, provenance: rule.provenance, ...(action ? { action } : {}) };
    const reasons = [
      peer.unknownReason,
      'unknownReason' in service ? service.unknownReason : undefined,
      action === undefined && isUnknown(rule.action) ? `action: ${rule.action.reason}` : undefined,
    ].filter((r): r is string => r !== undefined);
    if ('unknownReason' in service) {
      const protocols = service.protocol === undefined ? ALL_PROTOCOLS : protocolSet(service.protocol);
      return {
        action,
        protocols: { definite: service.protocol === undefined ? new Set<Protocol>() : protocols, possible: protocols },
        peer,
        ports: { definite: NO_PORTS, possible: ALL_PORTS },
        local: 'yes',
        ref,
        unknownReason: reasons.join('; '),
      };
    }
    const protocols = protocolSet(service.protocol);
    return {
      action,
      protocols: { definite: protocols, possible: protocols },
      peer,
      ports: { definite: service.ports, possible: service.ports },
      local: 'yes',
      ref,
      ...(reasons.length > 0 ? { unknownReason: reasons.join('; ') } : {}),
    };
  });
}

function protocolSet(protocol: Protocol | 'ALL'): ReadonlySet<Protocol> {
  return protocol === 'ALL' ? new Set(PROTOCOLS) : new Set([protocol]);
}

/**
 * The effective list for an interface: its security groups in priority order, concatenated —
 * "executed from top to bottom", first match wins.
 */
export function compileInterface(resolver: InventoryResolver, nic: NetworkInterface, direction: Direction): CompiledRule[] {
  // The list depends only on the groups, so interfaces with the same groups share it. A secondary
  // interface without groups admits all through a rule that names it: a list of its own (and
  // never the primary interface's empty list).
  const ownList = isUnknown(nic.securityGroups) || (nic.securityGroups.length === 0 && !nic.primary);
  const cacheKey = ownList ? `nic:${direction}:${nic.key}` : `groups:${direction}:${nic.securityGroups.join('\u0000')}`;
  const cached = resolver.compiledCache.get(cacheKey) as CompiledRule[] | undefined;
  if (cached !== undefined) return cached;
  const compiled = compileInterfaceUncached(resolver, nic, direction);
  resolver.compiledCache.set(cacheKey, compiled);
  return compiled;
}

function compileInterfaceUncached(resolver: InventoryResolver, nic: NetworkInterface, direction: Direction): CompiledRule[] {
  if (isUnknown(nic.securityGroups)) {
    return [
      opaqueRule(
        { list: nic.key, direction, index: -1, kind: 'opaque', text: `security groups of ${nic.key}` },
        `security groups of ${nic.key}: ${nic.securityGroups.reason}`,
      ),
    ];
  }
  if (nic.securityGroups.length === 0 && !nic.primary) return [admitAll(nic, direction)];
  return compileGroups(resolver, nic.securityGroups, direction);
}

/**
 * "If no security groups are bound to your ENI, the ENI allows all traffic by default" (domain
 * §1.1): a secondary interface with an empty group set behaves as one ACCEPT of everything.
 */
function admitAll(nic: NetworkInterface, direction: Direction): CompiledRule {
  return {
    action: 'ACCEPT',
    protocols: { definite: ALL_PROTOCOLS, possible: ALL_PROTOCOLS },
    peer: { definite: AddressSet.ALL, possible: AddressSet.ALL, symbols: new Set() },
    ports: { definite: ALL_PORTS, possible: ALL_PORTS },
    local: 'yes',
    ref: {
      list: nic.key,
      direction,
      index: -1,
      kind: 'noGroups',
      action: 'ACCEPT',
      text: `no security group is bound to ${nic.key}: it admits all traffic`,
      provenance: nic.provenance,
    },
  };
}

/** The interface's groups when their priority is not defined, for the shadow analysis; else undefined. */
export function unorderedGroupsOf(nic: NetworkInterface): UnorderedGroups | undefined {
  if (nic.securityGroupsUnordered !== true || isUnknown(nic.securityGroups) || nic.securityGroups.length < 2) return undefined;
  return { groups: new Set(nic.securityGroups) };
}

export function compileGroups(resolver: InventoryResolver, groups: readonly Ref[], direction: Direction): CompiledRule[] {
  return groups.flatMap((ref) => compileSecurityGroup(resolver, ref, direction));
}
