import type { Ref } from './network.js';
import type { Provenance } from './provenance.js';
import type { Maybe } from './value.js';

/**
 * The peer of a rule (source for ingress, destination for egress), as written. Resolution to
 * addresses is the engine's job, because it needs the rest of the inventory.
 */
export type AddressSpec =
  /** IPv4 or IPv6 CIDR or single address, as written (`0.0.0.0/8` is kept; the engine widens it). */
  | { readonly kind: 'cidr'; readonly cidr: string }
  /** The private IPs of the instances and ENIs in that security group. */
  | { readonly kind: 'securityGroup'; readonly ref: Ref }
  | { readonly kind: 'addressTemplate'; readonly ref: Ref }
  | { readonly kind: 'addressTemplateGroup'; readonly ref: Ref }
  /** The VIP(s) of a load balancer, referred to symbolically (a plan before apply). */
  | { readonly kind: 'loadBalancerVip'; readonly ref: Ref }
  /** A rule that names no source at all: it matches every IPv4 and IPv6 address. */
  | { readonly kind: 'any' }
  | { readonly kind: 'unknown'; readonly reason: string };

/** What a rule matches besides the peer. `ports` is `ALL`, `80`, `80,443` or `8000-8010`. */
export type ServiceSpec =
  | { readonly kind: 'protocol'; readonly protocol: Maybe<string>; readonly ports: Maybe<string> }
  | { readonly kind: 'serviceTemplate'; readonly ref: Ref }
  | { readonly kind: 'serviceTemplateGroup'; readonly ref: Ref };

/** IP parameter template (`ipm-`): CIDRs, single IPs and ranges `a-b`. */
export interface AddressTemplate {
  readonly key: Ref;
  readonly name?: string;
  readonly addresses: Maybe<readonly string[]>;
  readonly provenance: Provenance;
}

/** IP template group (`ipmg-`). */
export interface AddressTemplateGroup {
  readonly key: Ref;
  readonly name?: string;
  readonly members: Maybe<readonly Ref[]>;
  readonly provenance: Provenance;
}

/** Protocol-port template (`ppm-`): `TCP:80`, `TCP:80,443`, `UDP:3000-4000`, `TCP:ALL`, `ICMP`. */
export interface ServiceTemplate {
  readonly key: Ref;
  readonly name?: string;
  readonly services: Maybe<readonly string[]>;
  readonly provenance: Provenance;
}

/** Protocol-port template group (`ppmg-`). */
export interface ServiceTemplateGroup {
  readonly key: Ref;
  readonly name?: string;
  readonly members: Maybe<readonly Ref[]>;
  readonly provenance: Provenance;
}
