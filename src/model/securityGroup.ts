import type { AddressSpec, ServiceSpec } from './address.js';
import type { Ref } from './network.js';
import type { Provenance } from './provenance.js';
import type { Maybe } from './value.js';

export type RuleAction = 'ACCEPT' | 'DROP';
export type Direction = 'ingress' | 'egress';

export interface SecurityGroupRule {
  readonly action: Maybe<RuleAction>;
  /** Source for ingress, destination for egress. */
  readonly peer: AddressSpec;
  readonly service: ServiceSpec;
  readonly description?: string;
  /** The rule's own origin: rule set block, lite-rule string, single rule resource, API policy. */
  readonly provenance: Provenance;
}

/** A list of rules whose order could not be established, or that is wholly unknown. */
export interface RuleList {
  /** In priority order: index 0 is evaluated first. */
  readonly rules: readonly SecurityGroupRule[];
  /** Set when the list as a whole (or its order) is not known: checks become `unknown`. */
  readonly unknownReason?: string;
}

export interface SecurityGroup {
  readonly key: Ref;
  readonly name?: string;
  readonly ingress: RuleList;
  readonly egress: RuleList;
  readonly provenance: Provenance;
}
