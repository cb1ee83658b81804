import type { Provenance } from '../model/provenance.js';
import type { AddressSet } from './addressSet.js';
import type { PortSet } from './portSet.js';
import type { Protocol } from './protocol.js';

/**
 * An address whose value is not known yet but is constrained: the VIP of a CLB before apply
 * lies in `within` (its subnet for a private CLB, public space for a public one).
 */
export interface SymbolicAddress {
  /** `vip:<load balancer key>` */
  readonly id: string;
  readonly label: string;
  readonly within: AddressSet;
}

/** A set of packets: every source address (and symbolic address) × one protocol × ports. */
export interface FlowQuery {
  readonly protocol: Protocol;
  readonly addresses: AddressSet;
  readonly symbols: readonly SymbolicAddress[];
  readonly ports: PortSet;
}

/** Which rule decided, for explanations and findings. */
export interface RuleRef {
  /** Security group or ACL key; for the default deny, the list it ends. */
  readonly list: string;
  readonly direction: 'ingress' | 'egress';
  /** Position in its own list, 0-based; -1 (internal only, never reported) when `kind` is set. */
  readonly index: number;
  /**
   * Set when no written rule decided: `defaultDeny` is the implicit final DROP of the list,
   * `opaque` a stretch of rules nobody can see (an external group, a list known after apply),
   * `noGroups` a secondary interface without any security group, which admits all traffic.
   */
  readonly kind?: 'defaultDeny' | 'opaque' | 'noGroups';
  /** `DROP 45.33.0.0/16 TCP:8443` */
  readonly text: string;
  readonly action?: 'ACCEPT' | 'DROP';
  readonly provenance?: Provenance;
}

export type Verdict = 'allow' | 'deny' | 'unknown';

export interface VerdictPart {
  readonly verdict: Verdict;
  /** Concrete addresses of this part (empty when the part is a symbolic address). */
  readonly addresses: AddressSet;
  readonly symbol?: SymbolicAddress;
  readonly ports: PortSet;
  /** The rule that decided; absent when nothing matched (default deny) or nothing could decide. */
  readonly decidedBy?: RuleRef;
  /** Rules that may have matched earlier but could not be decided (unknown values). */
  readonly maybe: readonly RuleRef[];
  /** Why the part is unknown. */
  readonly reason?: string;
  /** A note for allowed parts that no rule decided (e.g. "same subnet: ACLs do not apply"). */
  readonly note?: string;
  /**
   * Set on a part unknown only because security groups of no defined priority disagree: what
   * decides it in each order. A policy that accepts every one of them need not report it.
   */
  readonly byOrder?: readonly OrderOutcome[];
}

/** The decision of one order of groups of no defined priority. */
export interface OrderOutcome {
  readonly verdict: 'allow' | 'deny';
  readonly decidedBy?: RuleRef;
}

export interface FlowVerdict {
  readonly verdict: Verdict;
  readonly parts: readonly VerdictPart[];
}

export function overallVerdict(parts: readonly VerdictPart[]): Verdict {
  if (parts.some((p) => p.verdict === 'deny')) return 'deny';
  if (parts.some((p) => p.verdict === 'unknown')) return 'unknown';
  return 'allow';
}
