import type { SourceLocation } from './provenance.js';

/**
 * How one layer treated one flow. `next`: a backend group in which no rule matched, so evaluation
 * goes on to the next group. `skipped`: the layer is not evaluated for this traffic
 * (pass-to-target skips the backend's groups).
 */
export type PathOutcome = 'allow' | 'deny' | 'unknown' | 'next' | 'skipped';

/** A rule (or default) that decided part of the flow in one layer. */
export interface PathRule {
  readonly verdict: 'allow' | 'deny' | 'unknown';
  /** Position in its own list, 0-based, for written rules. */
  readonly index?: number;
  readonly defaultDeny?: true;
  /** `DROP 45.33.0.0/16 TCP:8443`, `default deny (no rule matched)`, or what kept it undecided. */
  readonly rule: string;
  /** The part of the flow it decided (`45.33.0.0/16 TCP:8443`); absent when it decided the whole flow there. */
  readonly part?: string;
  readonly location?: SourceLocation;
}

export type PathLayerKind = 'loadBalancerGroup' | 'securityGroup' | 'networkAclIn' | 'networkAclOut';

/** One list the traffic crosses: a CLB group, a backend group, or the subnet ACL one way. */
export interface PathLayer {
  readonly kind: PathLayerKind;
  /** Group or ACL key (Terraform address or cloud ID); the CLB's key when it has no group. */
  readonly resource: string;
  readonly name?: string;
  readonly outcome: PathOutcome;
  readonly rules: readonly PathRule[];
  /** Why the layer allowed without a rule, or was skipped: "no security group", "pass-to-target". */
  readonly note?: string;
}

/**
 * One flow the CLB needs, layer by layer in the order the traffic crosses them, ending at the
 * target (then the reply leg through a stateless ACL). Carried by reachability findings so
 * reporters can draw the path without the inventory.
 */
export interface FlowPath {
  readonly loadBalancer?: string;
  readonly listener?: string;
  /** The resource the traffic is for: the backend (instance), or the listener for the CLB's groups. */
  readonly target: string;
  /** `clients (0.0.0.0/0)`, `health checks from the VIP of tencentcloud_clb_instance.web`. */
  readonly source: string;
  /** `TCP:8443` */
  readonly destination: string;
  readonly layers: readonly PathLayer[];
}
