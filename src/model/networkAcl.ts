import type { Ref } from './network.js';
import type { Provenance } from './provenance.js';
import type { RuleAction } from './securityGroup.js';
import type { Maybe } from './value.js';

/**
 * One ACL entry. Triple entries match the peer CIDR, protocol and port (the destination port of
 * the packet: the service port inbound, the peer's port outbound). Quintuple entries also name
 * the local side and the source port.
 */
export interface NetworkAclEntry {
  readonly action: Maybe<RuleAction>;
  readonly protocol: Maybe<string>;
  /** Triple: the packet's destination port. Quintuple: `destinationPort`. `ALL`, `80`, `80-90`. */
  readonly port: Maybe<string>;
  /** Triple: the peer (source inbound, destination outbound). Quintuple: see below. */
  readonly peerCidr: Maybe<string>;
  /** Quintuple only: the local-side CIDR (destination inbound, source outbound). */
  readonly localCidr?: Maybe<string>;
  /** Quintuple only: the packet's source port. */
  readonly sourcePort?: Maybe<string>;
  readonly description?: string;
  readonly provenance: Provenance;
}

export interface NetworkAclEntryList {
  readonly entries: readonly NetworkAclEntry[];
  readonly unknownReason?: string;
}

export interface NetworkAcl {
  readonly key: Ref;
  readonly name?: string;
  readonly type: 'TRIPLE' | 'QUINTUPLE';
  readonly vpc: Maybe<Ref>;
  readonly ingress: NetworkAclEntryList;
  readonly egress: NetworkAclEntryList;
  readonly provenance: Provenance;
}
