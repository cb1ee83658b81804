import type { Ref } from './network.js';
import type { Provenance } from './provenance.js';
import type { Maybe } from './value.js';

export type ListenerProtocol = 'TCP' | 'UDP' | 'TCP_SSL' | 'HTTP' | 'HTTPS' | 'QUIC';

export interface HealthCheck {
  readonly enabled: Maybe<boolean>;
  /** `health_check_port` / `CheckPort`; absent = the backend port. Meaningful on TCP/UDP only. */
  readonly port?: Maybe<number>;
  readonly type?: Maybe<string>;
  /** 0: the CLB VIP probes; 1: addresses from 100.64.0.0/10 probe. Absent: unknown default. */
  readonly sourceIpType: Maybe<0 | 1>;
  readonly provenance: Provenance;
}

/** One backend registration: an instance (its primary IP) or an ENI IP, on a port. */
export interface Target {
  /** The instance, when registered by instance ID. */
  readonly instance?: Maybe<Ref>;
  /**
   * Set when `instance` is unknown but known to be one of these instances (a `dynamic` block whose
   * `for_each` cannot be decided before apply, over the instances of one resource). Policies
   * evaluate each: when all fail the same way, each is reported; otherwise the target is unknown.
   */
  readonly instanceCandidates?: readonly Ref[];
  /** The ENI IP, when registered by IP (secondary NICs, cross-region, IPv6). */
  readonly eniIp?: Maybe<string>;
  readonly port: Maybe<number>;
  readonly weight?: Maybe<number>;
  /** How it is attached: straight to the listener, to an L7 rule, or through a target group. */
  readonly via: 'listener' | 'rule' | 'targetGroup';
  readonly targetGroup?: Ref;
  readonly provenance: Provenance;
}

/** An L7 forwarding rule (domain + URL) with its own health check and targets. */
export interface ListenerRule {
  readonly key: Ref;
  readonly domain?: Maybe<string> | undefined;
  readonly url?: Maybe<string>;
  readonly healthCheck: HealthCheck;
  readonly targets: readonly Target[];
  readonly provenance: Provenance;
}

export interface Listener {
  readonly key: Ref;
  readonly name?: string;
  readonly loadBalancer: Ref;
  readonly protocol: Maybe<ListenerProtocol>;
  readonly port: Maybe<number>;
  readonly endPort?: Maybe<number>;
  /** L4 health check; L7 listeners carry theirs on rules. */
  readonly healthCheck: HealthCheck;
  readonly rules: readonly ListenerRule[];
  /** L4 targets. */
  readonly targets: readonly Target[];
  /** Set when the target list may be incomplete (e.g. targets written in a `dynamic` block). */
  readonly targetsUnknownReason?: string;
  readonly provenance: Provenance;
}

export interface SnatIp {
  readonly subnet: Maybe<Ref>;
  readonly ip: Maybe<string>;
}

export interface LoadBalancer {
  readonly key: Ref;
  readonly name?: string;
  readonly network: Maybe<'OPEN' | 'INTERNAL'>;
  readonly ipVersion: Maybe<'IPV4' | 'IPV6'>;
  /** Empty while unknown in a plan; see `vipsUnknown`. */
  readonly vips: Maybe<readonly string[]>;
  readonly vpc: Maybe<Ref | null>;
  readonly subnet: Maybe<Ref | null>;
  /** The CLB's own security groups, in order; empty = none bound (all traffic allowed). */
  readonly securityGroups: Maybe<readonly Ref[]>;
  /** "Allow by default": when true the backend SGs are not evaluated for CLB traffic. */
  readonly passToTarget: Maybe<boolean>;
  /** Legacy private-CLB SNAT: the backend sees the VIP. */
  readonly snat: Maybe<boolean>;
  /** Cross-region binding 2.0 / hybrid cloud: the backend sees the SNAT IPs. */
  readonly snatPro: Maybe<boolean>;
  readonly snatIps: Maybe<readonly SnatIp[]>;
  readonly listeners: readonly Listener[];
  readonly provenance: Provenance;
}

export interface TargetGroup {
  readonly key: Ref;
  readonly name?: string;
  readonly targets: readonly Target[];
  readonly provenance: Provenance;
}
