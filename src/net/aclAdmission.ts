import type { Ref, Subnet } from '../model/network.js';
import type { NetworkAcl, NetworkAclEntry } from '../model/networkAcl.js';
import { isUnknown, type Maybe } from '../model/value.js';
import { AddressSet } from './addressSet.js';
import { ALL_PROTOCOLS, type CompiledRule, opaqueRule, PEER_ANY_UNKNOWN, type PeerMatch } from './compiledRule.js';
import { type FlowQuery, type FlowVerdict, overallVerdict, type RuleRef, type VerdictPart } from './flow.js';
import type { AddressBounds, InventoryResolver } from './inventoryResolver.js';
import { evaluateOrdered } from './orderedEvaluation.js';
import { ALL_PORTS, NO_PORTS, type PortSet, parsePorts, portRange } from './portSet.js';
import { hasPorts, PROTOCOLS, type Protocol, parseProtocol } from './protocol.js';

export const DEFAULT_EPHEMERAL_PORTS = portRange(1024, 65535);

export type AclAdmission =
  | { readonly kind: 'none' }
  | { readonly kind: 'unknown'; readonly reason: string }
  | {
      readonly kind: 'checked';
      readonly acl: NetworkAcl;
      readonly inbound: FlowVerdict;
      readonly reply: FlowVerdict;
      readonly verdict: FlowVerdict['verdict'];
    };

/**
 * Network ACLs are stateless: a flow passes only if the subnet's ACL admits it inbound and admits
 * the reply outbound (service port → the client's ephemeral ports). Default deny both ways.
 * Traffic inside the subnet is not filtered.
 */
export function admitThroughAcl(
  resolver: InventoryResolver,
  subnetRef: Maybe<Ref>,
  local: AddressBounds,
  query: FlowQuery,
  ephemeralPorts: PortSet = DEFAULT_EPHEMERAL_PORTS,
): AclAdmission {
  if (isUnknown(subnetRef)) return { kind: 'unknown', reason: `subnet: ${subnetRef.reason}` };
  const subnet = resolver.subnet(subnetRef);
  if (subnet === undefined) return { kind: 'unknown', reason: `subnet ${subnetRef} is not in this check, so its ACL is unknown` };
  if (isUnknown(subnet.networkAcl)) return { kind: 'unknown', reason: `network ACL of ${subnet.key}: ${subnet.networkAcl.reason}` };
  if (subnet.networkAcl === null) return { kind: 'none' };
  const acl = resolver.networkAcl(subnet.networkAcl);
  if (acl === undefined) return { kind: 'unknown', reason: `network ACL ${subnet.networkAcl} is not in this check` };

  // ACLs do not affect traffic between instances of the same subnet.
  const subnetCidr = resolver.subnetCidr(subnet.key);
  const exempt = subnetCidr ?? AddressSet.EMPTY;
  const filtered: FlowQuery = {
    ...query,
    addresses: query.addresses.subtract(exempt),
    symbols: query.symbols.filter((s) => !subnetCidr?.covers(s.within)),
  };
  const exemptParts: VerdictPart[] = [];
  const inside = query.addresses.intersect(exempt);
  if (!inside.isEmpty())
    exemptParts.push({
      verdict: 'allow',
      addresses: inside,
      ports: query.ports,
      maybe: [],
      note: `inside ${subnet.key}: ACLs do not filter traffic within a subnet`,
    });

  const noPorts = !hasPorts(query.protocol);
  const inbound = evaluateOrdered(
    filtered,
    compiledAclEntries(resolver, acl, 'ingress', local, noPorts ? ALL_PORTS : ephemeralPorts),
    aclDefault(acl.key, 'ingress'),
  );
  const replyQuery: FlowQuery = { ...filtered, ports: noPorts ? ALL_PORTS : ephemeralPorts };
  const reply = evaluateOrdered(
    replyQuery,
    compiledAclEntries(resolver, acl, 'egress', local, noPorts ? ALL_PORTS : query.ports),
    aclDefault(acl.key, 'egress'),
  );
  const unknownCidr = subnetCidr === undefined ? mayBeWithinSubnet(resolver, subnet) : undefined;
  const inboundAll = withParts(undecidedWithin(inbound, unknownCidr), exemptParts);
  const replyAll = withParts(
    undecidedWithin(reply, unknownCidr),
    exemptParts.map((p) => ({ ...p, ports: replyQuery.ports })),
  );
  return { kind: 'checked', acl, inbound: inboundAll, reply: replyAll, verdict: overallVerdict([...inboundAll.parts, ...replyAll.parts]) };
}

interface UnknownSubnetCidr {
  /** Where the subnet may lie: its VPC's CIDR, or anywhere when that is not known either. */
  readonly bounds: AddressSet;
  readonly reason: string;
}

function mayBeWithinSubnet(resolver: InventoryResolver, subnet: Subnet): UnknownSubnetCidr {
  const why = isUnknown(subnet.cidr) ? subnet.cidr.reason : `"${subnet.cidr}" is not a CIDR`;
  return {
    bounds: resolver.vpcCidr(subnet.vpc) ?? AddressSet.ALL,
    reason: `this may be traffic within ${subnet.key}, which ACLs do not filter (CIDR of ${subnet.key}: ${why})`,
  };
}

/**
 * With the subnet's CIDR unknown nothing is exempt for sure, so the entries judge everything; a
 * refusal of addresses the subnet may hold is then not a refusal for sure but unknown.
 */
function undecidedWithin(verdict: FlowVerdict, unknownCidr: UnknownSubnetCidr | undefined): FlowVerdict {
  if (unknownCidr === undefined || verdict.verdict !== 'deny') return verdict;
  const { bounds, reason } = unknownCidr;
  const parts = verdict.parts.flatMap((part): VerdictPart[] => {
    if (part.verdict !== 'deny') return [part];
    if (part.symbol !== undefined) return part.symbol.within.overlaps(bounds) ? [{ ...part, verdict: 'unknown', reason }] : [part];
    const inside = part.addresses.intersect(bounds);
    if (inside.isEmpty()) return [part];
    const outside = part.addresses.subtract(bounds);
    return [...(outside.isEmpty() ? [] : [{ ...part, addresses: outside }]), { ...part, addresses: inside, verdict: 'unknown', reason }];
  });
  return { verdict: overallVerdict(parts), parts };
}

function withParts(verdict: FlowVerdict, extra: VerdictPart[]): FlowVerdict {
  if (extra.length === 0) return verdict;
  const parts = [...verdict.parts, ...extra];
  return { verdict: overallVerdict(parts), parts };
}

function aclDefault(list: Ref, direction: 'ingress' | 'egress'): RuleRef {
  return {
    list,
    direction,
    index: -1,
    kind: 'defaultDeny',
    text: `default ${direction === 'ingress' ? 'inbound' : 'outbound'} deny of the ACL (ALL ALL 0.0.0.0/0 DROP)`,
  };
}

/**
 * An ACL's entries in one direction compiled for a flow. Only quintuple entries read the local
 * side and the source ports; any other ACL compiles once per check, whichever backend asks.
 */
function compiledAclEntries(
  resolver: InventoryResolver,
  acl: NetworkAcl,
  direction: 'ingress' | 'egress',
  local: AddressBounds,
  sourcePorts: PortSet,
): CompiledRule[] {
  if (acl.type === 'QUINTUPLE') return compileAclEntries(acl, direction, local, sourcePorts);
  const cacheKey = `acl:${direction}:${acl.key}`;
  const cached = resolver.compiledCache.get(cacheKey) as CompiledRule[] | undefined;
  if (cached !== undefined) return cached;
  const compiled = compileAclEntries(acl, direction, local, sourcePorts);
  resolver.compiledCache.set(cacheKey, compiled);
  return compiled;
}

/**
 * Compiles an ACL direction relative to one local side: the backend's addresses and the source
 * ports its packets carry (the client's ephemeral ports inbound, the service port outbound).
 * Triple entries match peer CIDR, protocol and the packet's destination port.
 */
export function compileAclEntries(
  acl: NetworkAcl,
  direction: 'ingress' | 'egress',
  local: AddressBounds,
  sourcePorts: PortSet,
): CompiledRule[] {
  const list = acl[direction];
  const compiled = list.entries.map((entry, index) => compileEntry(acl, direction, entry, index, local, sourcePorts));
  if (list.unknownReason !== undefined) {
    return [
      opaqueRule(
        { list: acl.key, direction, index: -1, kind: 'opaque', text: `entries of ${acl.key}`, provenance: acl.provenance },
        list.unknownReason,
      ),
      ...compiled,
    ];
  }
  return compiled;
}

const entryPeers = new WeakMap<NetworkAclEntry, PeerMatch>();

/**
 * What an entry's peer CIDR matches, read once per entry: the engine compiles it from here, and
 * a finding that asks which source decided gets the same object (one reading, never two). It
 * depends on the entry alone, not on a check, so it lives as long as the entry does.
 */
export function aclEntryPeer(entry: NetworkAclEntry): PeerMatch {
  let peer = entryPeers.get(entry);
  if (peer === undefined) {
    const cidr = isUnknown(entry.peerCidr) ? undefined : AddressSet.parse(entry.peerCidr);
    peer = isUnknown(entry.peerCidr)
      ? PEER_ANY_UNKNOWN(`CIDR: ${entry.peerCidr.reason}`)
      : cidr === undefined
        ? PEER_ANY_UNKNOWN(`"${entry.peerCidr}" is not a CIDR`)
        : { definite: cidr, possible: cidr, symbols: new Set<string>() };
    entryPeers.set(entry, peer);
  }
  return peer;
}

function compileEntry(
  acl: NetworkAcl,
  direction: 'ingress' | 'egress',
  entry: NetworkAclEntry,
  index: number,
  local: AddressBounds,
  sourcePorts: PortSet,
): CompiledRule {
  const action = isUnknown(entry.action) ? undefined : entry.action;
  const text =
    [
      isUnknown(entry.action) ? '(unknown action)' : entry.action,
      isUnknown(entry.peerCidr) ? '(unknown CIDR)' : entry.peerCidr,
      isUnknown(entry.protocol) ? '?' : entry.protocol.toUpperCase(),
      isUnknown(entry.port) ? '?' : entry.port.toUpperCase(),
    ].join(' ') + (entry.description ? ` (${entry.description})` : '');
  const ref: RuleRef = { list: acl.key, direction, index, text, provenance: entry.provenance, ...(action ? { action } : {}) };
  // As for security-group rules: the reason names what is missing, the ref names the entry.
  const reasons: string[] = isUnknown(entry.action) ? [`action: ${entry.action.reason}`] : [];

  const peer = aclEntryPeer(entry);
  if (peer.unknownReason) reasons.push(peer.unknownReason);

  let protocols: { definite: ReadonlySet<Protocol>; possible: ReadonlySet<Protocol> } = { definite: new Set(), possible: ALL_PROTOCOLS };
  let ports = { definite: NO_PORTS, possible: ALL_PORTS };
  const protocol = isUnknown(entry.protocol) ? undefined : parseProtocol(entry.protocol);
  if (protocol === undefined)
    reasons.push(isUnknown(entry.protocol) ? `protocol: ${entry.protocol.reason}` : `unsupported protocol "${entry.protocol}"`);
  else {
    const set: ReadonlySet<Protocol> = protocol === 'ALL' ? new Set(PROTOCOLS) : new Set([protocol]);
    protocols = { definite: set, possible: set };
    if (protocol === 'ALL' || !hasPorts(protocol)) ports = { definite: ALL_PORTS, possible: ALL_PORTS };
    else if (isUnknown(entry.port)) reasons.push(`port: ${entry.port.reason}`);
    else {
      const parsed = parsePorts(entry.port);
      if (parsed === undefined) reasons.push(`"${entry.port}" is not a port or range`);
      else ports = { definite: parsed, possible: parsed };
    }
  }

  // Quintuple entries also name the local side and the source port.
  let localMatch: 'yes' | 'no' | 'maybe' = 'yes';
  if (acl.type === 'QUINTUPLE') {
    localMatch = combine(matchLocal(entry.localCidr, local), matchSourcePorts(entry.sourcePort, sourcePorts));
  }
  return { action, protocols, peer, ports, local: localMatch, ref, ...(reasons.length > 0 ? { unknownReason: reasons.join('; ') } : {}) };
}

function matchLocal(cidr: Maybe<string> | undefined, local: AddressBounds): 'yes' | 'no' | 'maybe' {
  if (cidr === undefined) return 'yes';
  if (isUnknown(cidr)) return 'maybe';
  const set = AddressSet.parse(cidr);
  if (set === undefined) return 'maybe';
  if (!local.definite.isEmpty() && set.covers(local.possible)) return 'yes';
  if (!set.overlaps(local.possible)) return 'no';
  return 'maybe';
}

function matchSourcePorts(text: Maybe<string> | undefined, sourcePorts: PortSet): 'yes' | 'no' | 'maybe' {
  if (text === undefined) return 'yes';
  if (isUnknown(text)) return 'maybe';
  const set = parsePorts(text);
  if (set === undefined) return 'maybe';
  if (set.covers(sourcePorts)) return 'yes';
  if (!set.overlaps(sourcePorts)) return 'no';
  return 'maybe';
}

function combine(a: 'yes' | 'no' | 'maybe', b: 'yes' | 'no' | 'maybe'): 'yes' | 'no' | 'maybe' {
  if (a === 'no' || b === 'no') return 'no';
  if (a === 'maybe' || b === 'maybe') return 'maybe';
  return 'yes';
}
