import { AddressSet } from './addressSet.js';
import type { RuleRef } from './flow.js';
import { ALL_PORTS, NO_PORTS, type PortSet } from './portSet.js';
import { PROTOCOLS, type Protocol } from './protocol.js';

/**
 * A rule reduced to what it matches. Each dimension has a `definite` part (matched for sure) and
 * a `possible` part (might match, because some value is unknown); definite ⊆ possible. A fully
 * known rule has definite = possible.
 */
export interface PeerMatch {
  readonly definite: AddressSet;
  readonly possible: AddressSet;
  /** Symbolic addresses the rule certainly matches (a rule that references that CLB's VIP). */
  readonly symbols: ReadonlySet<string>;
  readonly unknownReason?: string;
}

export interface CompiledRule {
  /** Undefined when the action itself is unknown. */
  readonly action: 'ACCEPT' | 'DROP' | undefined;
  readonly protocols: { readonly definite: ReadonlySet<Protocol>; readonly possible: ReadonlySet<Protocol> };
  readonly peer: PeerMatch;
  readonly ports: { readonly definite: PortSet; readonly possible: PortSet };
  /** Quintuple ACL entries also match the local side; `yes` for everything else. */
  readonly local: 'yes' | 'no' | 'maybe';
  readonly ref: RuleRef;
  /** Why part of the rule is unknown. */
  readonly unknownReason?: string;
}

export const ALL_PROTOCOLS: ReadonlySet<Protocol> = new Set(PROTOCOLS);

export const PEER_ANY_UNKNOWN = (reason: string): PeerMatch => ({
  definite: AddressSet.EMPTY,
  possible: AddressSet.ALL,
  symbols: new Set(),
  unknownReason: reason,
});

/**
 * A stand-in for a whole stretch of rules nobody can see (an external security group, a rule
 * list known only after apply): it may match anything, with an unknown action.
 */
export function opaqueRule(ref: RuleRef, reason: string): CompiledRule {
  return {
    action: undefined,
    protocols: { definite: new Set(), possible: ALL_PROTOCOLS },
    peer: PEER_ANY_UNKNOWN(reason),
    ports: { definite: NO_PORTS, possible: ALL_PORTS },
    local: 'maybe',
    ref,
    unknownReason: reason,
  };
}
