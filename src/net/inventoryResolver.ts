import type { AddressSpec, ServiceSpec } from '../model/address.js';
import type { NetworkInterface } from '../model/instance.js';
import type { Inventory } from '../model/inventory.js';
import type { LoadBalancer } from '../model/loadBalancer.js';
import type { Ref } from '../model/network.js';
import { isUnknown, type Maybe } from '../model/value.js';
import { AddressSet } from './addressSet.js';
import { PEER_ANY_UNKNOWN, type PeerMatch } from './compiledRule.js';
import type { SymbolicAddress } from './flow.js';
import { ALL_PORTS, type PortSet, parsePorts } from './portSet.js';
import { hasPorts, type ProtocolMatch, parseProtocol } from './protocol.js';
import { PRIVATE_V4, PUBLIC_V4 } from './specialRanges.js';

export type ServiceMatch =
  | { readonly protocol: ProtocolMatch; readonly ports: PortSet; readonly text: string }
  | { readonly unknownReason: string; readonly protocol?: ProtocolMatch; readonly text: string };

/** Addresses of something whose IPs may be unknown: definite ⊆ possible. */
export interface AddressBounds {
  readonly definite: AddressSet;
  readonly possible: AddressSet;
}

/**
 * Resolves references inside an inventory (security-group members, templates, VIPs), once per
 * object. Everything the engine asks of the inventory goes through here.
 */
export class InventoryResolver {
  private readonly peerCache = new Map<string, PeerMatch>();
  private membersIndex?: Map<Ref, NetworkInterface[]>;
  private unknownMembership?: NetworkInterface[];
  readonly compiledCache = new Map<string, unknown>();

  constructor(readonly inventory: Inventory) {}

  /** The inventory key for a reference that may be a cloud ID alias. */
  key(ref: Ref): Ref {
    return this.inventory.aliases.get(ref) ?? ref;
  }

  loadBalancer(ref: Ref) {
    return this.inventory.loadBalancers.get(this.key(ref));
  }
  securityGroup(ref: Ref) {
    return this.inventory.securityGroups.get(this.key(ref));
  }
  subnet(ref: Ref) {
    return this.inventory.subnets.get(this.key(ref));
  }
  networkAcl(ref: Ref) {
    return this.inventory.networkAcls.get(this.key(ref));
  }
  vpc(ref: Ref) {
    return this.inventory.vpcs.get(this.key(ref));
  }
  instance(ref: Ref) {
    return this.inventory.instances.get(this.key(ref));
  }

  /** Every network interface: instances' and standalone ones. */
  *interfaces(): Iterable<NetworkInterface> {
    for (const instance of this.inventory.instances.values()) yield* instance.interfaces;
    yield* this.inventory.networkInterfaces.values();
  }

  /** The interface that owns a private IP, for targets registered by ENI IP. */
  interfaceWithIp(ip: string): NetworkInterface | undefined {
    for (const nic of this.interfaces()) {
      if (!isUnknown(nic.privateIps) && nic.privateIps.includes(ip)) return nic;
    }
    return undefined;
  }

  interfaceAddresses(nic: NetworkInterface): AddressBounds {
    if (!isUnknown(nic.privateIps)) {
      const set = AddressSet.parseAll(nic.privateIps) ?? AddressSet.EMPTY;
      return { definite: set, possible: set };
    }
    return { definite: AddressSet.EMPTY, possible: this.subnetCidr(nic.subnet) ?? AddressSet.ALL_V4 };
  }

  subnetCidr(ref: Maybe<Ref | null> | undefined): AddressSet | undefined {
    if (ref === null || ref === undefined || isUnknown(ref)) return undefined;
    return this.cached(`subnetCidr:${ref}`, () => {
      const subnet = this.subnet(ref);
      return subnet === undefined || isUnknown(subnet.cidr) ? undefined : AddressSet.parse(subnet.cidr);
    });
  }

  vpcCidr(ref: Maybe<Ref | null> | undefined): AddressSet | undefined {
    if (ref === null || ref === undefined || isUnknown(ref)) return undefined;
    return this.cached(`vpcCidr:${ref}`, () => {
      const vpc = this.vpc(ref);
      return vpc === undefined || isUnknown(vpc.cidr) ? undefined : AddressSet.parse(vpc.cidr);
    });
  }

  /** Per-check memo: the same set object comes back, with its texts already computed. */
  private cached<T>(key: string, compute: () => T): T {
    if (this.compiledCache.has(key)) return this.compiledCache.get(key) as T;
    const value = compute();
    this.compiledCache.set(key, value);
    return value;
  }

  /**
   * A CLB's VIPs: known addresses, or a symbolic address bounded by what the platform allows:
   * a public VIP is a public address; a private VIP comes from the CLB's subnet.
   */
  vip(lb: LoadBalancer): { addresses: AddressSet; symbols: SymbolicAddress[] } {
    return this.cached(`vip:${lb.key}`, () => this.computeVip(lb));
  }

  private computeVip(lb: LoadBalancer): { addresses: AddressSet; symbols: SymbolicAddress[] } {
    if (!isUnknown(lb.vips) && lb.vips.length > 0) {
      return { addresses: AddressSet.parseAll(lb.vips) ?? AddressSet.EMPTY, symbols: [] };
    }
    return { addresses: AddressSet.EMPTY, symbols: [{ id: `vip:${lb.key}`, label: `VIP of ${lb.key}`, within: this.vipBounds(lb) }] };
  }

  vipBounds(lb: LoadBalancer): AddressSet {
    if (!isUnknown(lb.ipVersion) && lb.ipVersion === 'IPV6') return AddressSet.ALL_V6;
    if (!isUnknown(lb.network) && lb.network === 'OPEN') return PUBLIC_V4;
    if (!isUnknown(lb.network) && lb.network === 'INTERNAL') {
      return this.subnetCidr(lb.subnet) ?? this.vpcCidr(lb.vpc) ?? PRIVATE_V4;
    }
    return AddressSet.ALL_V4;
  }

  peer(spec: AddressSpec): PeerMatch {
    // Every variant has one text besides its kind; a rule list of 100,000 peers makes this key hot.
    const cacheKey = `${spec.kind}\u0000${spec.kind === 'cidr' ? spec.cidr : spec.kind === 'unknown' ? spec.reason : spec.kind === 'any' ? '' : spec.ref}`;
    let match = this.peerCache.get(cacheKey);
    if (match === undefined) {
      match = this.resolvePeer(spec);
      this.peerCache.set(cacheKey, match);
    }
    return match;
  }

  private resolvePeer(spec: AddressSpec): PeerMatch {
    const known = (set: AddressSet): PeerMatch => ({ definite: set, possible: set, symbols: new Set() });
    switch (spec.kind) {
      case 'cidr': {
        const set = AddressSet.parse(spec.cidr);
        return set === undefined ? PEER_ANY_UNKNOWN(`"${spec.cidr}" is not an address or CIDR`) : known(set);
      }
      case 'unknown':
        return PEER_ANY_UNKNOWN(spec.reason);
      case 'any':
        return known(AddressSet.ALL);
      case 'loadBalancerVip': {
        const lb = this.loadBalancer(spec.ref);
        if (lb === undefined) return PEER_ANY_UNKNOWN(`${spec.ref} is not in this check`);
        const vip = this.vip(lb);
        if (vip.symbols.length === 0) return known(vip.addresses);
        return { definite: AddressSet.EMPTY, possible: vip.symbols[0]!.within, symbols: new Set([vip.symbols[0]!.id]) };
      }
      case 'addressTemplate':
      case 'addressTemplateGroup':
        return this.templatePeer(spec.kind, spec.ref, 0);
      case 'securityGroup':
        return this.membersPeer(spec.ref);
    }
  }

  private templatePeer(kind: 'addressTemplate' | 'addressTemplateGroup', ref: Ref, depth: number): PeerMatch {
    if (kind === 'addressTemplate') {
      const template = this.inventory.addressTemplates.get(this.key(ref));
      if (template === undefined) return PEER_ANY_UNKNOWN(`address template ${ref} is not in this check`);
      if (isUnknown(template.addresses)) return PEER_ANY_UNKNOWN(`addresses of ${ref}: ${template.addresses.reason}`);
      const set = AddressSet.parseAll(template.addresses);
      if (set === undefined) return PEER_ANY_UNKNOWN(`address template ${ref} holds an entry that is not an address`);
      return { definite: set, possible: set, symbols: new Set() };
    }
    const group = this.inventory.addressTemplateGroups.get(this.key(ref));
    if (group === undefined || depth > 0) return PEER_ANY_UNKNOWN(`address template group ${ref} is not in this check`);
    if (isUnknown(group.members)) return PEER_ANY_UNKNOWN(`members of ${ref}: ${group.members.reason}`);
    return unionPeers(group.members.map((member) => this.templatePeer('addressTemplate', member, depth + 1)));
  }

  /** A security-group peer means the private IPs of the interfaces in that group. */
  private membersPeer(ref: Ref): PeerMatch {
    if (this.securityGroup(ref) === undefined && this.inventory.mode === 'plan') {
      return PEER_ANY_UNKNOWN(`the members of ${ref} are not in this check`);
    }
    const key = this.key(ref);
    const { members, unknown } = this.membership();
    let definite = AddressSet.EMPTY;
    let possible = AddressSet.EMPTY;
    for (const nic of members.get(key) ?? []) {
      const bounds = this.interfaceAddresses(nic);
      definite = definite.union(bounds.definite);
      possible = possible.union(bounds.possible);
    }
    for (const nic of unknown) possible = possible.union(this.interfaceAddresses(nic).possible);
    return { definite, possible, symbols: new Set() };
  }

  /** The interfaces bound to a security group (those whose group lists are known). */
  groupMembers(ref: Ref): readonly NetworkInterface[] {
    return this.membership().members.get(this.key(ref)) ?? [];
  }

  /** The interfaces whose group lists are not known: any group may be bound to them. */
  interfacesOfUnknownGroups(): readonly NetworkInterface[] {
    return this.membership().unknown;
  }

  private membership(): { members: Map<Ref, NetworkInterface[]>; unknown: NetworkInterface[] } {
    if (this.membersIndex === undefined || this.unknownMembership === undefined) {
      this.membersIndex = new Map();
      this.unknownMembership = [];
      for (const nic of this.interfaces()) {
        if (isUnknown(nic.securityGroups)) {
          this.unknownMembership.push(nic);
          continue;
        }
        for (const sg of nic.securityGroups) {
          const key = this.key(sg);
          const list = this.membersIndex.get(key) ?? [];
          list.push(nic);
          this.membersIndex.set(key, list);
        }
      }
    }
    return { members: this.membersIndex, unknown: this.unknownMembership };
  }

  /** What a rule's service matches; templates expand into one entry per service, in order. */
  services(spec: ServiceSpec, depth = 0): ServiceMatch[] {
    if (spec.kind === 'protocol') {
      if (isUnknown(spec.protocol)) return [{ unknownReason: `protocol: ${spec.protocol.reason}`, text: '?' }];
      const protocol = parseProtocol(spec.protocol);
      if (protocol === undefined) return [{ unknownReason: `unsupported protocol "${spec.protocol}"`, text: spec.protocol }];
      if (protocol === 'ALL' || !hasPorts(protocol)) return [{ protocol, ports: ALL_PORTS, text: protocol }];
      if (isUnknown(spec.ports)) return [{ unknownReason: `port: ${spec.ports.reason}`, protocol, text: `${protocol}:?` }];
      const ports = parsePorts(spec.ports);
      if (ports === undefined)
        return [{ unknownReason: `"${spec.ports}" is not a port, list or range`, protocol, text: `${protocol}:${spec.ports}` }];
      return [{ protocol, ports, text: `${protocol}:${spec.ports.toUpperCase()}` }];
    }
    if (spec.kind === 'serviceTemplate') {
      const template = this.inventory.serviceTemplates.get(this.key(spec.ref));
      if (template === undefined) return [{ unknownReason: `service template ${spec.ref} is not in this check`, text: spec.ref }];
      if (isUnknown(template.services)) return [{ unknownReason: `services of ${spec.ref}: ${template.services.reason}`, text: spec.ref }];
      return template.services.map((entry) => this.templateEntry(entry, spec.ref));
    }
    const group = this.inventory.serviceTemplateGroups.get(this.key(spec.ref));
    if (group === undefined || depth > 0)
      return [{ unknownReason: `service template group ${spec.ref} is not in this check`, text: spec.ref }];
    if (isUnknown(group.members)) return [{ unknownReason: `members of ${spec.ref}: ${group.members.reason}`, text: spec.ref }];
    return group.members.flatMap((member) => this.services({ kind: 'serviceTemplate', ref: member }, depth + 1));
  }

  /** `TCP:80,443`, `UDP:3000-4000`, `TCP:ALL`, `ICMP`, `ALL`. */
  private templateEntry(entry: string, ref: Ref): ServiceMatch {
    const colon = entry.indexOf(':');
    const protocolText = colon >= 0 ? entry.slice(0, colon) : entry;
    const portsText = colon >= 0 ? entry.slice(colon + 1) : 'ALL';
    const [match] = this.services({ kind: 'protocol', protocol: protocolText, ports: portsText });
    if (match === undefined || 'unknownReason' in match)
      return { unknownReason: `service template ${ref}: cannot read "${entry}"`, text: entry };
    return match;
  }
}

function unionPeers(peers: PeerMatch[]): PeerMatch {
  let definite = AddressSet.EMPTY;
  let possible = AddressSet.EMPTY;
  const symbols = new Set<string>();
  let unknownReason: string | undefined;
  for (const peer of peers) {
    definite = definite.union(peer.definite);
    possible = possible.union(peer.possible);
    for (const s of peer.symbols) symbols.add(s);
    unknownReason ??= peer.unknownReason;
  }
  return { definite, possible, symbols, ...(unknownReason ? { unknownReason } : {}) };
}
